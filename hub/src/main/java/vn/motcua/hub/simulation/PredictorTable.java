package vn.motcua.hub.simulation;

import java.util.Locale;

import vn.motcua.hub.predict.PredictionErrors;

/** A {@link PredictorStudy} as a plain-text table for a terminal, headings in Vietnamese and English. */
final class PredictorTable {

    private PredictorTable() {
    }

    static String of(String office, String run, PredictorStudy study) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — dự báo thời gian chờ / wait predictors, %s", office, run);
        line(out, "Sai số tính bằng phút, trên công dân đã được phục vụ / errors in minutes, over citizens served; "
                + "lệch = dự báo − thực tế / bias = predicted − actual");
        line(out, "");
        line(out, "%-26s %-12s %7s %7s %7s %7s %7s", "Dự báo / predictor", "", "MAE", "RMSE", "±5 min", "lệch",
                "n");
        line(out, "%-26s %-12s %7s %7s %7s %7s %7s", "", "", "", "", "", "bias", "");
        for (PredictorStudy.Row row : study.rows()) {
            errors(out, row.predictor(), "cả ngày/all", row.all());
            errors(out, "", study.peak().from() + "–" + study.peak().to(), row.peak());
        }
        return out.toString();
    }

    /** The narrowest range a ticket could print instead of one number ({@code --bound}). */
    static String range(PredictabilityBound.Range range, PredictorStudy.Peak peak) {
        StringBuilder out = new StringBuilder("\n");
        line(out, "Khoảng hẹp nhất chứa %.0f%% thời gian chờ / narrowest range holding %.0f%% of the waits: "
                        + "rộng / wide %.1f min (%s–%s: %.1f min); thực tế trong khoảng / actual waits inside: %.0f%%",
                100 * range.share(), 100 * range.share(), range.meanWidth(), peak.from(), peak.to(),
                range.meanWidthAtPeak(), 100 * range.actualInside());
        return out.toString();
    }

    private static void errors(StringBuilder out, String predictor, String when, PredictionErrors e) {
        if (e.count() == 0) {
            line(out, "%-26s %-12s %7s %7s %7s %7s %7d", predictor, when, "–", "–", "–", "–", 0);
            return;
        }
        line(out, "%-26s %-12s %7.1f %7.1f %6.0f%% %+7.1f %7d", predictor, when, e.mae(), e.rmse(),
                100 * e.withinFive(), e.bias(), e.count());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
