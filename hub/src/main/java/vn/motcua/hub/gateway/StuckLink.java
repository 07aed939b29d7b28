package vn.motcua.hub.gateway;

import java.util.function.LongSupplier;

/**
 * Decides when the hub's MQTT client has been away from the broker long enough to be replaced: after
 * {@code renewAfterNanos} without a connection, and again each time that long passes while it stays away. Only the
 * gateway's watchdog thread calls it.
 */
final class StuckLink {

    private final long renewAfterNanos;
    private final LongSupplier nanoTime;
    /** When the current stretch without a connection began (or the last renewal); meaningless while connected. */
    private long awaySince;
    private boolean away;

    StuckLink(long renewAfterNanos, LongSupplier nanoTime) {
        this.renewAfterNanos = renewAfterNanos;
        this.nanoTime = nanoTime;
    }

    /** Called every second or so with whether the client is connected; true when it is time to replace it. */
    boolean shouldRenew(boolean connected) {
        long now = nanoTime.getAsLong();
        if (connected) {
            away = false;
            return false;
        }
        if (!away) {
            away = true;
            awaySince = now;
            return false;
        }
        if (now - awaySince < renewAfterNanos) {
            return false;
        }
        awaySince = now;
        return true;
    }
}
