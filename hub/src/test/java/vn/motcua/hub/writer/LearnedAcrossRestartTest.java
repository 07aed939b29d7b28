package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.protocol.message.ResponseBody;

/**
 * What the wait predictor learned on earlier office days survives a restart: the hub replays only the current day,
 * but first teaches the predictor the days before from the same SQLite log. Commune profile: HT 10 min at counters 1
 * (HT, KH) and 2 (CT, HT).
 */
class LearnedAcrossRestartTest {

    private static final Office COMMUNE = OfficeLoader.load(Path.of("src/test/resources/simulation/commune-office.json"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);

    @TempDir
    Path dir;

    @Test
    void a_restarted_hub_promises_what_it_promised_before_from_what_it_learned_yesterday() {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"))) {
            Engine live = new Engine(COMMUNE, MONDAY);
            // Monday: two civil-status files of 30 minutes each at counter 1.
            send(live, store, at(MONDAY, 7, 59), new Command.SignIn(1, "CB-01"));
            send(live, store, at(MONDAY, 7, 59), new Command.SignIn(2, "CB-02"));
            send(live, store, at(MONDAY, 8, 0), new Command.Issue("HT", Optional.empty()));
            send(live, store, at(MONDAY, 8, 0), new Command.Issue("HT", Optional.empty()));
            send(live, store, at(MONDAY, 8, 0), new Command.CallNext(1));
            send(live, store, at(MONDAY, 8, 30), new Command.CallNext(1));
            send(live, store, at(MONDAY, 9, 0), new Command.Done(1, Optional.empty()));
            // Tuesday: only counter 1 is staffed; it has just called the first citizen, one more waits.
            LocalDate tuesday = MONDAY.plusDays(1);
            send(live, store, at(tuesday, 7, 59), new Command.SignIn(1, "CB-01"));
            send(live, store, at(tuesday, 8, 0), new Command.Issue("HT", Optional.empty()));
            send(live, store, at(tuesday, 8, 0), new Command.Issue("HT", Optional.empty()));
            send(live, store, at(tuesday, 8, 0), new Command.CallNext(1));

            Engine restarted = new Engine(COMMUNE, store.firstDay().orElseThrow());
            restarted.learn(store.learningHistory(DeskWriter.LEARNED_DAYS));
            store.recovery().forEach(group -> restarted.replay(group.actor(), group.events()));
            Engine forgetful = new Engine(COMMUNE, store.firstDay().orElseThrow());
            store.recovery().forEach(group -> forgetful.replay(group.actor(), group.events()));

            // Learned on Monday, weighing the older file 0.9: HT (5 × 10 + 0.9 × 30 + 30) ÷ (5 + 1.9) = 15.51 min, its
            // 08:00 half hour (5 × 15.51 + 30) ÷ 6 = 17.93. Counter 1, just called, is expected busy for (2 × 17.93 +
            // 30 + 30) ÷ 4 = 23.96 min (Monday's two files blended in), then 1-002 takes 17.93: ours at 08:41:55.
            // Without Monday: the profile's 10 + 10.
            Instant asked = at(tuesday, 8, 0);
            int promised = estimate(live, asked);
            assertThat(promised).isEqualTo(42);
            assertThat(estimate(restarted, asked)).isEqualTo(promised);
            assertThat(estimate(forgetful, asked)).isEqualTo(20);
        }
    }

    private static int estimate(Engine engine, Instant at) {
        Decision decision = engine.handle(new Command.Issue("HT", Optional.empty()), at);
        return ((ResponseBody.TicketIssued) decision.answer().orElseThrow()).estimateMin().orElseThrow();
    }

    /** As the desk writer stores a decision: the clock's prelude under the day it closes, then the command's events. */
    private static void send(Engine engine, HubStore store, Instant at, Command command) {
        LocalDate dayBefore = engine.state().day();
        Decision decision = engine.handle(command, at);
        assertThat(decision.rejection()).as(command.toString()).isEmpty();
        store.inTransaction(() -> {
            store.append(dayBefore, Optional.empty(), decision.prelude(), Optional.empty());
            store.append(engine.state().day(), decision.actor(), decision.events(), Optional.empty());
        });
    }

    private static Instant at(LocalDate day, int hour, int minute) {
        return ZonedDateTime.of(day, LocalTime.of(hour, minute), COMMUNE.zone()).toInstant();
    }
}
