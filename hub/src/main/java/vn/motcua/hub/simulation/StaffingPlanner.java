package vn.motcua.hub.simulation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;

/**
 * Finds, per half hour, the fewest staffed counters (and which ones) such that the citizens arriving in each half hour
 * wait at most the target at the chosen percentile ({@link HalfHourWaits}). Every candidate schedule is run through
 * the real engine by {@link OfficeSimulator} on the same seed, so all of them meet the same citizens and officers
 * (common random numbers) and a difference between two schedules is the schedules' doing, not luck. Deterministic:
 * candidates are tried in a fixed order and ties go to the first.
 *
 * <p>The search: run every counter all day first. A half hour that misses the target even so cannot meet it; its
 * requirement becomes "no worse than every counter reaches" and it is reported as such. Then start from the smallest
 * set of counters that serves every service in every half hour, and, while some half hour misses its requirement,
 * take the earliest one (a queue grows from earlier half hours, so later ones are looked at once it is fixed) and add
 * the counter, staffed from that half hour or from one or two half hours before it, that most reduces the minutes by
 * which all half hours miss, per counter half hour added. Last, walk the half hours with most slack first and take out
 * each counter whose removal keeps every requirement met and every service served.
 *
 * <p>With extra counters allowed ({@link ExtraCounters}: copies of the skill lists of the office's own counters) the
 * requirement is what every counter, extras included, reaches all day, and the same search may add extras where the
 * office's own counters are not enough: the plan then says how many more counters, with which skills, and when.
 */
public final class StaffingPlanner {

    /** How far back a counter added for a half hour may start: the queue of a half hour builds in the ones before. */
    private static final int LEAD_HALF_HOURS = 2;

    /** Told how the search goes: its phase, roughly how far along (0–1), and the simulation runs so far. */
    public interface Progress {
        void update(String phase, double done, int runs);

        Progress NONE = (phase, done, runs) -> { };
    }

    /**
     * @param minutes    the longest acceptable wait
     * @param percentile the share of citizens (of those arriving in each half hour) who must wait at most that, in %
     */
    public record Target(double minutes, double percentile) {
        public Target {
            if (!(minutes > 0)) {
                throw new IllegalArgumentException("the target wait must be more than 0 minutes, was " + minutes);
            }
            if (!(percentile > 0 && percentile <= 100)) {
                throw new IllegalArgumentException("the percentile must be in (0, 100], was " + percentile);
            }
        }
    }

    /** The office the schedules are of: the profile's, with the extra counters the search may add. */
    private final Office office;
    private final ExtraCounters extras;
    private final SimulationOptions options;
    private final Target target;
    private final int minStretch;
    private final Progress progress;
    /** Simulation runs so far; candidates run in parallel. */
    private final AtomicInteger runs = new AtomicInteger();

    public StaffingPlanner(Office office, SimulationOptions options, Target target, Progress progress) {
        this(office, options, target, Search.DEFAULT, progress);
    }

    public StaffingPlanner(Office office, SimulationOptions options, Target target, Search search, Progress progress) {
        this.extras = ExtraCounters.add(office, search.extraCountersPerSkillSet());
        this.office = extras.office();
        this.options = options;
        this.target = target;
        this.minStretch = search.minStretchHalfHours();
        this.progress = progress;
    }

    /**
     * What the search may do beyond choosing among the office's counters.
     *
     * @param extraCountersPerSkillSet extra counters it may add per distinct skill list of the office's counters
     * @param minStretchHalfHours      the fewest consecutive half hours a counter is staffed once it is (an officer
     *                                 is not sent to a counter for half an hour); 1 = any
     */
    public record Search(int extraCountersPerSkillSet, int minStretchHalfHours) {

        public static final Search DEFAULT = new Search(0, 1);

        public Search {
            if (extraCountersPerSkillSet < 0) {
                throw new IllegalArgumentException("extra counters must be 0 or more, was " + extraCountersPerSkillSet);
            }
            if (minStretchHalfHours < 1) {
                throw new IllegalArgumentException("the shortest stretch must be at least 1 half hour, was "
                        + minStretchHalfHours);
            }
        }
    }

