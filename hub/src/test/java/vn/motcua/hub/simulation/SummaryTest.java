package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The day summary's arithmetic, on visits and counter-days made by hand. */
class SummaryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final Instant OPEN = Instant.parse("2026-01-05T00:30:00Z");

    @Test
    void waits_count_never_called_citizens_until_they_left_with_nearest_rank_percentiles() {
        // Waits of 0, 5, 10, ... 95 minutes: twenty called visits, every fourth with a priority.
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            visits.add(called(i, Duration.ofMinutes(5L * i), i % 4 == 0 ? Optional.of("ELDERLY") : Optional.empty(),
                    false));
        }
        // Never called: an elderly citizen still waiting at closing after 200 min, one who gave up after 25 min;
        // censored at their end. A citizen turned away at the kiosk never queued and has no wait.
        visits.add(neverCalled(20, Duration.ofMinutes(200), Visit.Outcome.UNSERVED_AT_CLOSE, Optional.of("ELDERLY")));
        visits.add(neverCalled(21, Duration.ofMinutes(25), Visit.Outcome.CANCELLED, Optional.empty()));
        visits.add(neverCalled(22, Duration.ZERO, Visit.Outcome.TURNED_AWAY, Optional.empty()));
        visits.add(called(23, Duration.ofHours(20), Optional.empty(), true));
        Summary summary = Summary.of(visits, List.of(
                new CounterDay(DAY, 1, "CB01", Duration.ofHours(8), Duration.ofHours(6), 30, 1),
                new CounterDay(DAY.plusDays(1), 1, "CB01", Duration.ofHours(8), Duration.ofHours(4), 20, 0)));

        // Sorted: 0 5 10 15 20 25 25 30 35 ... 95 200: 22 waits, 2 of them censored; the carried-over one is not in.
        WaitStats w = summary.waits();
        assertThat(w.count()).isEqualTo(22);
        assertThat(w.censored()).isEqualTo(2);
        assertThat(w.mean()).isCloseTo((950 + 200 + 25) / 22.0, within(1e-9));
        assertThat(w.p50()).isEqualTo(45);  // 11th of 22
        assertThat(w.p90()).isEqualTo(90);  // 20th
        assertThat(w.p95()).isEqualTo(95);  // 21st
        assertThat(w.max()).isEqualTo(200);
        assertThat(w.within15()).isCloseTo(4 / 22.0, within(1e-9));
        assertThat(w.within30()).isCloseTo(8 / 22.0, within(1e-9));

        WaitStats called = summary.calledWaits();
        assertThat(called.count()).isEqualTo(20);
        assertThat(called.censored()).isZero();
        assertThat(called.mean()).isCloseTo(47.5, within(1e-9));
        assertThat(called.p50()).isEqualTo(45);  // 10th of 20
        assertThat(called.p95()).isEqualTo(90);  // 19th
        assertThat(called.max()).isEqualTo(95);

        assertThat(summary.priorityWaits().count()).isEqualTo(6);
        assertThat(summary.priorityWaits().censored()).isEqualTo(1);
        assertThat(summary.priorityWaits().mean()).isCloseTo((0 + 20 + 40 + 60 + 80 + 200) / 6.0, within(1e-9));
        assertThat(summary.visits()).isEqualTo(23);
        assertThat(summary.carriedIn()).isEqualTo(1);
        assertThat(summary.count(Visit.Outcome.SERVED)).isEqualTo(21);
        assertThat(summary.count(Visit.Outcome.UNSERVED_AT_CLOSE)).isEqualTo(1);
        assertThat(summary.count(Visit.Outcome.CANCELLED)).isEqualTo(1);
        assertThat(summary.days()).isEqualTo(2);
        Summary.CounterSummary counter = summary.counters().getFirst();
        assertThat(counter.utilisation()).isCloseTo(10 / 16.0, within(1e-9));
        assertThat(counter.filesPerDay()).isEqualTo(25);
    }

    private static Visit called(int id, Duration wait, Optional<String> priority, boolean carried) {
        Instant arrival = OPEN.plusSeconds(id);
        Optional<Instant> called = Optional.of(arrival.plus(wait));
        return new Visit(DAY, id, Optional.of(String.format("1-%03d", id + 1)), List.of("HT"), priority, false, carried,
                arrival, called, called, called.get().plusSeconds(300), Visit.Outcome.SERVED, 1, 1, Optional.empty());
    }

    private static Visit neverCalled(int id, Duration untilEnd, Visit.Outcome outcome, Optional<String> priority) {
        Instant arrival = OPEN.plusSeconds(id);
        Optional<String> ticket = outcome == Visit.Outcome.TURNED_AWAY ? Optional.empty()
                : Optional.of(String.format("1-%03d", id + 1));
        return new Visit(DAY, id, ticket, List.of("HT"), priority, false, false, arrival, Optional.empty(),
                Optional.empty(), arrival.plus(untilEnd), outcome, 0, 0, Optional.empty());
    }
}
