package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Every random draw of a simulation, from one seeded generator, so a seed replays the same office. Draws are taken
 * in event order, which is itself fixed by the seed: no clock, no threads, no hash order.
 */
final class Draws {

    private final RandomGenerator random;

    Draws(RandomGenerator random) {
        this.random = random;
    }

    /**
     * The stream of one counter's officer on one day, from the seed alone: adding, removing or leaving unstaffed
     * other counters (the staffing planner does all three) changes neither the citizens nor this officer's day.
     */
    static Draws officer(long seed, LocalDate day, int counter) {
        long mixed = new SplittableRandom(seed ^ day.toEpochDay() * 0x9E3779B97F4A7C15L).nextLong();
        return new Draws(new SplittableRandom(mixed ^ counter * 0xBF58476D1CE4E5B9L));
    }

    boolean chance(double share) {
        return random.nextDouble() < share;
    }

    /** Exponential gap of a Poisson process with {@code perMinute} events a minute. */
    Duration gap(double perMinute) {
        return minutes(random.nextExponential() / perMinute);
    }

    /** Lognormal with the given mean and coefficient of variation: σ² = ln(1 + cv²), μ = ln(mean) − σ²/2. */
    Duration lognormal(double meanMinutes, double cv) {
        double sigma2 = Math.log(1 + cv * cv);
        return minutes(Math.exp(Math.log(meanMinutes) - sigma2 / 2 + Math.sqrt(sigma2) * random.nextGaussian()));
    }

    Duration exponential(Duration mean) {
        return minutes(random.nextExponential() * mean.toNanos() / 60e9);
    }

    Duration normal(Duration mean, Duration sd) {
        return Duration.ofNanos(Math.round(mean.toNanos() + sd.toNanos() * random.nextGaussian()));
    }

    /** Uniform between {@code low} and {@code high}. */
    Duration uniform(Duration low, Duration high) {
        return low.plusNanos(Math.round(random.nextDouble() * high.minus(low).toNanos()));
    }

    /** An index picked with probability proportional to its weight. */
    int pick(List<Double> weights) {
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        double x = random.nextDouble() * total;
        for (int i = 0; i < weights.size(); i++) {
            x -= weights.get(i);
            if (x < 0) {
                return i;
            }
        }
        return weights.size() - 1;
    }

    static Duration minutes(double minutes) {
        return Duration.ofNanos(Math.round(minutes * 60e9));
    }
}
