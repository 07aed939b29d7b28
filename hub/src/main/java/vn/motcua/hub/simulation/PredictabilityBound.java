package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.predict.ForwardSimulation;
import vn.motcua.hub.predict.PredictionErrors;
import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;

/**
 * How well could <em>any</em> predictor do? For a sample of the tickets of a predictor study's run, the day is played
 * again many times ({@code replicas}) from the start, each replica living the ticket's past exactly (the same
 * citizens, calls and services — each replica checks it) and drawing its future again from the simulator's own
 * model: how long every service not yet done takes (one under way at least as long as it has taken), whether a
 * citizen not yet called is gone, whether a second service follows a first not yet done, the officers' breaks not
 * yet due (with the chance left for an officer who has had none), and the walk-ins still to come. The spread of the
 * ticket's wait over its replicas is what nobody could know when the ticket was printed.
 *
 * <p>The replicas still know more than a real predictor: the model itself (the true means, variability, arrival
 * rates and shares), breaks already due but not yet taken, and when the booked citizens will arrive. So what they
 * achieve bounds from above what a predictor could:
 * <ul>
 *   <li>{@value #MEDIAN}: the median of a ticket's replica waits, the estimate with the least expected absolute
 *       error;</li>
 *   <li>{@value #WINDOW}: the centre of the ten minutes holding the most replica waits, the estimate most often
 *       within ±5 min;</li>
 *   <li>each measured against the ticket's actual wait in the study's run, which no replica saw, and, as
 *       {@value #MEDIAN_OWN} and {@value #WINDOW_OWN}, against the ticket's own replicas: the expected errors of
 *       the best estimate (optimistic for the ±5 share: the window was chosen on those very replicas; these rows
 *       count every ticket once per replica).</li>
 * </ul>
 *
 * @param study the study's predictors on the sampled tickets, then the best possible ones
 */
public record PredictabilityBound(int replicas, PredictorStudy study, Range range) {

    /**
     * If the ticket printed a range instead of one number: the narrowest range holding {@code share} of a ticket's
     * replica waits (no range that often right can be narrower), its mean width over the sampled tickets, all day
     * and at the peak, and the share of actual waits that fell inside it.
     */
    public record Range(double share, double meanWidth, double meanWidthAtPeak, double actualInside) {
    }

    /** The share of waits the range of {@link Range} is to hold: "4 citizens in 5 are called within it". */
    public static final double RANGE_SHARE = 0.8;

    public static final String MEDIAN = "best possible: median";
    public static final String WINDOW = "best possible: ±5 window";
    public static final String MEDIAN_OWN = "median on own futures";
    public static final String WINDOW_OWN = "±5 window on own futures";

    private static final double TOLERANCE_MINUTES = 5;
    /** Walk-ins a replica draws anew are numbered from here, apart from the day's own citizens. */
    private static final int NEW_CITIZENS = 1_000_000;

    /**
     * @param replicas how many futures to draw per ticket
     * @param every    study every {@code every}-th ticket with an estimate (served, not carried over)
     */
    public static PredictabilityBound run(Office office, SimulationOptions options, int replicas, int every) {
        if (replicas < 1 || every < 1) {
            throw new IllegalArgumentException("replicas and every must be at least 1, were " + replicas + ", " + every);
        }
        List<WaitPredictor> baselines = PredictorStudy.baselines(office);
        Past past = new Past();
        List<Visit> visits = OfficeSimulator.run(office, options, baselines, past, random -> past.log = new DrawLog(random))
                .visits();
        List<Visit> studied = visits.stream()
                .filter(v -> v.outcome() == Visit.Outcome.SERVED && v.predictedWait().containsKey(ForwardSimulation.NAME))
                .toList();
        List<Visit> sample = IntStream.range(0, studied.size()).filter(i -> i % every == 0)
                .mapToObj(studied::get).toList();
        // Each ticket's replicas have their own seeds: the result does not depend on the order they run in.
        List<double[]> futures = sample.parallelStream()
                .map(v -> new Replicas(office, options, past, v).waits(replicas)).toList();

        PredictorStudy.Peak peak = PredictorStudy.Peak.of(office);
        List<Visit> withBest = new ArrayList<>();
        Ranges ranges = new Ranges();
        OwnFutures median = new OwnFutures(MEDIAN_OWN);
        OwnFutures window = new OwnFutures(WINDOW_OWN);
        for (int i = 0; i < sample.size(); i++) {
            Visit ticket = sample.get(i);
            double[] waits = futures.get(i);
            double middle = median(waits);
            double centre = Window.densest(waits).centre();
            withBest.add(ticket.withPrediction(MEDIAN, middle).withPrediction(WINDOW, centre));
            boolean atPeak = peak.contains(LocalTime.ofInstant(ticket.arrival(), office.zone()));
            median.add(middle, waits, atPeak);
            window.add(centre, waits, atPeak);
            ranges.add(waits, ticket.waited().orElseThrow().toMillis() / 60_000.0, atPeak);
        }
        List<String> names = new ArrayList<>(PredictorStudy.names(baselines));
        names.add(MEDIAN);
        names.add(WINDOW);
        List<PredictorStudy.Row> rows = new ArrayList<>(PredictorStudy.of(office, withBest, names).rows());
        rows.add(median.row());
        rows.add(window.row());
        return new PredictabilityBound(replicas, new PredictorStudy(peak, rows), ranges.range());
    }