    /** @throws IllegalArgumentException when the office or options cannot be simulated */
    public StaffingPlan plan() {
        Staffing own = Staffing.only(office, extras.own());
        progress.update("mọi quầy / all counters", 0, runs.get());
        double[] allCounters = reach(own);
        double[] everything = extras.models().isEmpty() ? allCounters : reach(Staffing.allDay(office));
        double[] required = IntStream.range(0, allCounters.length)
                .mapToDouble(i -> Math.max(target.minutes(), everything[i])).toArray();
        Staffing grown = grow(cover(), required);
        Staffing plan = trim(grown, required);
        return new StaffingPlan(office, extras.models(), target, options.days(), options.seed(), plan, reach(plan),
                allCounters, runs.get());
    }

    private Staffing grow(Staffing start, double[] required) {
        Staffing current = start;
        double[] reached = reach(current);
        for (int worst = firstMissing(reached, required); worst >= 0; worst = firstMissing(reached, required)) {
            progress.update("thêm quầy / adding", 0.6 * worst / reached.length, runs.get());
            double before = shortfall(reached, required);
            Staffing best = null;
            double[] bestReached = null;
            double bestGain = 0;
            // Each candidate is an independent simulation of the same days: run them on every core, then judge
            // them in their fixed order, so the choice is the one a sequential search makes.
            List<Staffing> candidates = additions(current, worst);
            List<double[]> reachedBy = candidates.parallelStream().map(this::reach).toList();
            for (int i = 0; i < candidates.size(); i++) {
                Staffing candidate = candidates.get(i);
                double[] r = reachedBy.get(i);
                double gain = (before - shortfall(r, required))
                        / (candidate.counterHalfHours() - current.counterHalfHours());
                if (gain > bestGain) {
                    best = candidate;
                    bestReached = r;
                    bestGain = gain;
                }
            }
            if (best == null) {
                // No single counter helps on its own (or every counter is already staffed here): staff every counter
                // in the latest half hour up to this one that has one free. The full schedule meets every
                // requirement, so this ends.
                best = staffEveryCounter(current, worst);
                bestReached = reach(best);
            }
            current = best;
            reached = bestReached;
        }
        return current;
    }

    /**
     * Each counter added in the half hour, or from one or two half hours before it through it, or in it and the next
     * (its citizens may still wait then); only additions that staff something new.
     */
    private List<Staffing> additions(Staffing current, int halfHour) {
        List<Staffing> candidates = new ArrayList<>();
        List<Integer> counters = new ArrayList<>(extras.own());
        counters.addAll(extras.firstFree(current, halfHour));
        for (int counter : counters) {
            Staffing added = current;
            for (int from = halfHour; from >= Math.max(0, halfHour - LEAD_HALF_HOURS); from--) {
                if (!added.staffed(counter, from)) {
                    added = added.with(counter, from, true);
                    candidates.add(added);
                }
            }
            if (halfHour + 1 < current.halfHours().size() && !current.staffed(counter, halfHour + 1)) {
                candidates.add(current.with(counter, halfHour, true).with(counter, halfHour + 1, true));
            }
        }
        return candidates.stream().map(c -> widened(c, counters)).filter(c -> !c.equals(current)).distinct().toList();
    }

