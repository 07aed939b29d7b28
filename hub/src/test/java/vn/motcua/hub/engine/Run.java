package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

import vn.motcua.hub.site.Office;

/**
 * One engine driven through generated steps, with what each step did: the command as resolved, the time, the
 * snapshot before and after, and the decision. Properties read the record; {@link #step} lets a property go on
 * with steps of its own.
 */
final class Run {

    /** One command and what it did. */
    record Step(Command command, Instant now, EngineState.Snapshot before, Decision decision, EngineState.Snapshot after) {
        @Override
        public String toString() {
            return now + " " + command + " -> " + decision.rejection().map(r -> "rejected " + r.code())
                    .orElse(decision.prelude().size() + decision.events().size() + " events");
        }
    }

    /** A group of events as the engine applied them (and the store logs them): the prelude, then the command's. */
    record Group(Optional<Integer> actor, List<Event> events) {
    }

    private final Office office;
    private final LocalDate firstDay;
    private final Engine engine;
    private final List<Step> steps = new ArrayList<>();
    private Instant now;
    /** The last office day whose counters {@link #openForTheDay} staffed. */
    private LocalDate opened;
    /** Called right after every step, while the engine is as that step left it. */
    private Consumer<Step> afterEach = step -> { };

    Run(Office office, Instant start) {
        this.office = office;
        this.firstDay = start.atZone(office.zone()).toLocalDate();
        this.engine = new Engine(office, firstDay);
        this.now = start;
    }

    /** A fresh engine through every step of {@code scenario}. */
    static Run of(Scenarios.Scenario scenario) {
        Run run = new Run(scenario.office(), scenario.start());
        scenario.steps().forEach(run::step);
        return run;
    }

    /** Runs {@code step}; the first of each office day is followed by the counters opening ({@link #openForTheDay}). */
    Step step(Scenarios.Step step) {
        now = step.advance().from(now, office);
        Step done = handle(step.intent().resolve(engine.state(), now));
        openForTheDay();
        return done;
    }

    /**
     * An office day starts with every counter closed. After the first step of each day the run reaches (which meets
     * them closed, as the first press after midnight does), every counter is opened, each as a step of its own.
     * Officers sign in at most counters; every third is resumed by a unit without sign-in, so that counters open with
     * no officer are exercised too.
     */
    private void openForTheDay() {
        LocalDate today = engine.state().day();
        if (today.equals(opened)) {
            return;
        }
        opened = today;
        office.counters().forEach(c -> handle(c.number() % 3 == 0 ? new Command.Resume(c.number())
                : new Command.SignIn(c.number(), "CB-" + c.number())));
    }

    /** Handles {@code command} at the current time. */
    Step handle(Command command) {
        EngineState.Snapshot before = engine.state().snapshot();
        Decision decision = engine.handle(command, now);
        Step done = new Step(command, now, before, decision, engine.state().snapshot());
        steps.add(done);
        afterEach.accept(done);
        return done;
    }

    /** Has {@code check} look at the engine right after every step from now on, the counters' openings included. */
    Run afterEachStep(Consumer<Step> check) {
        this.afterEach = check;
        return this;
    }

    void advance(long seconds) {
        now = now.plusSeconds(seconds);
    }

    Office office() {
        return office;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    Engine engine() {
        return engine;
    }

    Instant now() {
        return now;
    }

    List<Step> steps() {
        return steps;
    }

    /** Every event in the order it was applied. */
    List<Event> events() {
        List<Event> events = new ArrayList<>();
        steps.forEach(s -> {
            events.addAll(s.decision().prelude());
            events.addAll(s.decision().events());
        });
        return events;
    }

    /** The groups the store would log for steps {@code [0, upTo)}. */
    List<Group> groups(int upTo) {
        List<Group> groups = new ArrayList<>();
        steps.subList(0, upTo).forEach(s -> groups.addAll(groups(s)));
        return groups;
    }

    /** The groups the store logs for one step: the clock's prelude with no actor, then the command's events. */
    static List<Group> groups(Step step) {
        List<Group> groups = new ArrayList<>();
        if (!step.decision().prelude().isEmpty()) {
            groups.add(new Group(Optional.empty(), step.decision().prelude()));
        }
        if (!step.decision().events().isEmpty()) {
            groups.add(new Group(step.decision().actor(), step.decision().events()));
        }
        return groups;
    }

    /** " at step #i" and the steps before it, for a failure message: made only when a message is shown. */
    Object at(int index) {
        return new Object() {
            @Override
            public String toString() {
                return " at step #" + index + context(index);
            }
        };
    }

    /** The last few steps before {@code index}, for a failure message. */
    String context(int index) {
        StringBuilder text = new StringBuilder();
        for (int i = Math.max(0, index - 8); i <= index && i < steps.size(); i++) {
            text.append("\n  #").append(i).append(' ').append(steps.get(i));
        }
        return text.toString();
    }
}
