package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;

/** Undo mends exactly one action and nothing else; a refusal leaves the office as it was. */
class UndoAndRejectionPropertiesTest {

    /** A day so far, then one action at a counter (one with a ticket, often), then its undo some seconds later. */
    record UndoCase(Scenarios.Scenario prefix, Scenarios.Intent action, long delaySeconds) {
        @Override
        public String toString() {
            return prefix + "\nthen " + action + ", undo after " + delaySeconds + " s";
        }
    }

    @Provide
    Arbitrary<UndoCase> undoCases() {
        return Scenarios.scenarios(10, 150).flatMap(s -> Combinators.combine(actions(s),
                Arbitraries.longs().between(0, s.office().rules().undoWindow().toSeconds()))
                .as((action, delay) -> new UndoCase(s, action, delay)));
    }

    private static Arbitrary<Scenarios.Intent> actions(Scenarios.Scenario s) {
        Arbitrary<Scenarios.Intent> anywhere = Scenarios.knownCounters(s.office())
                .flatMap(c -> Scenarios.counterActions(s.office(), c)).map(Scenarios.Fixed::new);
        Arbitrary<Scenarios.Intent> atBusy = Combinators.combine(Arbitraries.integers().between(0, 20),
                Scenarios.counterActions(s.office(), 0)).as(Scenarios.AtBusy::new);
        Arbitrary<Scenarios.Intent> byHand = Combinators.combine(Scenarios.knownCounters(s.office()),
                Scenarios.refs(s.office())).as(Scenarios.CallTicketRef::new);
        return Arbitraries.frequencyOf(Tuple.of(2, anywhere), Tuple.of(4, atBusy), Tuple.of(1, byHand));
    }

    @Property(tries = 400)
    void undo_within_the_window_restores_the_tickets_and_counters_exactly_and_a_refused_undo_changes_nothing(
            @ForAll("undoCases") UndoCase c) {
        Run run = new Run(c.prefix().office(), c.prefix().start());
        c.prefix().steps().forEach(run::step);
        run.handle(new Command.Tick()); // opens a new office day first if one is due, so "before" is what the action sees
        EngineState.Snapshot before = run.engine().state().snapshot();
        Command.AtCounter action = (Command.AtCounter) c.action().resolve(run.engine().state(), run.now());
        Run.Step acted = run.handle(action);
        run.advance(c.delaySeconds());
        Run.Step undone = run.handle(new Command.Undo(action.counter()));
        String what = action.getClass().getSimpleName();
        if (!undone.decision().prelude().isEmpty()) {
            assertThat(undone.decision().rejection()).as("nothing of yesterday is undone").isPresent();
            Statistics.label("undo").collect(what, "past midnight");
            return;
        }
        if (undone.decision().rejection().isPresent()) {
            assertThat(undone.decision().events()).isEmpty();
            assertThat(undone.after()).as("a refused undo changes nothing").isEqualTo(undone.before());
        }
        if (acted.decision().events().isEmpty()) {
            Statistics.label("undo").collect(what, acted.decision().rejection().isPresent() ? "action refused" : "no-op");
            return;
        }
        if (acted.decision().actor().isEmpty()) {
            Statistics.label("undo").collect(what, "not undoable"); // sign in and out: the undo is of an earlier action
            return;
        }
        assertThat(acted.decision().actor()).contains(action.counter());
        assertThat(undone.decision().rejection()).as("undo of %s at once", action).isEmpty();
        assertThat(undone.after().day()).isEqualTo(before.day());
        assertThat(undone.after().tickets()).as("tickets after undoing %s", action).isEqualTo(before.tickets());
        assertThat(undone.after().counters()).as("counters after undoing %s", action).isEqualTo(before.counters());
        Statistics.label("undo").collect(what, "undone");
    }

    @Provide
    Arbitrary<Scenarios.Scenario> days() {
        return Scenarios.days();
    }

    @Property(tries = 300)
    void a_rejected_command_changes_nothing_and_has_no_events(@ForAll("days") Scenarios.Scenario scenario) {
        Run run = Run.of(scenario);
        int rejected = 0;
        for (int i = 0; i < run.steps().size(); i++) {
            Run.Step step = run.steps().get(i);
            Decision d = step.decision();
            EngineState.Snapshot seen = afterPrelude(step.before(), d.prelude());
            if (d.rejection().isPresent()) {
                rejected++;
                assertThat(d.events()).as("events of a rejection at step #%d%s", i, run.at(i)).isEmpty();
                assertThat(d.answer()).isEmpty();
                assertThat(step.after()).as("state after a rejection at step #%d%s", i, run.at(i)).isEqualTo(seen);
            } else if (d.events().isEmpty()) {
                assertThat(step.after()).as("state after a no-op at step #%d%s", i, run.at(i)).isEqualTo(seen);
            }
        }
        Statistics.label("rejected share").collect(rejected * 10 / run.steps().size() * 10 + "%");
    }

    /**
     * What a command sees: the state before it, or the new office day its clock opened (yesterday's tickets gone,
     * those carried over waiting, counters as they were but with nobody at them).
     */
    static EngineState.Snapshot afterPrelude(EngineState.Snapshot before, List<Event> prelude) {
        return prelude.stream().filter(e -> e instanceof Event.DayOpened).map(e -> (Event.DayOpened) e)
                .reduce(before, (s, opened) -> new EngineState.Snapshot(opened.day(), opened.carried(), s.counters()
                        .stream().map(c -> new CounterSlot(c.number(), c.status(), c.officer(), Optional.empty())).toList()),
                        (a, b) -> b);
    }
}
