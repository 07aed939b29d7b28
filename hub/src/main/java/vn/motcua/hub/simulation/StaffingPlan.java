package vn.motcua.hub.simulation;

import java.time.LocalTime;
import java.util.List;
import java.util.stream.IntStream;

/**
 * What the {@link StaffingPlanner} found.
 *
 * @param schedule    the counters to staff in each half hour
 * @param reached     the percentile wait (minutes) of the citizens arriving in each half hour under the schedule
 * @param allCounters the same with every counter staffed all day: a half hour where this misses the target cannot
 *                    meet it with this office's counters
 * @param runs        simulation runs the search made (each of {@code days} days)
 */
public record StaffingPlan(String office, StaffingPlanner.Target target, int days, long seed, Staffing schedule,
                           double[] reached, double[] allCounters, int runs) {

    public List<LocalTime> halfHours() {
        return schedule.halfHours();
    }

    /** Whether the half hour meets the target under the plan. */
    public boolean meets(int halfHour) {
        return reached[halfHour] <= target.minutes();
    }

    /** Whether the half hour can meet the target at all: it does with every counter staffed. */
    public boolean feasible(int halfHour) {
        return allCounters[halfHour] <= target.minutes();
    }

    /** The half hours that miss the target even with every counter staffed all day. */
    public List<Integer> infeasible() {
        return IntStream.range(0, reached.length).filter(h -> !feasible(h)).boxed().toList();
    }
}
