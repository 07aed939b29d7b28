package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.predict.ForwardSimulation;
import vn.motcua.hub.predict.ServiceTimeLearner;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * The estimate the engine prints is its forward simulation with what it learned today, and a restarted engine that
 * replays the day's log has learned the same. Commune profile: HT 10 min, counters 1 (HT, KH) and 2 (CT, HT).
 */
class WaitEstimateTest {

    private static final Office COMMUNE = OfficeLoader.load(Path.of("src/test/resources/simulation/commune-office.json"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    private final List<Decision> log = new ArrayList<>();

    /** 1-001 took 30 minutes at counter 1, 1-002 is there since 08:30, 1-003 waits; counter 2 is idle. */
    private Engine morning() {
        Engine engine = new Engine(COMMUNE, MONDAY);
        send(engine, at(7, 30), new Command.Resume(1));
        send(engine, at(7, 30), new Command.Resume(2));
        for (int i = 0; i < 3; i++) {
            send(engine, at(8, 0), new Command.Issue("HT", Optional.empty()));
        }
        send(engine, at(8, 0), new Command.CallNext(1));
        send(engine, at(8, 30), new Command.CallNext(1)); // 1-001 done, 1-002 called
        return engine;
    }

    @Test
    void theTicketAndTheCatalogueCarryTheEstimateLearnedToday() {
        Engine engine = morning();

        // HT learned: (5 × 10 + 30) / 6 = 13.33 min. At 08:35 counter 2 takes 1-003 at once and is free at 08:48:20;
        // counter 1, 5 minutes into 1-002, is expected for (2 × (13.33 − 5) + 25) / 3 = 13.9 more. Ours: 13.33.
        ServiceCatalogue catalogue = engine.view().catalogue(at(8, 35));
        assertThat(catalogue.services().stream().filter(e -> e.code().equals("HT")).findFirst().orElseThrow()
                .estimateMin()).contains(13);
        assertThat(issue(engine, at(8, 35)).estimateMin()).contains(13);
    }

    @Test
    void replayingTheDaysLogLearnsTheSame() {
        Engine live = morning();
        Engine restarted = new Engine(COMMUNE, MONDAY);
        for (Decision d : log) {
            restarted.replay(Optional.empty(), d.prelude());
            restarted.replay(d.actor(), d.events());
        }

        // With nothing learned the same queue would get 5: counter 2 takes 1-003 now; counter 1, 5 of HT's profiled
        // 10 minutes into 1-002, is free at 08:40.
        Ticket next = restarted.state().tickets().stream().filter(t -> t.label().equals("1-003")).findFirst()
                .orElseThrow();
        Ticket asked = Ticket.issued(MONDAY, "1", "HT", 4, at(8, 35), Optional.empty(), Optional.empty(), false);
        assertThat(next.state()).isEqualTo(TicketState.WAITING);
        assertThat(new ForwardSimulation(restarted.policy(), new ServiceTimeLearner(COMMUNE))
                .minutes(restarted.state(), asked, at(8, 35)).orElseThrow()).isEqualTo(5);
        assertThat(issue(restarted, at(8, 35)).estimateMin()).contains(13);
        assertThat(issue(live, at(8, 35)).estimateMin()).contains(13);
    }

    private static ResponseBody.TicketIssued issue(Engine engine, Instant at) {
        Decision decision = engine.handle(new Command.Issue("HT", Optional.empty()), at);
        return (ResponseBody.TicketIssued) decision.answer().orElseThrow();
    }

    private void send(Engine engine, Instant at, Command command) {
        Decision decision = engine.handle(command, at);
        assertThat(decision.rejection()).as(command.toString()).isEmpty();
        log.add(decision);
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(MONDAY, LocalTime.of(hour, minute), COMMUNE.zone()).toInstant();
    }
}