    /** The narrowest {@link #RANGE_SHARE} ranges of the sampled tickets, summed up into a {@link Range}. */
    private static final class Ranges {
        private double width;
        private double widthAtPeak;
        private int tickets;
        private int atPeak;
        private int inside;

        void add(double[] waits, double actual, boolean peak) {
            double[] range = narrowest(waits, RANGE_SHARE);
            width += range[1] - range[0];
            widthAtPeak += peak ? range[1] - range[0] : 0;
            tickets++;
            atPeak += peak ? 1 : 0;
            inside += actual >= range[0] && actual <= range[1] ? 1 : 0;
        }

        Range range() {
            int n = Math.max(1, tickets);
            return new Range(RANGE_SHARE, width / n, widthAtPeak / Math.max(1, atPeak), (double) inside / n);
        }
    }

    /** One best estimate measured against each ticket's own replica waits (every ticket weighs the same). */
    private record OwnFutures(String name, List<PredictionErrors.Pair> all, List<PredictionErrors.Pair> peak) {

        OwnFutures(String name) {
            this(name, new ArrayList<>(), new ArrayList<>());
        }

        void add(double estimate, double[] waits, boolean atPeak) {
            for (double wait : waits) {
                all.add(new PredictionErrors.Pair(estimate, wait));
                if (atPeak) {
                    peak.add(new PredictionErrors.Pair(estimate, wait));
                }
            }
        }

        PredictorStudy.Row row() {
            return new PredictorStudy.Row(name, PredictionErrors.of(all), PredictionErrors.of(peak));
        }
    }

    /** The ten minutes holding the most of a ticket's replica waits, and the share they hold. */
    record Window(double centre, double mass) {

        static Window densest(double[] waits) {
            double[] sorted = waits.clone();
            Arrays.sort(sorted);
            int best = 0;
            int bestEnd = 1;
            for (int i = 0, end = 0; i < sorted.length; i++) {
                while (end < sorted.length && sorted[end] <= sorted[i] + 2 * TOLERANCE_MINUTES) {
                    end++;
                }
                if (end - i > bestEnd - best) {
                    best = i;
                    bestEnd = end;
                }
            }
            return new Window((sorted[best] + sorted[bestEnd - 1]) / 2, (double) (bestEnd - best) / sorted.length);
        }
    }

    /** The narrowest [low, high] holding at least {@code share} of {@code waits}. */
    static double[] narrowest(double[] waits, double share) {
        double[] sorted = waits.clone();
        Arrays.sort(sorted);
        int holding = Math.max(1, (int) Math.ceil(share * sorted.length));
        int best = 0;
        for (int i = 1; i + holding - 1 < sorted.length; i++) {
            if (sorted[i + holding - 1] - sorted[i] < sorted[best + holding - 1] - sorted[best]) {
                best = i;
            }
        }
        return new double[] {sorted[best], sorted[best + holding - 1]};
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int half = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[half] : (sorted[half - 1] + sorted[half]) / 2;
    }

    /** What the study's run did, as much as a replica needs to live a day's past again. */
    private static final class Past implements DayWatcher {

        DrawLog log;
        private final Map<LocalDate, Day> days = new HashMap<>();
        private Day today;

        @Override
        public void dayStarting(LocalDate day, List<Citizen> citizens) {
            today = new Day(citizens, log.size());
            days.put(day, today);
        }

        @Override
        public void arriving(Citizen citizen, Instant now) {
            today.arrivalDraw.put(citizen.id(), log.size());
        }

        @Override
        public void called(Citizen citizen, Instant now) {
            today.called.put(citizen.id(), now);
        }

        @Override
        public void serviceStarted(Citizen citizen, int index, Instant now) {
            today.started.computeIfAbsent(citizen.id(), id -> new ArrayList<>()).add(now);
        }

        Day day(LocalDate day) {
            return days.get(day);
        }
    }

