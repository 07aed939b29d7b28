package vn.motcua.hub.simulation;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import vn.motcua.hub.predict.PredictionErrors;

/**
 * A {@link PredictorStudy} ({@code simulate --predictors}) for other programs: JSON is this record, CSV one
 * {@link Row} per predictor and window. Metrics are null (JSON) or empty (CSV) for a window without tickets.
 */
public record PredictorExport(String office, String policy, long seed, int days, List<Row> rows,
                              @JsonInclude(JsonInclude.Include.NON_NULL) Range range) {

    /**
     * With {@code --bound}: the narrowest range holding {@code share} of each sampled ticket's replica waits, its mean
     * width all day and at the peak, and the share of actual waits inside it ({@link PredictabilityBound.Range}).
     */
    public record Range(double share, double meanWidthMin, double meanWidthAtPeakMin, double actualInside) {
    }


    /**
     * @param window     {@code all} (the whole run) or the peak, e.g. {@code 08:00-10:00} (tickets issued in the two busiest hours of the profile's arrivals)
     * @param withinFive share of tickets whose estimate was within ±5 minutes of the actual wait
     * @param biasMin    mean of predicted − actual
     */
    public record Row(String predictor, String window, int count, Double maeMin, Double rmseMin, Double withinFive,
                      Double biasMin) {
    }

    /** The export of a study with a bound: its rows, and the range the bound measured. */
    static PredictorExport of(String office, String policy, long seed, int days, PredictabilityBound bound) {
        PredictabilityBound.Range r = bound.range();
        PredictorExport rows = of(office, policy, seed, days, bound.study());
        return new PredictorExport(office, policy, seed, days, rows.rows(), new Range(r.share(),
                PlanExport.tenth(r.meanWidth()), PlanExport.tenth(r.meanWidthAtPeak()), WaitsExport.share(r.actualInside())));
    }

    static PredictorExport of(String office, String policy, long seed, int days, PredictorStudy study) {
        List<Row> rows = new ArrayList<>();
        for (PredictorStudy.Row row : study.rows()) {
            rows.add(row(row.predictor(), "all", row.all()));
            rows.add(row(row.predictor(), study.peak().toString(), row.peak()));
        }
        return new PredictorExport(office, policy, seed, days, rows, null);
    }

    private static Row row(String predictor, String window, PredictionErrors e) {
        return new Row(predictor, window, e.count(), tenth(e.mae()), tenth(e.rmse()),
                Double.isNaN(e.withinFive()) ? null : WaitsExport.share(e.withinFive()), tenth(e.bias()));
    }

    private static Double tenth(double minutes) {
        return Double.isNaN(minutes) ? null : PlanExport.tenth(minutes);
    }

    String json() {
        return OutputFormat.json(this);
    }

    String csv() {
        return OutputFormat.csv(Row.class, rows);
    }
}
