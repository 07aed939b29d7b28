package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.UnitLimits;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;

/** Each unit's request and ticket budgets, on a clock the test moves. */
class UnitBudgetTest {

    private static final long SECOND = 1_000_000_000L;

    private final AtomicLong now = new AtomicLong(42 * SECOND);
    private final Metrics metrics = new Metrics();
    private final UnitBudget budget = new UnitBudget(new UnitLimits(10, 20, 30), metrics, now::get);
    private final Ulid ids = Ulid.generator();

    @Test
    void a_unit_may_send_its_burst_at_once_then_its_rate_and_others_are_not_touched() {
        for (int i = 0; i < 20; i++) {
            assertThat(budget.admit("counter-4", next())).as("request %d of the burst", i).isEmpty();
        }
        Optional<Response.Failure> refused = budget.admit("counter-4", next());
        assertThat(refused).hasValueSatisfying(f -> {
            assertThat(f.code()).isEqualTo(ErrorCode.RATE_LIMITED);
            assertThat(f.message()).contains("10 requests a second");
        });
        assertThat(budget.admit("counter-5", next())).as("another unit has its own budget").isEmpty();
        now.addAndGet(SECOND / 10);
        assertThat(budget.admit("counter-4", next())).as("a tenth of a second later: one more").isEmpty();
        assertThat(budget.admit("counter-4", next())).isPresent();
        assertThat(metrics.value(UnitBudget.RATE_LIMITED + "{device=\"counter-4\"}")).isEqualTo(2);
    }

    @Test
    void a_unit_issuing_tickets_faster_than_its_minute_allows_is_refused_and_alerted_once_per_episode() {
        UnitBudget generous = new UnitBudget(new UnitLimits(1_000, 1_000, 30), metrics, now::get);
        for (int i = 0; i < 30; i++) {
            assertThat(generous.admit("kiosk-1", issue())).isEmpty();
        }
        for (int i = 0; i < 100; i++) {
            assertThat(generous.admit("kiosk-1", issue())).hasValueSatisfying(f ->
                    assertThat(f.code()).isEqualTo(ErrorCode.TOO_MANY_TICKETS));
        }
        assertThat(generous.admit("kiosk-1", next())).as("other requests still go through").isEmpty();
        assertThat(metrics.value(UnitBudget.FLOOD_ALERTS + "{device=\"kiosk-1\"}")).isEqualTo(1);
        assertThat(metrics.value(UnitBudget.TICKETS_REFUSED + "{device=\"kiosk-1\"}")).isEqualTo(100);

        now.addAndGet(2 * SECOND);
        assertThat(generous.admit("kiosk-1", issue())).as("half a ticket a second comes back").isEmpty();
        assertThat(generous.admit("kiosk-1", issue())).isPresent();
        assertThat(metrics.value(UnitBudget.FLOOD_ALERTS + "{device=\"kiosk-1\"}")).as("the same episode").isEqualTo(1);

        now.addAndGet(61 * SECOND);
        for (int i = 0; i < 31; i++) {
            generous.admit("kiosk-1", issue());
        }
        assertThat(metrics.value(UnitBudget.FLOOD_ALERTS + "{device=\"kiosk-1\"}")).as("a new episode after a quiet minute")
                .isEqualTo(2);
    }

    @Test
    void per_unit_series_stop_naming_units_past_the_bound() {
        UnitLabels labels = new UnitLabels();
        for (int i = 0; i < UnitLabels.MAX; i++) {
            assertThat(labels.of("unit-" + i)).isEqualTo("unit-" + i);
        }
        assertThat(labels.of("one-too-many")).isEqualTo(UnitLabels.OTHER);
        assertThat(labels.of("unit-7")).isEqualTo("unit-7");
    }

    private Request next() {
        return Request.of(ids.next(), OffsetDateTime.now(), new RequestBody.CounterNext(4));
    }

    private Request issue() {
        return Request.of(ids.next(), OffsetDateTime.now(), new RequestBody.TicketIssue("HT", Optional.empty()));
    }
}
