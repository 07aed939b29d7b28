package vn.motcua.hub.simulation;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A random stream that keeps every number it gives, so that a day's past can be replayed exactly: a replica takes
 * the same draws up to a moment, then draws of its own ({@link #replay}). Every draw goes through {@link #nextLong()}
 * (the other methods are {@link RandomGenerator}'s, built on it), so recording those numbers records everything.
 */
final class DrawLog implements RandomGenerator {

    private final RandomGenerator source;
    private long[] drawn = new long[4096];
    private int size;

    DrawLog(RandomGenerator source) {
        this.source = source;
    }

    @Override
    public long nextLong() {
        long next = source.nextLong();
        if (size == drawn.length) {
            drawn = Arrays.copyOf(drawn, size * 2);
        }
        drawn[size++] = next;
        return next;
    }

    /** How many numbers have been drawn so far: a position to replay from or to. */
    int size() {
        return size;
    }

    /** The draws from position {@code from} to before {@code to}, then {@code after}'s. */
    RandomGenerator replay(int from, int to, RandomGenerator after) {
        if (from < 0 || from > to || to > size) {
            throw new IllegalArgumentException("no draws " + from + " to " + to + " of " + size);
        }
        long[] past = Arrays.copyOfRange(drawn, from, to);
        return new RandomGenerator() {
            private int next;

            @Override
            public long nextLong() {
                return next < past.length ? past[next++] : after.nextLong();
            }
        };
    }
}
