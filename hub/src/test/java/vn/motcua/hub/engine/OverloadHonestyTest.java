package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.hub.engine.LastCallTest.at;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * Tickets, the catalogue and the status view say "may not be served today" from the same estimate. District office
 * at 16:00, nothing learned yet: land (DD) takes the profile's 18 min at the 5 counters that serve it, all idle, so
 * the engine's forward simulation calls five land tickets at once and five more every 18 min (16:18, 16:36, 16:54);
 * the last call is 16:50.
 */
class OverloadHonestyTest {

    private final Engine engine = new Engine(EngineFixture.DISTRICT, EngineFixture.MONDAY);

    OverloadHonestyTest() {
        OpenCounters.at(engine, at(7, 30));
    }

    @Test
    void at_four_the_sixteenth_land_ticket_is_the_first_told_it_may_not_be_served_today() {
        for (int ahead = 0; ahead < 15; ahead++) {
            ResponseBody.TicketIssued issued = issue("DD", at(16, 0));
            assertThat(issued.estimateMin()).as(issued.ticket()).contains(18 * (ahead / 5));
            assertThat(issued.mayNotBeServedToday()).as("%s, %s min", issued.ticket(), issued.estimateMin()).isFalse();
        }
        assertThat(catalogueEntry("DD", at(16, 0))).satisfies(dd -> {
            assertThat(dd.estimateMin()).contains(54);
            assertThat(dd.mayNotBeServedToday()).isTrue();
        });
        ResponseBody.TicketIssued sixteenth = issue("DD", at(16, 0));
        assertThat(sixteenth.ahead()).isEqualTo(15);
        assertThat(sixteenth.estimateMin()).contains(54); // called at 16:54, after the last call
        assertThat(sixteenth.mayNotBeServedToday()).isTrue();
        assertThat(catalogueEntry("HT", at(16, 0)).mayNotBeServedToday()).isFalse();
    }

    @Test
    void after_the_last_call_every_ticket_is_warned_even_with_nobody_ahead() {
        ResponseBody.TicketIssued late = issue("HT", at(17, 10));
        assertThat(late.estimateMin()).contains(0);
        assertThat(late.mayNotBeServedToday()).isTrue();
    }

    @Test
    void a_ticket_taken_over_lunch_is_judged_against_the_afternoon() {
        assertThat(issue("DD", at(12, 0)).mayNotBeServedToday()).isFalse();
    }

    @Test
    void the_status_view_follows_the_queue_with_the_same_estimate() {
        for (int i = 0; i < 16; i++) {
            issue("DD", at(16, 0));
        }
        assertThat(engine.view().ticketStatus("1-016", at(16, 0))).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(TicketState.WAITING);
            assertThat(s.serviceNameVi()).isEqualTo("Đất đai");
            assertThat(s.ahead()).isEqualTo(15);
            assertThat(s.estimateMin()).contains(54);
            assertThat(s.mayNotBeServedToday()).isTrue();
            assertThat(s.counter()).isEmpty();
        });
        engine.handle(new Command.CallNext(1), at(16, 1));
        assertThat(engine.view().ticketStatus("1-001", at(16, 1))).hasValueSatisfying(s -> {
            assertThat(s.state()).isEqualTo(TicketState.CALLED);
            assertThat(s.counter()).contains(1);
            assertThat(s.estimateMin()).isEmpty();
            assertThat(s.mayNotBeServedToday()).isFalse();
        });
        // A call alone changes nothing for 1-016 (the simulation had counter 1 take 1-001 already), counted from now:
        assertThat(engine.view().ticketStatus("1-016", at(16, 1)).orElseThrow().estimateMin()).contains(54);
        engine.handle(new Command.Cancel("1-002"), at(16, 1));
        assertThat(engine.view().ticketStatus("1-016", at(16, 1))).hasValueSatisfying(s -> {
            assertThat(s.ahead()).isEqualTo(13);
            assertThat(s.estimateMin()).contains(36); // 16:37, before the last call: the promise holds again
            assertThat(s.mayNotBeServedToday()).isFalse();
        });
        assertThat(engine.view().ticketStatus("1-099", at(16, 1))).isEmpty();
    }

    private ResponseBody.TicketIssued issue(String service, Instant now) {
        Decision d = engine.handle(new Command.Issue(service, Optional.empty()), now);
        return (ResponseBody.TicketIssued) d.answer().orElseThrow(() -> new AssertionError(d.rejection()));
    }

    private ServiceCatalogue.Entry catalogueEntry(String service, Instant now) {
        return engine.view().catalogue(now).services().stream().filter(e -> e.code().equals(service)).findFirst()
                .orElseThrow();
    }
}
