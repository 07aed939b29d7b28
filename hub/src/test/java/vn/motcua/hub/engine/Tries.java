package vn.motcua.hub.engine;

import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;

/**
 * Seeded property checks on plain JUnit: a property is tried on cases generated from a fixed sequence of seeds, the
 * same on every run (derived from {@link #BASE_SEED} and the test's name), so a run never flakes. When a try fails,
 * the failure names the seed and shows the case, and a smaller case that still fails: the shortest failing prefix of
 * its steps, less every run of steps (halves, quarters, ... single steps) it can do without.
 *
 * <p>To replay one case: {@code mvn -o -pl hub test -Dtest='TicketLifecyclePropertiesTest#the_test' -Dengine.seed=SEED};
 * {@code -Dengine.tries=N} tries every property N times instead (a longer search; coverage minimums scale with it);
 * {@code -Dengine.coverage=true} prints what each property counted.
 */
final class Tries {

    static final long BASE_SEED = 20261123L;

    /** Past this much time spent looking for a smaller failing case, the smallest found so far is reported. */
    private static final long SHRINK_BUDGET_NANOS = 60_000_000_000L;

    private Tries() {
    }

    /** A generated case made of steps, which can be cut down. */
    interface Case<C extends Case<C>> {
        int size();

        /** The same case without steps {@code [from, to)}. */
        C without(int from, int to);

        /** The same case with only its first {@code steps} steps. */
        default C prefix(int steps) {
            return without(steps, size());
        }
    }

    /** How often the tries went through the paths a property is about; see {@link #require}. */
    static final class Coverage {
        private final Map<String, Long> counts = new TreeMap<>();
        private final double scale;

        private Coverage(double scale) {
            this.scale = scale;
        }

        void count(String label) {
            count(label, 1);
        }

        void count(String label, long n) {
            counts.merge(label, n, Long::sum);
        }

        long get(String label) {
            return counts.getOrDefault(label, 0L);
        }

