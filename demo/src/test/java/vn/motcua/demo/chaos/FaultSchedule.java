package vn.motcua.demo.chaos;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import vn.motcua.demo.chaos.Fault.Kind;

/**
 * The faults of one run, drawn from the seed: the hub killed twice, the broker restarted once, each unit cut once
 * and silently held once, one unit crashed, requests duplicated twice, and the keypad unit's JVM killed once at the
 * end of a silence of its network, in the middle of the window. Faults of one target never overlap (the
 * hub and the broker count as one target); faults of different targets may. Everything ends by {@code window}.
 */
record FaultSchedule(long seed, List<Fault> faults) {

    /** Start of the first fault on each target, and the pause after each fault. */
    private static final long MIN_GAP_MS = 3_000;
    private static final long MAX_GAP_MS = 9_000;

    FaultSchedule {
        faults = List.copyOf(faults);
    }

    static FaultSchedule draw(long seed, List<String> units, Duration window) {
        Random random = new Random(seed);
        List<Fault> faults = new ArrayList<>();
        List<Kind> server = new ArrayList<>(List.of(Kind.HUB_KILL, Kind.HUB_KILL, Kind.BROKER_RESTART));
        faults.addAll(place(Fault.SERVER, server, random, window));
        String crashed = units.get(random.nextInt(units.size()));
        for (String unit : units) {
            List<Kind> kinds = new ArrayList<>(List.of(Kind.CUT, Kind.HOLD));
            if (unit.equals(crashed)) {
                kinds.add(Kind.UNIT_CRASH);
            }
            faults.addAll(place(unit, kinds, random, window));
        }
        for (int i = 0; i < 2; i++) {
            long at = MIN_GAP_MS + (long) (random.nextDouble() * (window.toMillis() - 2 * MIN_GAP_MS));
            faults.add(new Fault(Kind.DUPLICATE, "broker", Duration.ofMillis(at), Duration.ZERO));
        }
        // Drawn last, so that the faults above stay what they were for every seed before this one was added.
        long silentAt = between(random, window.toMillis() / 3, window.toMillis() * 2 / 3);
        faults.add(new Fault(Kind.UNIT_KILL, ChaosSite.KEYPAD, Duration.ofMillis(silentAt),
                Duration.ofMillis(lasting(Kind.UNIT_KILL, random))));
        faults.sort(Comparator.comparing(Fault::at));
        return new FaultSchedule(seed, faults);
    }

    /** The kinds in a random order, one after another on {@code target}, squeezed into the window if need be. */
    private static List<Fault> place(String target, List<Kind> kinds, Random random, Duration window) {
        Collections.shuffle(kinds, random);
        long[] lasting = new long[kinds.size()];
        long[] gaps = new long[kinds.size()];
        long total = 0;
        for (int i = 0; i < kinds.size(); i++) {
            lasting[i] = lasting(kinds.get(i), random);
            gaps[i] = MIN_GAP_MS + (long) (random.nextDouble() * (MAX_GAP_MS - MIN_GAP_MS));
            total += lasting[i] + gaps[i];
        }
        double squeeze = Math.min(1.0, (double) (window.toMillis() - MIN_GAP_MS) / total);
        List<Fault> placed = new ArrayList<>();
        long at = 0;
        for (int i = 0; i < kinds.size(); i++) {
            at += (long) (gaps[i] * squeeze);
            placed.add(new Fault(kinds.get(i), target, Duration.ofMillis(at), Duration.ofMillis(lasting[i])));
            at += lasting[i];
        }
        return placed;
    }

    /** How long each kind of fault lasts; a hold sometimes outlives the broker's keep-alive horizon (15 s). */
    private static long lasting(Kind kind, Random random) {
        return switch (kind) {
            case HUB_KILL -> between(random, 1_000, 6_000);
            case BROKER_RESTART -> between(random, 500, 4_000);
            case UNIT_CRASH -> between(random, 1_000, 5_000);
            case UNIT_KILL -> between(random, 3_000, 8_000);
            case CUT -> between(random, 1_000, 8_000);
            case HOLD -> between(random, 2_000, 18_000);
            case DUPLICATE -> 0;
        };
    }

    private static long between(Random random, long min, long max) {
        return min + (long) (random.nextDouble() * (max - min));
    }

    /** The moment the last fault is undone, after the morning starts. */
    Duration end() {
        return faults.stream().map(Fault::until).max(Comparator.naturalOrder()).orElse(Duration.ZERO);
    }

    /** The seed and every fault, one a line: what a failure prints so that the run can be repeated. */
    String describe() {
        StringBuilder text = new StringBuilder("chaos seed ").append(seed)
                .append(" (rerun: mvn -pl demo -am test -Dtest=ChaosSuiteTest -Dsurefire.failIfNoSpecifiedTests=false"
                        + " -Dchaos.seed=").append(seed).append(")\nfault schedule (time after the morning starts):\n");
        faults.forEach(f -> text.append("  ").append(f).append('\n'));
        return text.toString();
    }
}
