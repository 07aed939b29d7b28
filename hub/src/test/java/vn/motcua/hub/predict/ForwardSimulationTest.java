package vn.motcua.hub.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.OpenCounters;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.engine.TicketState;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.message.ResponseBody;

/**
 * Forward simulation on states a real engine reached, where the answer is computable by hand. Commune profile:
 * counter 1 serves HT and KH, 2 CT and HT, 3 DD, LD and CT; HT takes 10 minutes (nothing learned: no ticket is
 * finished in these states); hours 07:30-11:30 and 13:30-17:00; effective-wait with a 15-minute head start for
 * ELDERLY. A counter busy e minutes is expected free after 10 − e more; a paused one after 10 minutes of break.
 */
class ForwardSimulationTest {

    private static final Office COMMUNE = OfficeLoader.load(Path.of("src/test/resources/simulation/commune-office.json"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private final Engine engine = new Engine(COMMUNE, MONDAY);
    private final ServiceTimeLearner learner = new ServiceTimeLearner(COMMUNE);
    private final ForwardSimulation forward = new ForwardSimulation(engine.policy(), learner);

    ForwardSimulationTest() {
        OpenCounters.at(engine, at(7, 0));
    }

    @Test
    void twoBusyCountersAndTwoAhead() {
        send(at(8, 0), new Command.SignOut(3));
        for (int i = 0; i < 4; i++) {
            issue(at(8, 0).plusSeconds(10 * i), "HT", Optional.empty());
        }
        send(at(8, 1), new Command.CallNext(1));
        send(at(8, 1), new Command.CallNext(2));

        // counters 1 and 2, busy 4 of HT's 10 minutes, are free at 08:11 and take 1-003 and 1-004; counter 1, free
        // again at 08:21, takes ours
        assertThat(minutes(fresh("1-005", "HT", at(8, 5), Optional.empty()))).isCloseTo(16, within(1e-9));
        // the engine prints the same, rounded, and the ticket counts once when it is in the state too
        ResponseBody.TicketIssued printed = issue(at(8, 5), "HT", Optional.empty());
        assertThat(printed.estimateMin()).contains(16);
        assertThat(minutes(engine.state().ticket(printed.ticket()).orElseThrow())).isCloseTo(16, within(1e-9));
    }

    @Test
    void counterFreeInTheLunchGapCallsWhenTheAfternoonOpens() {
        send(at(11, 0), new Command.SignOut(3));
        for (int i = 0; i < 4; i++) {
            issue(at(11, 0).plusSeconds(10 * i), "HT", Optional.empty());
        }
        send(at(11, 20), new Command.CallNext(1));
        send(at(11, 20), new Command.CallNext(2));

        // both free at 11:30, the end of the morning: they call 1-003 and 1-004 at 13:30; ours at 13:40
        assertThat(minutes(fresh("1-005", "HT", at(11, 25), Optional.empty()))).isCloseTo(135, within(1e-9));
    }

    @Test
    void aPausedCounterCallsAfterATypicalBreak() {
        send(at(7, 55), new Command.SignOut(1));
        send(at(7, 55), new Command.SignOut(3));
        issue(at(7, 59), "HT", Optional.empty());
        send(at(8, 0), new Command.Pause(2));

        // counter 2 back at 08:10 takes 1-001 and is free for ours at 08:20
        assertThat(minutes(fresh("1-002", "HT", at(8, 4), Optional.empty()))).isCloseTo(16, within(1e-9));
    }

    @Test
    void aPriorityTicketGoesAheadAsThePolicyDecides() {
        send(at(7, 55), new Command.SignOut(2));
        send(at(7, 55), new Command.SignOut(3));
        issue(at(7, 59), "HT", Optional.empty());
        send(at(8, 0), new Command.CallNext(1));
        issue(at(8, 0).plusSeconds(30), "HT", Optional.empty());
        issue(at(8, 1), "HT", Optional.empty());

        // counter 1 free at 08:10; then 1-002 has waited 9.5 min, 1-003 9, an elderly citizen 5 + 15
        assertThat(minutes(fresh("1-004", "HT", at(8, 5), Optional.of("ELDERLY")))).isCloseTo(5, within(1e-9));
        // without priority: behind both, at 08:30
        assertThat(minutes(fresh("1-004", "HT", at(8, 5), Optional.empty()))).isCloseTo(25, within(1e-9));
    }

    @Test
    void pastClosingTheDayIsPlayedOnForAnHonestEstimate() {
        send(at(16, 30), new Command.SignOut(2));
        send(at(16, 30), new Command.SignOut(3));
        issue(at(16, 40), "HT", Optional.empty());
        issue(at(16, 40), "HT", Optional.empty());

        // counter 1, idle, calls 1-001 now and 1-002 at 16:51; the office closes at 17:00; ours would be at 17:01
        assertThat(minutes(fresh("1-003", "HT", at(16, 41), Optional.empty()))).isCloseTo(20, within(1e-9));
    }

    @Test
    void aQueueDeeperThanTheSimulatedCallsIsExtrapolatedAtThePaceSoFar() {
        send(at(7, 30), new Command.SignOut(2));
        send(at(7, 30), new Command.SignOut(3));
        for (int i = 0; i < 300; i++) {
            issue(at(7, 30), "HT", Optional.empty());
        }

        // Counter 1 alone calls one HT ticket every 10 minutes from 07:30, none over lunch (11:30-13:30), and on past
        // closing: call k at 10k minutes, 10k + 120 from the 25th. The 250th call (k = 249) is at 2,610 minutes; the
        // 50 still ahead and ours follow at that pace: 2,610 + 51 × 2,610 / 250 = 3,142.4 minutes, where playing all
        // 300 calls would give 3,120 (0.7 % less).
        assertThat(ForwardSimulation.MAX_CALLS).isEqualTo(250);

        assertThat(minutes(fresh("1-301", "HT", at(7, 30), Optional.empty()))).isCloseTo(2610 + 51 * 2610 / 250.0,
                within(1e-6));
    }

    @Test
    void noEstimateWithoutAStaffedCounterForTheService() {
        send(at(8, 0), new Command.SignOut(1));
        send(at(8, 0), new Command.SignOut(2));

        assertThat(forward.minutes(engine.state(), fresh("1-001", "HT", at(8, 1), Optional.empty()), at(8, 1))).isEmpty();
        assertThat(forward.minutes(engine.state(), fresh("4-001", "LD", at(8, 1), Optional.empty()), at(8, 1))).isPresent();
    }

    @Test
    void ticketsComingBackForANextServiceTakeACounterAtTodaysRate() {
        send(at(7, 30), new Command.SignOut(2));
        send(at(7, 30), new Command.SignOut(3));
        issue(at(7, 30), "HT", Optional.empty());
        send(at(7, 30), new Command.CallNext(1));
        send(at(7, 31), new Command.Start(1));
        send(at(7, 40), new Command.AddService(1, "KH")); // 10 min of HT, and back in line for KH
        send(at(7, 40), new Command.CallNext(1));
        send(at(7, 48), new Command.Done(1, Optional.empty())); // 8 min of KH: both means stay as profiled
        for (int i = 0; i < 4; i++) {
            issue(at(8, 0), "HT", Optional.empty());
        }

        // One KH ticket came back in the 30 open minutes since 07:30 (+ a 30-minute prior): 1/60 per minute, so
        // half of one is expected by 08:30. Counter 1 calls 1-002 at 08:00, 1-003 at 08:10, 1-004 at 08:20, the
        // KH ticket coming back at 08:30 (8 min), 1-005 at 08:38 and ours at 08:48; 40 minutes without it.
        assertThat(minutes(fresh("1-006", "HT", at(8, 0), Optional.empty()))).isCloseTo(48, within(1e-9));
    }

    private double minutes(Ticket ticket) {
        return forward.minutes(engine.state(), ticket, ticket.queuedAt()).orElseThrow();
    }

    /** A ticket the engine has not seen yet: the hub asks for its estimate before applying its issue. */
    private static Ticket fresh(String label, String service, Instant at, Optional<String> priority) {
        return new Ticket(MONDAY, label, service, Integer.parseInt(label.substring(2)), at, at, priority,
                Optional.empty(), TicketState.WAITING, 0, 0, Optional.empty(), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, false);
    }

    private ResponseBody.TicketIssued issue(Instant at, String service, Optional<String> priority) {
        return (ResponseBody.TicketIssued) send(at, new Command.Issue(service, priority)).answer().orElseThrow();
    }

    private Decision send(Instant at, Command command) {
        Decision decision = engine.handle(command, at);
        assertThat(decision.rejection()).as(command.toString()).isEmpty();
        List<Event> events = new ArrayList<>(decision.prelude());
        events.addAll(decision.events());
        learner.observe(events);
        return decision;
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(MONDAY, LocalTime.of(hour, minute), COMMUNE.zone()).toInstant();
    }
}
