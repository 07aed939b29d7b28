package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.CounterStatus;

/** Undo mends exactly one action and nothing else; a refusal leaves the office as it was. */
class UndoAndRejectionPropertiesTest {

    /** A day so far, then one action at a counter (one with a ticket, often), then its undo some seconds later. */
    record UndoCase(Scenarios.Scenario prefix, Scenarios.Intent action, long delaySeconds) implements Tries.Case<UndoCase> {
        @Override
        public int size() {
            return prefix.size();
        }

        @Override
        public UndoCase without(int from, int to) {
            return new UndoCase(prefix.without(from, to), action, delaySeconds);
        }

        @Override
        public String toString() {
            return prefix + "\nthen " + action + ", undo after " + delaySeconds + " s";
        }
    }

    /** 10 to 150 steps, an action (at a counter with a ticket 4 times in 7), and a delay within the undo window. */
    static UndoCase undoCase(long seed) {
        Gen g = new Gen(seed);
        Scenarios.Scenario s = Scenarios.scenario(g, 10, 150);
        Scenarios.Intent action = switch (g.weighted(2, 4, 1)) {
            case 0 -> new Scenarios.Fixed(Scenarios.counterAction(g, s.office(), Scenarios.knownCounter(g, s.office())));
            case 1 -> new Scenarios.AtBusy(g.between(0, 20), Scenarios.counterAction(g, s.office(), 0));
            default -> new Scenarios.CallTicketRef(Scenarios.knownCounter(g, s.office()), Scenarios.ref(g, s.office()));
        };
        return new UndoCase(s, action, g.between(0L, s.office().rules().undoWindow().toSeconds()));
    }

    @Test
    void undo_within_the_window_restores_the_tickets_and_counters_exactly_and_a_refused_undo_changes_nothing() {
        Tries.check(400, UndoAndRejectionPropertiesTest::undoCase, UndoAndRejectionPropertiesTest::undoRestores)
                .require("undone", 50).require("undone CallNext", 15).require("undone CallTicket", 3)
                .require("undone Start", 5).require("undone Done", 5).require("undone Transfer", 4)
                .require("undone Recall", 2).require("undone Pause", 5).require("action refused", 100)
                .require("not undoable", 8).require("refused undo", 100);
    }

    private static void undoRestores(UndoCase c, Tries.Coverage seen) {
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
            seen.count("past midnight");
            return;
        }
        if (undone.decision().rejection().isPresent()) {
            assertThat(undone.decision().events()).isEmpty();
            assertThat(undone.after()).as("a refused undo changes nothing").isEqualTo(undone.before());
            seen.count("refused undo");
        }
        if (acted.decision().events().isEmpty()) {
            seen.count(acted.decision().rejection().isPresent() ? "action refused" : "no-op");
            return;
        }
        if (acted.decision().actor().isEmpty()) {
            seen.count("not undoable"); // sign in and out: the undo is of an earlier action
            return;
        }
        assertThat(acted.decision().actor()).contains(action.counter());
        assertThat(undone.decision().rejection()).as("undo of %s at once", action).isEmpty();
        assertThat(undone.after().day()).isEqualTo(before.day());
        assertThat(undone.after().tickets()).as("tickets after undoing %s", action).isEqualTo(before.tickets());
        assertThat(undone.after().counters()).as("counters after undoing %s", action).isEqualTo(before.counters());
        seen.count("undone");
        seen.count("undone " + what);
    }

    @Test
    void a_rejected_command_changes_nothing_and_has_no_events() {
        Tries.check(300, Scenarios::days, (scenario, coverage) -> {
            Run run = Run.of(scenario);
            int rejected = 0;
            int lateRecorded = 0;
            for (int i = 0; i < run.steps().size(); i++) {
                Run.Step step = run.steps().get(i);
                Decision d = step.decision();
                EngineState.Snapshot seen = afterPrelude(step.before(), d.prelude());
                if (d.rejection().isPresent() && !d.events().isEmpty()) {
                    lateRecorded++;
                    assertLateOfflineTicketRecorded(step, seen, run.at(i));
                } else if (d.rejection().isPresent()) {
                    rejected++;
                    assertThat(d.events()).as("events of a rejection at step #%d%s", i, run.at(i)).isEmpty();
                    assertThat(d.answer()).isEmpty();
                    assertThat(step.after()).as("state after a rejection at step #%d%s", i, run.at(i)).isEqualTo(seen);
                } else if (d.events().isEmpty()) {
                    assertThat(step.after()).as("state after a no-op at step #%d%s", i, run.at(i)).isEqualTo(seen);
                }
            }
            coverage.count("rejected", rejected);
            coverage.count("late offline tickets recorded", lateRecorded);
            coverage.count("rejected after a new day opened", run.steps().stream()
                    .filter(s -> s.decision().rejection().isPresent() && !s.decision().prelude().isEmpty()).count());
            coverage.count("no-ops", run.steps().stream()
                    .filter(s -> s.decision().rejection().isEmpty() && s.decision().events().isEmpty()).count());
        }).require("rejected", 12000).require("rejected after a new day opened", 150).require("no-ops", 600)
                .require("late offline tickets recorded", 20);
    }

    /**
     * The one refusal that records something: an offline ticket of the office day before today. It is kept on its
     * own day as not served, and only that day's lease book changes: today's tickets, counters and leases do not.
     */
    private static void assertLateOfflineTicketRecorded(Run.Step step, EngineState.Snapshot seen, Object where) {
        assertThat(step.decision().rejection().orElseThrow().code()).as("late offline ticket%s", where)
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(step.decision().answer()).isEmpty();
        assertThat(step.decision().events()).singleElement().isInstanceOfSatisfying(Event.OfflineTicketSynced.class, e -> {
            assertThat(e.ticket().day()).as("recorded on its own day%s", where).isEqualTo(seen.closedLeases().day());
            assertThat(e.ticket().state()).isEqualTo(TicketState.CLOSED);
            assertThat(step.after()).as("only the closed day's lease book changes%s", where).isEqualTo(
                    new EngineState.Snapshot(seen.day(), seen.tickets(), seen.counters(), seen.leases(),
                            seen.closedLeases().syncing(e.ticket().service(), e.ticket().number())));
        });
    }

    /**
     * What a command sees: the state before it, or the new office day its clock opened (yesterday's tickets gone,
     * those carried over waiting, every counter closed with nobody signed in or at it, no leases yet and yesterday's
     * kept aside).
     */
    static EngineState.Snapshot afterPrelude(EngineState.Snapshot before, List<Event> prelude) {
        return prelude.stream().filter(e -> e instanceof Event.DayOpened).map(e -> (Event.DayOpened) e)
                .reduce(before, (s, opened) -> new EngineState.Snapshot(opened.day(), opened.carried(), s.counters()
                        .stream().map(c -> new CounterSlot(c.number(), CounterStatus.CLOSED, Optional.empty(),
                                Optional.empty())).toList(),
                        LeaseDay.none(opened.day()), opened.closedLeases()), (a, b) -> b);
    }
}
