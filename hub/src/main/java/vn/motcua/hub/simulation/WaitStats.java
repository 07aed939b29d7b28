package vn.motcua.hub.simulation;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Waits in minutes: count, how many of them are censored (never called: counted until the visit ended), mean,
 * nearest-rank percentiles, maximum, and the shares within 15 and 30 minutes.
 */
public record WaitStats(int count, int censored, double mean, double p50, double p90, double p95, double max,
                        double within15, double within30) {

    /**
     * Every visit's {@link Visit#observedWait()}: the called ones to their call, the never-called ones (censored) until
     * they ended, so that a policy cannot look good by never calling a service.
     */
    static WaitStats observed(List<Visit> visits) {
        return of(visits.stream().map(Visit::observedWait).flatMap(Optional::stream).toList(),
                (int) visits.stream().filter(Visit::censored).count());
    }

    /** Only the visits that were called, to their first call. */
    static WaitStats called(List<Visit> visits) {
        return of(visits.stream().map(Visit::waited).flatMap(Optional::stream).toList(), 0);
    }

    private static WaitStats of(List<Duration> waits, int censored) {
        double[] minutes = waits.stream().mapToDouble(w -> w.toNanos() / 60e9).sorted().toArray();
        if (minutes.length == 0) {
            return new WaitStats(0, 0, 0, 0, 0, 0, 0, 0, 0);
        }
        return new WaitStats(minutes.length, censored, Arrays.stream(minutes).average().orElseThrow(),
                rank(minutes, 0.50), rank(minutes, 0.90), rank(minutes, 0.95), minutes[minutes.length - 1],
                share(minutes, 15), share(minutes, 30));
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
