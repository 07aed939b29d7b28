package vn.motcua.demo.chaos;

import java.time.Duration;

/**
 * One fault of the schedule: {@code kind} done to {@code target} at {@code at} after the morning starts, undone
 * {@code lasting} later (a duplicate delivery is instant).
 */
record Fault(Kind kind, String target, Duration at, Duration lasting) {

    /** What is done, and what undoes it. */
    enum Kind {
        /** SIGKILL the hub's JVM; undo: start it again on the same data directory. */
        HUB_KILL,
        /** Stop the broker (its retained messages and sessions go, it has no persistence); undo: start it again. */
        BROKER_RESTART,
        /** The unit dies without a goodbye (its connection reset, nothing flushed to the broker); undo: start it again
         *  from its data directory. */
        UNIT_CRASH,
        /** The unit's network goes silent (ratings pile up, one unanswered); undo: SIGKILL of its JVM
         *  ({@link ChaosKeypad}), the network back, and a new life on the same data directory. */
        UNIT_KILL,
        /** The unit's cable is pulled: its connection reset on both sides, reconnects refused; undo: heal. */
        CUT,
        /** The unit's network goes silent without closing anything; undo: release what was held. */
        HOLD,
        /** A client republishes requests captured on the broker, same topic and bytes (a duplicate delivery). */
        DUPLICATE
    }

    /** The server-side target: faults of the hub and the broker never overlap each other. */
    static final String SERVER = "server";

    Duration until() {
        return at.plus(lasting);
    }

    @Override
    public String toString() {
        return String.format("%6.1f s  %-14s %-10s %s", at.toMillis() / 1000.0, kind, target,
                lasting.isZero() ? "" : "for " + String.format("%.1f s", lasting.toMillis() / 1000.0));
    }
}
