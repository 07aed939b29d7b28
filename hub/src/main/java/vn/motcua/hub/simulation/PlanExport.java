package vn.motcua.hub.simulation;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;

/**
 * A {@link StaffingPlan} for other programs: JSON is this record, CSV is one {@link HalfHour} row per half hour.
 * Minutes are rounded to 0.1.
 *
 * @param targetWaitMin      the target wait in minutes
 * @param percentile         the percentile the target applies to, in %
 * @param staffedHalfHours   counter half hours the plan staffs over the day
 * @param allHalfHours       counter half hours with every counter all day
 * @param runs               simulation runs the search made
 * @param cannotMeet         starts of the half hours that miss the target even with every counter staffed
 */
public record PlanExport(String office, double targetWaitMin, double percentile, int days, long seed, int runs,
                         int staffedHalfHours, int allHalfHours, List<String> cannotMeet, List<HalfHour> halfHours) {

    /**
     * One half hour of the plan.
     *
     * @param counters       the staffed counters, in number order
     * @param services       the services those counters serve, in the profile's order
     * @param reachedMin     the percentile wait of the citizens arriving in this half hour under the plan
     * @param allCountersMin the same with every counter staffed all day
     * @param meetsTarget    {@code reachedMin} ≤ the target
     * @param feasible       {@code allCountersMin} ≤ the target: the office can meet the target here at all
     */
    public record HalfHour(String start, String end, int staffed, List<Integer> counters, List<String> services,
                           double reachedMin, double allCountersMin, boolean meetsTarget, boolean feasible) {
    }

    static PlanExport of(Office office, StaffingPlan plan) {
        Staffing schedule = plan.schedule();
        List<HalfHour> rows = IntStream.range(0, plan.halfHours().size()).mapToObj(h -> {
            List<Integer> counters = schedule.staffedIn(h);
            Set<String> skills = new HashSet<>();
            counters.forEach(n -> skills.addAll(office.counter(n).orElseThrow().services()));
            List<String> services = office.services().stream().map(Office.Service::code).filter(skills::contains).toList();
            return new HalfHour(plan.halfHours().get(h).toString(),
                    Staffing.halfHourEnd(office, plan.halfHours().get(h)).toString(), counters.size(), counters, services,
                    tenth(plan.reached()[h]), tenth(plan.allCounters()[h]), plan.meets(h), plan.feasible(h));
        }).toList();
        return new PlanExport(plan.office(), plan.target().minutes(), plan.target().percentile(), plan.days(),
                plan.seed(), plan.runs(), schedule.counterHalfHours(), schedule.counters().size() * rows.size(),
                plan.infeasible().stream().map(h -> plan.halfHours().get(h).toString()).toList(), rows);
    }

    String json() {
        return OutputFormat.json(this);
    }

    String csv() {
        return OutputFormat.csv(HalfHour.class, halfHours);
    }

    static double tenth(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }
}
