package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.message.CounterStatus;

/**
 * The event log is the truth: replaying it (straight, or through JSON as the store keeps it) rebuilds the engine,
 * and the same commands at the same times always make the same events.
 */
class ReplayPropertiesTest {

    /** Configured as the store's event log is. */
    private static final JsonMapper JSON = JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();

    @Test
    void replaying_the_events_directly_or_through_json_rebuilds_the_same_state() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Engine direct = new Engine(run.office(), run.firstDay());
            Engine fromJson = new Engine(run.office(), run.firstDay());
            for (int i = 0; i < run.steps().size(); i++) {
                Run.Step step = run.steps().get(i);
                for (Run.Group group : Run.groups(step)) {
                    direct.replay(group.actor(), group.events());
                    List<Event> read = roundTrip(group.events());
                    assertThat(read).as("events through JSON at step #%d", i).isEqualTo(group.events());
                    fromJson.replay(group.actor(), read);
                }
                assertThat(direct.state().snapshot()).as("replayed to step #%d%s", i, run.at(i)).isEqualTo(step.after());
                assertThat(fromJson.state().snapshot()).as("replayed from JSON to step #%d%s", i, run.at(i))
                        .isEqualTo(step.after());
            }
            // What the wire shows, each counter's time of its last change included.
            assertThat(direct.view().board(0)).as("board replayed").isEqualTo(run.engine().view().board(0));
            assertThat(fromJson.view().board(0)).as("board replayed from JSON").isEqualTo(run.engine().view().board(0));
            seen.count("events replayed", run.events().size());
        }).require("events replayed", 8000);
    }

    /** A day, and the point where the hub restarted from its log. */
    record Restart(Scenarios.Scenario scenario, double at) implements Tries.Case<Restart> {
        @Override
        public int size() {
            return scenario.size();
        }

        /** Fewer steps, restarted after the same share of them. */
        @Override
        public Restart without(int from, int to) {
            return new Restart(scenario.without(from, to), at);
        }

        @Override
        public String toString() {
            return scenario + "\nrestarted after " + Math.round(at * 100) + " % of the steps";
        }
    }

    /** A day, restarted anywhere: at the very start or end one time in ten each, else uniformly in between. */
    static Restart restart(long seed) {
        Gen g = new Gen(seed);
        Scenarios.Scenario scenario = Scenarios.scenario(g, 20, 300);
        return new Restart(scenario, switch (g.weighted(1, 1, 8)) {
            case 0 -> 0.0;
            case 1 -> 1.0;
            default -> g.unit();
        });
    }

    @Test
    void an_engine_rebuilt_from_the_log_carries_on_exactly_like_the_one_that_wrote_it() {
        Tries.check(250, ReplayPropertiesTest::restart, (restart, seen) -> {
            Run run = Run.of(restart.scenario());
            int cut = (int) Math.floor(restart.at() * run.steps().size());
            countRestart(run, cut, seen);
            Engine rebuilt = new Engine(run.office(), run.firstDay());
            run.groups(cut).forEach(g -> rebuilt.replay(g.actor(), roundTrip(g.events())));
            for (int i = cut; i < run.steps().size(); i++) {
                Run.Step step = run.steps().get(i);
                assertThat(rebuilt.handle(step.command(), step.now())).as("decision at step #%d after a restart at #%d%s", i,
                        cut, run.at(i)).isEqualTo(step.decision());
            }
        }).require("restarted after a new day", 50).require("restarted mid-run", 90).require("restarted at the start", 8)
                .require("restarted at the end", 8);
    }

    @Test
    void an_engine_recovered_as_the_store_does_carries_on_exactly_like_the_one_that_wrote_it() {
        Tries.check(250, ReplayPropertiesTest::restart, (restart, seen) -> {
            Run run = Run.of(restart.scenario());
            int cut = (int) Math.floor(restart.at() * run.steps().size());
            countRestart(run, cut, seen);
            Engine rebuilt = new Engine(run.office(), run.firstDay());
            rebuilt.learn(roundTrip(learningHistory(run.groups(cut))));
            recovery(run.groups(cut)).forEach(g -> rebuilt.replay(g.actor(), roundTrip(g.events())));
            if (cut > 0) {
                assertThat(rebuilt.state().snapshot()).as("recovered after step #%d%s", cut - 1, run.at(cut - 1))
                        .isEqualTo(run.steps().get(cut - 1).after());
            }
            for (int i = cut; i < run.steps().size(); i++) {
                Run.Step step = run.steps().get(i);
                assertThat(rebuilt.handle(step.command(), step.now())).as("decision at step #%d after a restart at #%d%s", i,
                        cut, run.at(i)).isEqualTo(step.decision());
            }
            // The log from the day's opening on is enough for what the wire shows, each counter's time included.
            assertThat(rebuilt.view().board(0)).as("board after a restart at #%d", cut)
                    .isEqualTo(run.engine().view().board(0));
        }).require("restarted after a new day", 50).require("restarted mid-run", 90).require("restarted at the start", 8)
                .require("restarted at the end", 8);
    }

    /** Where the restart fell: after a new office day opened in the log (recovery then skips the days before), or not. */
    private static void countRestart(Run run, int cut, Tries.Coverage seen) {
        seen.count(cut == 0 ? "restarted at the start" : cut == run.steps().size() ? "restarted at the end"
                : "restarted mid-run");
        if (run.groups(cut).stream().anyMatch(g -> g.events().stream().anyMatch(e -> e instanceof Event.DayOpened))) {
            seen.count("restarted after a new day");
        }
    }

    /** As the store reads what the wait predictor learns from: the counter events before the last DayOpened. */
    private static List<Event> learningHistory(List<Run.Group> log) {
        List<Event> events = log.stream().flatMap(g -> g.events().stream()).toList();
        int lastOpened = -1;
        for (int i = 0; i < events.size(); i++) {
            if (events.get(i) instanceof Event.DayOpened) {
                lastOpened = i;
            }
        }
        return events.subList(0, Math.max(0, lastOpened)).stream().filter(e -> e instanceof Event.DayOpened
                || e instanceof Event.DayClosed || e instanceof Event.TicketCalled || e instanceof Event.TicketChanged
                || e instanceof Event.CounterChanged || e instanceof Event.ActionUndone).toList();
    }

    /** As the store's log recovers: every booking before the last DayOpened, then everything from it on. */
    private static List<Run.Group> recovery(List<Run.Group> log) {
        int lastOpened = -1;
        for (int g = 0; g < log.size(); g++) {
            if (log.get(g).events().stream().anyMatch(e -> e instanceof Event.DayOpened)) {
                lastOpened = g;
            }
        }
        if (lastOpened < 0) {
            return log;
        }
        List<Run.Group> groups = new java.util.ArrayList<>();
        for (Run.Group group : log.subList(0, lastOpened)) {
            List<Event> bookings = group.events().stream().filter(e -> e instanceof Event.AppointmentBooked).toList();
            if (!bookings.isEmpty()) {
                groups.add(new Run.Group(group.actor(), bookings));
            }
        }
        Run.Group opening = log.get(lastOpened);
        groups.add(new Run.Group(opening.actor(), opening.events().stream().dropWhile(e -> !(e instanceof Event.DayOpened)).toList()));
        groups.addAll(log.subList(lastOpened + 1, log.size()));
        return groups;
    }

    @Test
    void the_same_commands_at_the_same_times_make_the_same_events() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run first = Run.of(scenario);
            Run second = Run.of(scenario);
            assertThat(second.events()).isEqualTo(first.events());
            assertThat(second.steps().stream().map(Run.Step::decision).toList())
                    .isEqualTo(first.steps().stream().map(Run.Step::decision).toList());
        });
    }

    @Test
    void a_day_opened_in_a_log_written_before_it_carried_the_counters_still_reads_and_keeps_the_counters()
            throws JsonProcessingException {
        Event read = JSON.readValue("{\"type\":\"DayOpened\",\"day\":\"2026-11-24\",\"carried\":[],"
                + "\"at\":\"2026-11-23T17:00:05Z\"}", Event.class);
        assertThat(read).isEqualTo(new Event.DayOpened(LocalDate.of(2026, 11, 24), List.of(), List.of(),
                LeaseDay.none(LocalDate.of(2026, 11, 23)), Instant.parse("2026-11-23T17:00:05Z")));
        Engine engine = new Engine(Scenarios.DISTRICT, LocalDate.of(2026, 11, 23));
        engine.handle(new Command.SignIn(3, "CB-03"), Instant.parse("2026-11-23T01:00:00Z"));
        engine.handle(new Command.Pause(3), Instant.parse("2026-11-23T09:00:00Z"));
        engine.replay(Optional.empty(), List.of(read));
        assertThat(engine.state().counter(3).orElseThrow().status()).isEqualTo(CounterStatus.PAUSED);
    }

    @Test
    void a_ticket_in_a_log_written_before_offline_printing_reads_as_issued_online() throws JsonProcessingException {
        Engine engine = new Engine(Scenarios.DISTRICT, LocalDate.of(2026, 11, 23));
        OpenCounters.at(engine, Instant.parse("2026-11-23T01:00:00Z"));
        Event issued = engine.handle(new Command.Issue("HT", Optional.empty()), Instant.parse("2026-11-23T02:00:00Z"))
                .events().getFirst();
        String written = JSON.writeValueAsString(issued);
        assertThat(written).contains(",\"offline\":false");
        Event read = JSON.readValue(written.replace(",\"offline\":false", ""), Event.class);
        assertThat(read).isEqualTo(issued);
    }

    private static List<Event> roundTrip(List<Event> events) {
        return events.stream().map(ReplayPropertiesTest::roundTrip).toList();
    }

    private static Event roundTrip(Event event) {
        try {
            return JSON.readValue(JSON.writeValueAsString(event), Event.class);
        } catch (JsonProcessingException e) {
            throw new AssertionError("cannot round-trip " + event, e);
        }
    }
}
