package vn.motcua.hub.simulation;

import java.time.LocalTime;
import java.util.List;
import java.util.SortedMap;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;

/**
 * What the {@link StaffingPlanner} found.
 *
 * @param office      the office the schedule is of: the profile's, with any extra counters the search could add
 * @param extras      extra counter number → the office's own counter whose skills it copies (empty: none allowed)
 * @param schedule    the counters to staff in each half hour
 * @param reached     the percentile wait (minutes) of the citizens arriving in each half hour under the schedule
 * @param allCounters the same with every one of the office's own counters staffed all day: a half hour where this
 *                    misses the target cannot meet it with this office's counters
 * @param runs        simulation runs the search made (each of {@code days} days)
 */
public record StaffingPlan(Office office, SortedMap<Integer, Integer> extras, StaffingPlanner.Target target, int days, long seed, Staffing schedule,
                           double[] reached, double[] allCounters, int runs) {

    public List<LocalTime> halfHours() {
        return schedule.halfHours();
    }

    /** Whether the half hour meets the target under the plan. */
    public boolean meets(int halfHour) {
        return reached[halfHour] <= target.minutes();
    }

    /** Whether the half hour can meet the target with the office's own counters: it does with all of them staffed. */
    public boolean feasible(int halfHour) {
        return allCounters[halfHour] <= target.minutes();
    }

    /** The half hours that miss the target even with every one of the office's own counters staffed all day. */
    public List<Integer> infeasible() {
        return IntStream.range(0, reached.length).filter(h -> !feasible(h)).boxed().toList();
    }
}
