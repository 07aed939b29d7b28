package vn.motcua.hub.engine;

import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Supplier;

/**
 * The random choices of one generated case, from one seed: the same seed always makes the same case. Small ranges
 * are drawn uniformly; wide ones half the time uniformly and half the time log-scaled towards a target (the low end,
 * or zero), so that small gaps, early tickets and slots close to now come up often, as they did with the
 * property-testing library these generators replace.
 */
final class Gen {

    /** Ranges up to this wide are drawn uniformly. */
    private static final long UNIFORM_SPAN = 64;

    private final SplittableRandom random;

    Gen(long seed) {
        this.random = new SplittableRandom(seed);
    }

    /** Uniform in {@code [min, max]}. */
    int uniform(int min, int max) {
        return random.nextInt(min, max + 1);
    }

    /** Uniform in {@code [min, max]}. */
    long uniform(long min, long max) {
        return random.nextLong(min, max + 1);
    }

    /** In {@code [min, max]}, towards {@code min} as described above. */
    int between(int min, int max) {
        return (int) between((long) min, max, min);
    }

    /** In {@code [min, max]}, towards {@code min} as described above. */
    long between(long min, long max) {
        return between(min, max, min);
    }

    /** In {@code [min, max]}, towards {@code target} (inside the range) as described above. */
    long between(long min, long max, long target) {
        if (max - min <= UNIFORM_SPAN || random.nextBoolean()) {
            return uniform(min, max);
        }
        boolean up = target == min || target != max && random.nextBoolean();
        long room = up ? max - target : target - min;
        long reach = Math.min(room, (1L << random.nextInt(0, 64 - Long.numberOfLeadingZeros(room) + 1)) - 1);
        long offset = random.nextLong(0, reach + 1);
        return up ? target + offset : target - offset;
    }

    double unit() {
        return random.nextDouble();
    }

    boolean bool() {
        return random.nextBoolean();
    }

    /** True with probability {@code p}. */
    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    @SafeVarargs
    final <T> T of(T... values) {
        return values[random.nextInt(values.length)];
    }

    <T> T of(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    /** Present with probability 0.95. */
    <T> Optional<T> optional(Supplier<T> value) {
        return chance(0.05) ? Optional.empty() : Optional.of(value.get());
    }

    /** The index of a choice drawn with the given weights. */
    int weighted(int... weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int r = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            r -= weights[i];
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError("unreachable");
    }
}