    /**
     * Every counter in the latest half hour up to this one that has one free, or else in the next one after it that has
     * (the citizens of this half hour may still be waiting then).
     */
    private Staffing staffEveryCounter(Staffing current, int halfHour) {
        int all = current.counters().size();
        IntStream before = IntStream.iterate(halfHour, h -> h >= 0, h -> h - 1);
        IntStream after = IntStream.range(halfHour + 1, current.halfHours().size());
        int free = IntStream.concat(before, after).filter(h -> current.staffedIn(h).size() < all).findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "every counter is staffed all day and a requirement is still missed"));
        return widened(current.withOnly(free, current.counters()), current.counters());
    }

    private Staffing trim(Staffing grown, double[] required) {
        Staffing current = grown;
        double[] reached = reach(current);
        double[] slack = IntStream.range(0, reached.length).mapToDouble(i -> required[i] - reached[i]).toArray();
        List<Integer> order = IntStream.range(0, reached.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> -slack[i]).thenComparing(i -> i)).toList();
        int total = current.counterHalfHours();
        int tried = 0;
        for (int halfHour : order) {
            for (int counter : current.staffedIn(halfHour).reversed()) {
                progress.update("bớt quầy / removing", 0.6 + 0.4 * tried++ / total, runs.get());
                Staffing fewer = current.with(counter, halfHour, false);
                if (longEnough(fewer, counter) && servesEverything(fewer, halfHour)
                        && firstMissing(reach(fewer), required) < 0) {
                    current = fewer;
                }
            }
        }
        progress.update("xong / done", 1, runs.get());
        return current;
    }

    /**
     * The fewest of the office's own counters that together serve every service, the same in every half hour; among
     * sets of that size the first in counter-number order.
     */
    private Staffing cover() {
        List<Integer> numbers = extras.own();
        for (int size = 1; size <= numbers.size(); size++) {
            for (List<Integer> chosen : combinations(numbers, size)) {
                Staffing only = Staffing.only(office, chosen);
                if (servesEverything(only, 0)) {
                    return only;
                }
            }
        }
        return Staffing.only(office, numbers); // some service no counter serves: none smaller does better than all
    }

    private static List<List<Integer>> combinations(List<Integer> from, int size) {
        List<List<Integer>> out = new ArrayList<>();
        combine(from, size, 0, new ArrayList<>(), out);
        return out;
    }

    private static void combine(List<Integer> from, int size, int start, List<Integer> chosen, List<List<Integer>> out) {
        if (chosen.size() == size) {
            out.add(List.copyOf(chosen));
            return;
        }
        for (int i = start; i < from.size(); i++) {
            chosen.add(from.get(i));
            combine(from, size, i + 1, chosen, out);
            chosen.removeLast();
        }
    }

    /** Every stretch of the counters at least {@link #minStretch} long: a short one grows later, then earlier. */
    private Staffing widened(Staffing staffing, List<Integer> counters) {
        Staffing wide = staffing;
        int halfHours = staffing.halfHours().size();
        for (int counter : counters) {
            for (int[] stretch : wide.stretches(counter)) {
                int missing = Math.min(minStretch, halfHours) - (stretch[1] - stretch[0]);
                for (int h = stretch[1]; missing > 0 && h < halfHours; h++, missing--) {
                    wide = wide.with(counter, h, true);
                }
                for (int h = stretch[0] - 1; missing > 0 && h >= 0; h--, missing--) {
                    wide = wide.with(counter, h, true);
                }
            }
        }
        return wide;
    }

    private boolean longEnough(Staffing staffing, int counter) {
        int shortest = Math.min(minStretch, staffing.halfHours().size());
        return staffing.stretches(counter).stream().allMatch(s -> s[1] - s[0] >= shortest);
    }

    private boolean servesEverything(Staffing staffing, int halfHour) {
        Set<String> served = new HashSet<>();
        staffing.staffedIn(halfHour).forEach(n -> served.addAll(office.counter(n).orElseThrow().services()));
        return office.services().stream().allMatch(s -> served.contains(s.code()));
    }

    /** The percentile each half hour reaches under the schedule. */
    private double[] reach(Staffing staffing) {
        runs.incrementAndGet();
        HalfHourWaits waits = HalfHourWaits.of(office, options,
                OfficeSimulator.run(office, options.withSchedule(staffing)).visits());
        return IntStream.range(0, waits.halfHours())
                .mapToDouble(i -> waits.percentile(i, target.percentile() / 100)).toArray();
    }

    private static int firstMissing(double[] reached, double[] required) {
        return IntStream.range(0, reached.length).filter(i -> reached[i] > required[i]).findFirst().orElse(-1);
    }

    /** The minutes by which the half hours miss their requirements, summed. */
    private static double shortfall(double[] reached, double[] required) {
        return IntStream.range(0, reached.length).mapToDouble(i -> Math.max(0, reached[i] - required[i])).sum();
    }
}
