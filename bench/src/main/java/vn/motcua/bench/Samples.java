package vn.motcua.bench;

import java.util.Arrays;

/**
 * A fixed-capacity array of measurements (nanoseconds or any long), safe to add to from many threads, with
 * nearest-rank percentiles. Bounded: values past the capacity are counted as dropped, never stored.
 */
final class Samples {

    private final long[] values;
    private int size;
    private long dropped;

    Samples(int capacity) {
        this.values = new long[capacity];
    }

    synchronized void add(long value) {
        if (size < values.length) {
            values[size++] = value;
        } else {
            dropped++;
        }
    }

    int capacity() {
        return values.length;
    }

    synchronized int size() {
        return size;
    }

    synchronized long dropped() {
        return dropped;
    }

    /** A sorted copy of the values. */
    synchronized long[] sorted() {
        long[] copy = Arrays.copyOf(values, size);
        Arrays.sort(copy);
        return copy;
    }

    /** Nearest-rank percentile {@code p} (0-100] of sorted {@code values}; NaN-free: 0 for an empty array. */
    static long percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.min(Math.max(rank, 1), sorted.length) - 1];
    }

    static double median(double[] values) {
        double[] copy = values.clone();
        Arrays.sort(copy);
        int n = copy.length;
        return n == 0 ? 0 : n % 2 == 1 ? copy[n / 2] : (copy[n / 2 - 1] + copy[n / 2]) / 2;
    }

    static double min(double[] values) {
        return Arrays.stream(values).min().orElse(0);
    }

    static double max(double[] values) {
        return Arrays.stream(values).max().orElse(0);
    }

    /** Milliseconds with two decimals, from nanoseconds. */
    static String ms(long nanos) {
        return String.format("%.2f", nanos / 1e6);
    }
}
