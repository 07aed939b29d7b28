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
 * @param allHalfHours       counter half hours with every one of the office's own counters all day
 * @param runs               simulation runs the search made
 * @param cannotMeet         starts of the half hours that miss the target even with every one of the office's own
 *                           counters staffed
 * @param extraCounters      the counters the plan adds to the office's own (none unless extras were allowed)
 */
public record PlanExport(String office, double targetWaitMin, double percentile, int days, long seed, int runs,
                         int staffedHalfHours, int allHalfHours, List<String> cannotMeet, List<ExtraCounter> extraCounters,
                         List<HalfHour> halfHours) {

    /**
     * A counter the plan adds.
     *
     * @param counter   its number in the plan, after the office's highest
     * @param like      the office's own counter whose skills it has
     * @param services  those skills
     * @param halfHours the starts of the half hours it is staffed
     */
    public record ExtraCounter(int counter, int like, List<String> services, List<String> halfHours) {
    }

    /**
     * One half hour of the plan.
     *
     * @param counters       the staffed counters, in number order
     * @param services       the services those counters serve, in the profile's order
     * @param reachedMin     the percentile wait of the citizens arriving in this half hour under the plan
     * @param allCountersMin the same with every one of the office's own counters staffed all day
     * @param meetsTarget    {@code reachedMin} ≤ the target
     * @param feasible       {@code allCountersMin} ≤ the target: the office can meet the target here at all
     */
    public record HalfHour(String start, String end, int staffed, List<Integer> counters, List<String> services,
                           double reachedMin, double allCountersMin, boolean meetsTarget, boolean feasible) {
    }

    static PlanExport of(StaffingPlan plan) {
        Office office = plan.office();
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
        List<ExtraCounter> extras = plan.extras().entrySet().stream()
                .filter(e -> !schedule.stretches(e.getKey()).isEmpty())
                .map(e -> new ExtraCounter(e.getKey(), e.getValue(), office.counter(e.getKey()).orElseThrow().services(),
                        IntStream.range(0, rows.size()).filter(h -> schedule.staffed(e.getKey(), h))
                                .mapToObj(h -> rows.get(h).start()).toList()))
                .toList();
        int own = schedule.counters().size() - plan.extras().size();
        return new PlanExport(office.name(), plan.target().minutes(), plan.target().percentile(), plan.days(),
                plan.seed(), plan.runs(), schedule.counterHalfHours(), own * rows.size(),
                plan.infeasible().stream().map(h -> plan.halfHours().get(h).toString()).toList(), extras, rows);
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
