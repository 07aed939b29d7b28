package vn.motcua.hub.simulation;

import java.util.List;

/**
 * A {@link PolicyComparison} ({@code simulate --compare}) for other programs: JSON is this record, CSV one
 * {@link Row} per policy, the pooled bound last.
 */
public record PolicyExport(String office, long seed, int days, List<Row> rows) {

    /**
     * @param pooled           the fully pooled lower bound, not a policy of the office
     * @param meanMin          mean wait, citizens never called counted until they left (as the other wait columns)
     * @param calledMeanMin    mean wait of the citizens who were called only
     * @param censored         citizens never called, in the waits until they left
     * @param priorityMeanMin  mean wait of citizens with a priority class
     * @param relativeToPooled mean wait ÷ the pooled bound's
     */
    public record Row(String policy, boolean pooled, int visits, double meanMin, double calledMeanMin, int censored,
                      double p50Min, double p90Min, double p95Min, double maxMin, double within15, double within30,
                      double priorityMeanMin,
                      double utilisation, double filesPerOfficerPerDay, int unservedAtClose, double relativeToPooled) {
    }

    static PolicyExport of(String office, long seed, PolicyComparison comparison) {
        List<Row> rows = comparison.rows().stream().map(row -> {
            Summary s = row.summary();
            WaitsExport w = WaitsExport.of(s.waits());
            return new Row(row.policy(), row.pooled(), s.visits(), w.meanMin(),
                    PlanExport.tenth(s.calledWaits().mean()), w.censored(), w.p50Min(), w.p90Min(), w.p95Min(),
                    w.maxMin(), w.within15(), w.within30(), PlanExport.tenth(s.priorityWaits().mean()),
                    WaitsExport.share(row.utilisation()), PlanExport.tenth(row.filesPerOfficerPerDay()),
                    s.count(Visit.Outcome.UNSERVED_AT_CLOSE), Math.round(comparison.relativeToPooled(row) * 100) / 100.0);
        }).toList();
        return new PolicyExport(office, seed, comparison.rows().getFirst().summary().days(), rows);
    }

    String json() {
        return OutputFormat.json(this);
    }

    String csv() {
        return OutputFormat.csv(Row.class, rows);
    }
}
