package vn.motcua.hub.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A {@code simulate} run's {@link Summary} for other programs. JSON is this record; CSV is the same figures one per
 * line as {@code section,item,value} (a summary is not one table: visits, outcomes, two wait groups, counters).
 *
 * @param outcomes  visits by how they ended, keyed by {@link Visit.Outcome} name
 * @param counters  every counter of the profile; utilisation is busy ÷ opening time, so a counter left unstaffed by
 *                  {@code --counters} shows 0 and one serving past closing can show more than 1
 */
public record SummaryExport(String office, String policy, long seed, int days, int visits, int carriedIn, int rated,
                            Map<String, Integer> outcomes, WaitsExport waits, WaitsExport calledWaits,
                            WaitsExport priorityWaits,
                            List<Counter> counters) {

    /** One counter over the run: busy ÷ open, files per day, breaks taken. */
    public record Counter(int counter, double utilisation, double filesPerDay, int breaks) {
    }

    /** One line of the CSV. */
    public record Line(String section, String item, String value) {
    }

    static SummaryExport of(String office, String policy, long seed, Summary s) {
        Map<String, Integer> outcomes = new LinkedHashMap<>();
        for (Visit.Outcome outcome : Visit.Outcome.values()) {
            outcomes.put(outcome.name(), s.count(outcome));
        }
        return new SummaryExport(office, policy, seed, s.days(), s.visits(), s.carriedIn(), s.rated(), outcomes,
                WaitsExport.of(s.waits()), WaitsExport.of(s.calledWaits()), WaitsExport.of(s.priorityWaits()),
                s.counters().stream().map(c -> new Counter(c.counter(), WaitsExport.share(c.utilisation()),
                        PlanExport.tenth(c.filesPerDay()), c.breaks())).toList());
    }

    String json() {
        return OutputFormat.json(this);
    }

    String csv() {
        List<Line> lines = new ArrayList<>();
        lines.add(new Line("run", "office", office));
        lines.add(new Line("run", "policy", policy));
        lines.add(new Line("run", "seed", String.valueOf(seed)));
        lines.add(new Line("run", "days", String.valueOf(days)));
        lines.add(new Line("visits", "visits", String.valueOf(visits)));
        lines.add(new Line("visits", "carriedIn", String.valueOf(carriedIn)));
        lines.add(new Line("visits", "rated", String.valueOf(rated)));
        outcomes.forEach((outcome, n) -> lines.add(new Line("outcomes", outcome, String.valueOf(n))));
        waitLines(lines, "waits", waits);
        waitLines(lines, "calledWaits", calledWaits);
        waitLines(lines, "priorityWaits", priorityWaits);
        for (Counter c : counters) {
            OutputFormat.cells(c).forEach((item, value) -> {
                if (!item.equals("counter")) {
                    lines.add(new Line("counter " + c.counter(), item, value));
                }
            });
        }
        return OutputFormat.csv(Line.class, lines);
    }

    private static void waitLines(List<Line> lines, String section, WaitsExport w) {
        OutputFormat.cells(w).forEach((item, value) -> lines.add(new Line(section, item, value)));
    }
}
