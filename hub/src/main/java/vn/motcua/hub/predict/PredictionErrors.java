package vn.motcua.hub.predict;

import java.util.Collection;

/**
 * How far predicted waits were from the actual ones, in minutes, over {@code count} tickets. All metrics are NaN
 * when there are no pairs.
 *
 * @param mae          mean absolute error
 * @param rmse         root mean square error: punishes the large misses a citizen remembers
 * @param withinFive   share of tickets whose actual wait was within ±5 min of the prediction (inclusive)
 * @param bias         mean of predicted − actual: negative means the estimate promises less wait than happens
 */
public record PredictionErrors(int count, double mae, double rmse, double withinFive, double bias) {

    /** One ticket: the wait predicted at issue and the wait it actually had until its first call. */
    public record Pair(double predicted, double actual) {

        public Pair {
            if (!Double.isFinite(predicted) || !Double.isFinite(actual)) {
                throw new IllegalArgumentException("waits must be finite, were " + predicted + " and " + actual);
            }
        }

        double error() {
            return predicted - actual;
        }
    }

    private static final double TOLERANCE_MINUTES = 5;

    public static PredictionErrors of(Collection<Pair> pairs) {
        int n = pairs.size();
        if (n == 0) {
            return new PredictionErrors(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double absolute = 0;
        double squared = 0;
        double signed = 0;
        int within = 0;
        for (Pair p : pairs) {
            double e = p.error();
            absolute += Math.abs(e);
            squared += e * e;
            signed += e;
            within += Math.abs(e) <= TOLERANCE_MINUTES ? 1 : 0;
        }
        return new PredictionErrors(n, absolute / n, Math.sqrt(squared / n), (double) within / n, signed / n);
    }
}
