package vn.motcua.hub.simulation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;

import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;

/**
 * The office simulator: runs an office profile for a number of office days in virtual time, driving one real
 * {@link Engine} through them all (so the day's end and the closing rule are the engine's own), and returns every
 * visit. Deterministic: the same office, options and seed give the same visits.
 */
public final class OfficeSimulator {

    private OfficeSimulator() {
    }

    /** @throws IllegalArgumentException for an unknown policy name in the options */
    public static SimulationResult run(Office office, SimulationOptions options) {
        return run(office, options, List.of());
    }

    /**
     * A run in which every ticket issued also gets each predictor's estimate ({@link Visit#predictedWait()}). The
     * predictors only read the engine, so the visits are those of the same run without them.
     *
     * @throws IllegalArgumentException for an unknown policy name in the options
     */
    public static SimulationResult run(Office office, SimulationOptions options, List<WaitPredictor> predictors) {
        return run(office, options, predictors, DayWatcher.NONE, UnaryOperator.identity());
    }

    /**
     * The run of {@link #run(Office, SimulationOptions, List)}, watched, and with what happens during the days drawn
     * through {@code inDay} (which may record the stream, but must pass it on unchanged).
     */
    static SimulationResult run(Office office, SimulationOptions options, List<WaitPredictor> predictors,
                                DayWatcher watcher, UnaryOperator<RandomGenerator> inDay) {
        AllocationPolicy policy = policy(office, options);
        List<LocalDate> days = officeDays(office, options);
        // The printed estimate is what a predictor study measures; elsewhere nothing in the simulation reads it.
        Engine engine = predictors.isEmpty() ? Engine.withoutEstimates(office, days.getFirst(), policy)
                : new Engine(office, days.getFirst(), policy);
        // One seed, two streams: the citizens of each day, and what happens during it; a policy that changes what
        // happens cannot change who comes. Each officer's day has a stream of its own (Draws.officer).
        SplittableRandom seeded = new SplittableRandom(options.seed());
        Draws plan = new Draws(seeded.split());
        Draws draws = new Draws(inDay.apply(seeded.split()));
        List<Visit> visits = new ArrayList<>();
        List<CounterDay> counters = new ArrayList<>();
        for (LocalDate day : days) {
            SimulatedDay simulated = new SimulatedDay(office, options, engine, plan, draws, day, predictors)
                    .watchedBy(watcher);
            visits.addAll(simulated.run());
            counters.addAll(simulated.counters());
        }
        return new SimulationResult(visits, counters);
    }

    static AllocationPolicy policy(Office office, SimulationOptions options) {
        return options.policy().map(name -> AllocationPolicy.named(name, office))
                .orElseGet(() -> AllocationPolicy.of(office));
    }

    /** The first {@code days} dates from {@code firstDay} on which the office opens. */
    private static List<LocalDate> officeDays(Office office, SimulationOptions options) {
        if (office.days().isEmpty() || office.hours().isEmpty()) {
            throw new IllegalArgumentException("office " + office.id() + " has no opening days or hours to simulate");
        }
        List<LocalDate> days = new ArrayList<>();
        for (LocalDate d = options.firstDay(); days.size() < options.days(); d = d.plusDays(1)) {
            if (office.days().contains(d.getDayOfWeek())) {
                days.add(d);
            }
        }
        return days;
    }
}
