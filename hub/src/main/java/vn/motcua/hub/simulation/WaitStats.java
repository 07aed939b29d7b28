package vn.motcua.hub.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/** Waits in minutes: count, mean, nearest-rank percentiles, maximum, and the shares within 15 and 30 minutes. */
public record WaitStats(int count, double mean, double p50, double p90, double p95, double max, double within15,
                        double within30) {

    public static WaitStats of(List<Duration> waits) {
        double[] minutes = waits.stream().mapToDouble(w -> w.toNanos() / 60e9).sorted().toArray();
        if (minutes.length == 0) {
            return new WaitStats(0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new WaitStats(minutes.length, Arrays.stream(minutes).average().orElseThrow(), rank(minutes, 0.50),
                rank(minutes, 0.90), rank(minutes, 0.95), minutes[minutes.length - 1], share(minutes, 15),
                share(minutes, 30));
    }

    /** The nearest-rank percentile: the smallest value with at least {@code p} of the values at or below it. */
    static double rank(double[] sorted, double p) {
        int index = (int) Math.ceil(p * sorted.length) - 1;
        return sorted[Math.max(0, index)];
    }

    private static double share(double[] minutes, double limit) {
        return (double) Arrays.stream(minutes).filter(m -> m <= limit).count() / minutes.length;
    }
}
