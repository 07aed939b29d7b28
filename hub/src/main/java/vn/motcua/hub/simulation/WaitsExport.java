package vn.motcua.hub.simulation;

/**
 * {@link WaitStats} for JSON and CSV exports: minutes rounded to 0.1, shares to 0.001. {@code censored}: how many of
 * the {@code count} waits are of citizens never called, counted until they left.
 */
public record WaitsExport(int count, int censored, double meanMin, double p50Min, double p90Min, double p95Min, double maxMin,
                          double within15, double within30) {

    static WaitsExport of(WaitStats w) {
        return new WaitsExport(w.count(), w.censored(), PlanExport.tenth(w.mean()), PlanExport.tenth(w.p50()), PlanExport.tenth(w.p90()),
                PlanExport.tenth(w.p95()), PlanExport.tenth(w.max()), share(w.within15()), share(w.within30()));
    }

    static double share(double share) {
        return Math.round(share * 1000) / 1000.0;
    }
}
