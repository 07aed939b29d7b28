package vn.motcua.device.service;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.metrics.DeviceMetrics;

/**
 * systemd's watchdog for a unit: every half of {@code WATCHDOG_USEC} it queues an empty probe on the link's event
 * thread, the thread every answer, timeout and state change of the unit runs on, and sends {@code WATCHDOG=1} only
 * when the probe has run. A JVM that is alive but whose event thread is stuck (a blocking call in a listener, a
 * deadlock) therefore stops pinging and systemd restarts it. A broker that is down does not stop the pings: the
 * event thread still runs, the unit keeps its outbox, and a restart would not bring the broker back.
 */
final class Watchdog {

    private static final Logger log = LoggerFactory.getLogger(Watchdog.class);
    static final String PROBE_MISSED = "watchdog.probe_missed";

    private final Notifier notifier;
    private final Executor eventThread;
    private final Duration probeTimeout;
    private final DeviceMetrics metrics;
    private boolean stalled;

    /** @param interval how often {@link #tick()} runs: half the watchdog timeout, so one slow probe is tolerated */
    Watchdog(Notifier notifier, Executor eventThread, Duration interval, DeviceMetrics metrics) {
        this.notifier = notifier;
        this.eventThread = eventThread;
        this.probeTimeout = interval.dividedBy(2);
        this.metrics = metrics;
    }

    /** Half of {@code timeout}: the ping interval {@code sd_watchdog_enabled(3)} recommends. */
    static Duration interval(Duration timeout) {
        return timeout.dividedBy(2);
    }

    /** On the service thread: probes the event thread and pings systemd when the probe ran in time. */
    void tick() {
        CompletableFuture<Void> probe = new CompletableFuture<>();
        eventThread.execute(() -> probe.complete(null));
        try {
            probe.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (stalled) {
                log.info("the link's event thread runs again; watchdog pings resume");
                stalled = false;
            }
            notifier.notify("WATCHDOG=1");
        } catch (TimeoutException e) {
            metrics.increment(PROBE_MISSED);
            if (!stalled) {
                log.error("the link's event thread did not run a probe within {} ms; no watchdog ping, so systemd "
                        + "restarts this unit if it stays stuck", probeTimeout.toMillis());
                stalled = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the probe cannot fail", e);
        }
    }
}