        /**
         * Fails unless {@code label} was counted at least {@code atLeast} times over the default tries (scaled when
         * {@code engine.tries} is set; not checked when one seed is replayed): a generator that silently stopped
         * reaching a path would otherwise leave its property passing on nothing.
         */
        Coverage require(String label, long atLeast) {
            long needed = (long) Math.floor(atLeast * scale);
            if (get(label) < needed) {
                throw new AssertionError("only " + get(label) + " times \"" + label + "\" over the tries, expected at least "
                        + needed + "; the generators no longer reach it often enough. Counted:\n" + this);
            }
            return this;
        }

        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            counts.forEach((label, n) -> text.append("  ").append(label).append(": ").append(n).append('\n'));
            return text.toString();
        }
    }

    /**
     * Tries {@code property} on {@code tries} cases made by {@code generator} from successive seeds, and returns what
     * the property counted. Call it from the test method itself: its name picks the seeds and names the failure.
     */
    static <C extends Case<C>> Coverage check(int tries, LongFunction<C> generator, BiConsumer<C, Coverage> property) {
        StackWalker.StackFrame test = StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE)
                .walk(frames -> frames.skip(1).findFirst()).orElseThrow();
        String name = test.getDeclaringClass().getSimpleName() + "#" + test.getMethodName();
        String replay = System.getProperty("engine.seed");
        String override = System.getProperty("engine.tries");
        int count = replay != null ? 1 : override != null ? Integer.parseInt(override) : tries;
        Coverage coverage = new Coverage(replay != null ? 0 : (double) count / tries);
        SplittableRandom seeds = new SplittableRandom(BASE_SEED ^ name.hashCode());
        for (int t = 0; t < count; t++) {
            long seed = replay != null ? Long.parseLong(replay.trim()) : seeds.nextLong();
            C c = generator.apply(seed);
            Throwable failure = attempt(c, property, coverage);
            if (failure != null) {
                throw report(name, t, count, seed, c, failure, property);
            }
        }
        if (Boolean.getBoolean("engine.coverage")) {
            System.out.println(name + " over " + count + " tries:\n" + coverage);
        }
        return coverage;
    }

    private static <C extends Case<C>> Throwable attempt(C c, BiConsumer<C, Coverage> property, Coverage coverage) {
        try {
            property.accept(c, coverage);
            return null;
        } catch (AssertionError | RuntimeException | StackOverflowError e) {
            return e;
        }
    }

    /** The failure, with the smallest failing case found within {@link #SHRINK_BUDGET_NANOS}. */
    private static <C extends Case<C>> AssertionError report(String name, int t, int count, long seed, C c,
                                                             Throwable failure, BiConsumer<C, Coverage> property) {
        StringBuilder text = new StringBuilder().append(name).append(" failed on try ").append(t + 1).append(" of ")
                .append(count).append(", seed ").append(seed).append(" (replay: -Dtest='").append(name)
                .append("' -Dengine.seed=").append(seed).append(")\n");
        Shrinker<C> shrinker = new Shrinker<>(property, c, failure);
        shrinker.shortestPrefix();
        int prefix = shrinker.smallest.size();
        shrinker.dropSteps();
        if (shrinker.smallest.size() < c.size()) {
            text.append("\nReduced to ").append(steps(shrinker.smallest.size())).append(prefix < c.size()
                    ? ": the first " + prefix + " of the " + steps(c.size()) + " already fail, and the failure needs these:\n"
                    : " of " + c.size() + ", the ones the failure needs:\n")
                    .append(shrinker.smallest).append("\nfails with:\n").append(message(shrinker.failure)).append('\n');
        } else {
            text.append("\nNo smaller case found: no shorter prefix fails, and every step is needed.\n");
        }
        if (shrinker.outOfTime) {
            text.append("(Stopped reducing after ").append(SHRINK_BUDGET_NANOS / 1_000_000_000L).append(" s.)\n");
        }
        text.append("\nThe whole case, as generated:\n").append(c).append("\nfails with:\n").append(message(failure));
        return new AssertionError(text.toString(), failure);
    }

    /** Looks for a smaller case that still fails: cheap, and no smarter than that. */
    private static final class Shrinker<C extends Case<C>> {
        private final BiConsumer<C, Coverage> property;
        private final long deadline = System.nanoTime() + SHRINK_BUDGET_NANOS;
        private C smallest;
        private Throwable failure;
        private boolean outOfTime;

        Shrinker(BiConsumer<C, Coverage> property, C c, Throwable failure) {
            this.property = property;
            this.smallest = c;
            this.failure = failure;
        }

        /** Counting up from no steps, the first prefix that fails (the case itself if none). */
        void shortestPrefix() {
            for (int n = 0; n < smallest.size(); n++) {
                if (tryCase(smallest.prefix(n))) {
                    return;
                }
            }
        }

        /** Drops runs of steps, halves first and single steps last, while the case still fails without them. */
        void dropSteps() {
            for (int chunk = Integer.highestOneBit(Math.max(1, smallest.size() / 2)); chunk >= 1; chunk /= 2) {
                for (int from = smallest.size() - chunk; from >= 0; from -= chunk) {
                    tryCase(smallest.without(from, from + chunk));
                }
            }
            boolean dropped = true;
            while (dropped) {
                dropped = false;
                for (int i = smallest.size() - 1; i >= 0; i--) {
                    dropped |= tryCase(smallest.without(i, i + 1));
                }
            }
        }

        /** Keeps {@code candidate} if it fails; false once out of time. */
        private boolean tryCase(C candidate) {
            if (System.nanoTime() > deadline) {
                outOfTime = true;
                return false;
            }
            Throwable again = attempt(candidate, property, new Coverage(0));
            if (again == null) {
                return false;
            }
            smallest = candidate;
            failure = again;
            return true;
        }
    }

    private static String steps(int n) {
        return n == 1 ? "1 step" : n + " steps";
    }

    private static String message(Throwable failure) {
        return failure instanceof AssertionError ? String.valueOf(failure.getMessage()) : failure.toString();
    }
}
