package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServingPhase;

/**
 * A counter's state as the hub publishes it (docs/protocol.md §9.1): a counter operation's answer carries exactly the
 * state the retained topic then shows, and a counter's {@code updatedAt} is when that counter last changed, not when
 * anything else in the office did.
 */
class PublishedCounterStateTest {

    private final EngineFixture f = new EngineFixture();

    @Test
    void an_undone_no_show_answers_with_the_ticket_back_at_the_counter_as_the_retained_state_shows_it() {
        f.issue("HT");
        f.next(4);
        f.handle(new Command.Recall(4));
        f.handle(new Command.NoShow(4));

        CounterState answered = counterUpdated(f.handle(new Command.Undo(4)));

        assertThat(answered.current()).hasValueSatisfying(c -> {
            assertThat(c.ticket()).isEqualTo("2-001");
            assertThat(c.phase()).isEqualTo(ServingPhase.CALLED);
            assertThat(c.recalls()).isEqualTo(1);
        });
        assertThat(answered.updatedAt()).isEqualTo(local(f.now));
        assertThat(answered).isEqualTo(f.engine.view().counterState(4));
    }

    @Test
    void every_counter_answer_is_the_state_then_published_for_that_counter() {
        Tries.check(200, Scenarios::days, (scenario, seen) -> {
            Run run = new Run(scenario.office(), scenario.start());
            run.afterEachStep(step -> {
                if (step.decision().answer().orElse(null) instanceof ResponseBody.CounterUpdated updated) {
                    assertThat(updated.state()).as("answer to %s", step)
                            .isEqualTo(run.engine().view().counterState(updated.state().counter()));
                    seen.count(step.command() instanceof Command.Undo ? "undo answered" : "counter answered");
                    if (step.decision().events().isEmpty()) {
                        seen.count("answered without a change");
                    }
                }
            });
            scenario.steps().forEach(run::step);
        }).require("counter answered", 3000).require("undo answered", 40).require("answered without a change", 100);
    }

    @Test
    void a_counter_keeps_its_time_while_other_counters_change_and_the_board_shows_the_latest_change() {
        f.handle(new Command.SignIn(4, "CB-04"));
        Instant signedIn = f.now;
        f.issue("DD");
        Instant issued = f.now;
        f.next(1);
        Instant called = f.now;
        f.handle(new Command.Pause(5));
        Instant paused = f.now;
        f.minutesPass(10);
        f.handle(new Command.Pause(5)); // already paused: no change
        f.issue("DD"); // a ticket issued changes no counter

        Board board = f.engine.view().board(7);
        assertThat(board.counters()).filteredOn(c -> c.counter() == 4).singleElement()
                .satisfies(c -> assertThat(c.updatedAt()).isEqualTo(local(signedIn)));
        assertThat(board.counters()).filteredOn(c -> c.counter() == 1).singleElement()
                .satisfies(c -> assertThat(c.updatedAt()).isEqualTo(local(called)));
        assertThat(board.counters()).filteredOn(c -> c.counter() == 5).singleElement()
                .satisfies(c -> assertThat(c.updatedAt()).isEqualTo(local(paused)));
        assertThat(board.counters()).filteredOn(c -> c.counter() == 2).singleElement()
                .satisfies(c -> assertThat(c.updatedAt()).as("opened at 08:00, untouched since")
                        .isEqualTo(local(EngineFixture.MONDAY.atTime(8, 0).atZone(EngineFixture.HCM).toInstant())));
        assertThat(board.updatedAt()).isEqualTo(local(paused)).isNotEqualTo(local(issued));
        assertThat(board.sequence()).isEqualTo(7);
    }

    @Test
    void a_counter_untouched_since_the_engine_started_shows_the_start_of_the_office_day_and_a_new_day_changes_every_counter() {
        Engine engine = new Engine(EngineFixture.DISTRICT, EngineFixture.MONDAY);
        assertThat(engine.view().counterState(3).updatedAt())
                .isEqualTo(OffsetDateTime.parse("2026-11-23T00:00:00+07:00"));
        Instant tuesday = Instant.parse("2026-11-23T17:00:20Z"); // 00:00:20 in Ho Chi Minh City
        engine.handle(new Command.Tick(), tuesday);
        assertThat(engine.view().board(1).counters()).allSatisfy(c ->
                assertThat(c.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T00:00:20+07:00")));
    }

    private static CounterState counterUpdated(Decision decision) {
        return ((ResponseBody.CounterUpdated) decision.answer().orElseThrow(() -> new AssertionError(decision.rejection())))
                .state();
    }

    private static OffsetDateTime local(Instant instant) {
        return instant.atZone(EngineFixture.HCM).toOffsetDateTime();
    }
}