    /** One office day of the study's run. */
    private record Day(List<Citizen> citizens, int firstDraw, Map<Integer, Integer> arrivalDraw,
                       Map<Integer, Instant> called, Map<Integer, List<Instant>> started) {

        Day(List<Citizen> citizens, int firstDraw) {
            this(citizens, firstDraw, new HashMap<>(), new HashMap<>(), new HashMap<>());
        }

        /** How many of the citizen's services were done by {@code t}. */
        int servicesDoneBy(Citizen citizen, Instant t) {
            List<Instant> starts = started.getOrDefault(citizen.id(), List.of());
            int done = 0;
            while (done < starts.size() && !starts.get(done).plus(citizen.serviceTimes().get(done)).isAfter(t)) {
                done++;
            }
            return done;
        }

        /** How long the citizen's service at a counter at {@code t} had been under way then, if one was. */
        Optional<Duration> underWayAt(Citizen citizen, Instant t) {
            List<Instant> starts = started.getOrDefault(citizen.id(), List.of());
            int done = servicesDoneBy(citizen, t);
            return done < starts.size() && !starts.get(done).isAfter(t)
                    ? Optional.of(Duration.between(starts.get(done), t)) : Optional.empty();
        }

        long callsBefore(Instant t) {
            return called.values().stream().filter(c -> c.isBefore(t)).count();
        }

        boolean calledBy(int citizen, Instant t) {
            return called.containsKey(citizen) && !called.get(citizen).isAfter(t);
        }
    }

    /** The futures of one ticket: its day played again, its past kept, its future drawn anew each time. */
    private record Replicas(Office office, SimulationOptions options, Past past, Visit ticket) {

        double[] waits(int replicas) {
            double[] waits = new double[replicas];
            for (int r = 0; r < replicas; r++) {
                waits[r] = play(r);
            }
            return waits;
        }

        /** @return the ticket's wait in minutes in replica {@code r}; until the day's end if it is not called */
        private double play(int r) {
            LocalDate date = ticket.day();
            Day day = past.day(date);
            Instant t = ticket.arrival();
            SplittableRandom random = new SplittableRandom(
                    new SplittableRandom(options.seed() ^ date.toEpochDay() * 0x9E3779B97F4A7C15L
                            ^ (long) ticket.citizen() << 20 ^ r).nextLong());
            DayPlan future = new DayPlan(office, options, new Draws(random.split()));
            List<Citizen> citizens = new ArrayList<>();
            for (Citizen c : day.citizens()) {
                if (!c.arrival().isAfter(t) || c.appointmentSlot().isPresent()) {
                    citizens.add(future.redrawn(c, day.servicesDoneBy(c, t), day.underWayAt(c, t), day.calledBy(c.id(), t)));
                }
            }
            future.citizens(date).stream().filter(c -> c.appointmentSlot().isEmpty() && c.arrival().isAfter(t))
                    .map(c -> new Citizen(NEW_CITIZENS + c.id(), c.arrival(), c.service(), c.priority(),
                            c.appointmentSlot(), c.noShow(), c.secondService(), c.patience(), c.serviceTimes()))
                    .forEach(citizens::add);
            citizens.sort(Comparator.comparing(Citizen::arrival).thenComparing(Citizen::id));

            Draws inDay = new Draws(past.log.replay(day.firstDraw(), day.arrivalDraw().get(ticket.citizen()),
                    random.split()));
            Engine engine = Engine.withoutEstimates(office, date, OfficeSimulator.policy(office, options));
            SimulatedDay replica = new SimulatedDay(office, options, engine, new Draws(random.split()), inDay, date,
                    List.of()).breaksDrawnAgainAfter(t, new Draws(random.split()));
            Instant[] called = {null};
            int[] callsBefore = {0};
            replica.watchedBy(new DayWatcher() {
                @Override
                public void arriving(Citizen citizen, Instant now) {
                    if (citizen.id() == ticket.citizen() && callsBefore[0] != day.callsBefore(t)) {
                        throw pastNotKept(r, callsBefore[0] + " calls before the ticket, not " + day.callsBefore(t));
                    }
                }

                @Override
                public void called(Citizen citizen, Instant now) {
                    if (now.isBefore(t)) {
                        callsBefore[0]++;
                        if (!now.equals(day.called().get(citizen.id()))) {
                            throw pastNotKept(r, "citizen " + citizen.id() + " called at " + now);
                        }
                    }
                    if (citizen.id() == ticket.citizen()) {
                        called[0] = now;
                        replica.stop();
                    }
                }
            }).play(citizens);
            Instant end = called[0] != null ? called[0] : replica.end();
            return Duration.between(t, end).toMillis() / 60_000.0;
        }

        /** A replica that does not live the ticket's past exactly would measure another day: a bug, not noise. */
        private IllegalStateException pastNotKept(int r, String what) {
            return new IllegalStateException("replica " + r + " of ticket " + ticket.ticket().orElseThrow() + " on "
                    + ticket.day() + " did not live its past again: " + what);
        }
    }
}
