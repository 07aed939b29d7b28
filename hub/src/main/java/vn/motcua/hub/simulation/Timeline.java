package vn.motcua.hub.simulation;

import java.time.Instant;
import java.util.Comparator;
import java.util.PriorityQueue;

/**
 * Virtual time: what happens next, in time order; things due at the same instant happen in the order they were
 * scheduled, so a run never depends on anything but the seed.
 */
final class Timeline {

    private record Due(Instant at, long order, Runnable action) {
    }

    private final PriorityQueue<Due> queue = new PriorityQueue<>(
            Comparator.comparing(Due::at).thenComparingLong(Due::order));
    private long scheduled;
    private Instant now;

    Timeline(Instant start) {
        this.now = start;
    }

    Instant now() {
        return now;
    }

    void at(Instant when, Runnable action) {
        if (when.isBefore(now)) {
            throw new IllegalStateException("cannot schedule at " + when + ", before now " + now);
        }
        queue.add(new Due(when, scheduled++, action));
    }

    /** Drops everything still scheduled: {@link #run()} returns once the action under way ends. */
    void stop() {
        queue.clear();
    }

    /** Runs everything scheduled, including what the actions schedule, until nothing is left. */
    void run() {
        while (!queue.isEmpty()) {
            Due next = queue.poll();
            now = next.at();
            next.action().run();
        }
    }
}
