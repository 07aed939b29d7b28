package vn.motcua.hub.engine.policy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.OpenCounters;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;

class EffectiveWaitPolicyTest {

    private static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final LocalDate DAY = LocalDate.of(2026, 11, 23);

    private static Instant at(int hour, int minute) {
        return DAY.atTime(hour, minute).atZone(HCM).toInstant();
    }

    /** The example of docs/architecture.md, word for word. */
    @Test
    void an_elderly_citizen_overtakes_by_at_most_the_head_start_and_the_reason_says_so() {
        Engine engine = new Engine(DISTRICT, DAY);
        OpenCounters.at(engine, at(7, 0));
        for (int n = 1; n <= 19; n++) { // 1-001 … 1-019, already served: the example starts at 1-020
            engine.handle(new Command.Issue("DD", Optional.empty()), at(7, 30));
            engine.handle(new Command.CallNext(1), at(7, 31));
        }
        for (int n = 1; n <= 13; n++) {
            engine.handle(new Command.Issue("HT", Optional.empty()), at(7, 30));
            engine.handle(new Command.CallNext(4), at(7, 31));
        }
        engine.handle(new Command.Done(1, Optional.empty()), at(7, 32));
        engine.handle(new Command.Done(4, Optional.empty()), at(7, 32));
        engine.handle(new Command.Issue("DD", Optional.empty()), at(8, 22));
        engine.handle(new Command.Issue("HT", Optional.of("ELDERLY")), at(8, 28));

        Event.TicketCalled call = (Event.TicketCalled) engine.handle(new Command.CallNext(10), at(8, 40)).events().getLast();

        assertThat(call.ticket().label()).isEqualTo("2-014");
        assertThat(call.policy()).isEqualTo("effective-wait");
        assertThat(call.reason()).isEqualTo("2-014: waited 12 min + 15 min priority (ELDERLY) + 13 min short service"
                + " - 3 min (secondary skill) = 37 min effective, highest of 2 this counter may serve; next 1-020 at 18 min");
    }

    @Test
    void someone_past_the_starvation_cap_goes_before_anyone_who_is_not_whatever_the_head_starts() {
        EffectiveWaitPolicy policy = new EffectiveWaitPolicy(DISTRICT.rules(), DISTRICT.services());
        Office.Counter counter = DISTRICT.counter(10).orElseThrow();
        Ticket starving = ticket("1-001", "DD", at(8, 0), Optional.empty());
        Ticket elderly = ticket("2-001", "HT", at(8, 30), Optional.of("ELDERLY"));
        // At 08:45 the elderly citizen scores 15 + 15 + 13 - 3 = 40 min, but only 1-001 has waited past the 40 min cap.
        Choice choice = policy.choose(counter, List.of(elderly, starving), at(8, 45)).orElseThrow();
        assertThat(choice.ticket()).isEqualTo(starving);
        assertThat(choice.reason()).isEqualTo("1-001: waited 45 min, past the 40 min cap = 45 min effective, highest"
                + " of 2 this counter may serve; next 2-001 at 40 min");
    }

    @Test
    void among_citizens_past_the_cap_the_head_starts_still_count() {
        EffectiveWaitPolicy policy = new EffectiveWaitPolicy(DISTRICT.rules(), DISTRICT.services());
        Office.Counter counter = DISTRICT.counter(10).orElseThrow();
        Ticket land = ticket("1-001", "DD", at(8, 0), Optional.empty());
        Ticket elderly = ticket("2-001", "HT", at(8, 8), Optional.of("ELDERLY"));
        // At 08:50 both are past the cap: 1-001 at 50 min, 2-001 at 42 + 15 + 13 - 3 = 67 min.
        Choice choice = policy.choose(counter, List.of(land, elderly), at(8, 50)).orElseThrow();
        assertThat(choice.ticket()).isEqualTo(elderly);
        assertThat(choice.reason()).isEqualTo("2-001: waited 42 min, past the 40 min cap + 15 min priority (ELDERLY)"
                + " + 13 min short service - 3 min (secondary skill) = 67 min effective, highest of 2 this counter may"
                + " serve; next 1-001 at 50 min (past the cap)");
    }

    @Test
    void short_services_get_a_head_start_that_shrinks_to_none_for_the_longest() {
        // District means: DD 18 min (longest), XD 15, HT 10, KH 8, CT 5; the rule's 30 min head start scaled by
        // 1 - mean / 18.
        assertThat(ShortJobHeadStarts.of(DISTRICT.services(), Duration.ofMinutes(30))).containsEntry("DD", 0L)
                .containsEntry("XD", 300L).containsEntry("HT", 800L).containsEntry("KH", 1000L)
                .containsEntry("CT", 1300L);
        assertThat(ShortJobHeadStarts.of(DISTRICT.services(), Duration.ZERO).values()).containsOnly(0L);
    }

    @Test
    void a_counter_never_calls_a_service_it_does_not_serve_or_a_ticket_reserved_for_another_counter() {
        EffectiveWaitPolicy policy = new EffectiveWaitPolicy(DISTRICT.rules(), DISTRICT.services());
        Office.Counter landOnly = DISTRICT.counter(1).orElseThrow();
        assertThat(policy.choose(landOnly, List.of(ticket("2-001", "HT", at(8, 0), Optional.empty())), at(9, 0))).isEmpty();
    }

    private static Ticket ticket(String label, String service, Instant issued, Optional<String> priority) {
        Engine engine = new Engine(DISTRICT, DAY);
        OpenCounters.at(engine, at(7, 0));
        Ticket issuedTicket = ((Event.TicketIssued) engine.handle(new Command.Issue(service, priority), issued)
                .events().getFirst()).ticket();
        return new Ticket(issuedTicket.day(), label, service, issuedTicket.number(), issued, issued, priority,
                Optional.empty(), issuedTicket.state(), 0, 0, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, false);
    }
}
