package vn.motcua.systemd;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;

/** Tells the service manager about this process: {@code READY=1}, {@code STOPPING=1}, {@code WATCHDOG=1}, ... */
@FunctionalInterface
public interface Notifier {

    /** Sends one notification (newline-separated {@code KEY=value} assignments); never throws. */
    void notify(String state);

    /**
     * Stops {@code pinger}, the thread that sends {@code WATCHDOG=1} (waiting up to 2 s for a ping under way), then
     * sends {@code STOPPING=1}: in that order no ping follows STOPPING, which would tell systemd that a service it is
     * stopping still runs.
     */
    default void stopping(ExecutorService pinger) {
        pinger.shutdownNow();
        try {
            pinger.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        notify("STOPPING=1");
    }
}
