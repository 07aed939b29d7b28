package vn.motcua.hub.service;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.systemd.Notifier;
import vn.motcua.systemd.SdNotify;
import vn.motcua.systemd.ThreadWatchdog;

/**
 * The hub as a systemd service ({@code Type=notify}): {@code READY=1} with a one-line {@code STATUS} once the hub has
 * started, {@code WATCHDOG=1} while the desk writer still takes work, {@code STOPPING=1} when it stops. The desk
 * writer is the one thread every ticket, call and answer goes through: if it hangs or dies the counters wait forever
 * while the JVM, the broker connection and the web server all look fine, so its probe, not a timer, earns the ping
 * and systemd restarts a hub whose writer is stuck. Without systemd (no {@code NOTIFY_SOCKET}, no
 * {@code WATCHDOG_USEC}) nothing is sent and no thread is started.
 */
public final class HubService implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HubService.class);
    /** Watchdog probes the desk writer did not run in time; served at /metrics. */
    public static final String WATCHDOG_PROBE_MISSED = "motcua_watchdog_probes_missed_total";

    private final Notifier notifier;
    private final Optional<ScheduledExecutorService> pinger;

    private HubService(Notifier notifier, Optional<ScheduledExecutorService> pinger) {
        this.notifier = notifier;
        this.pinger = pinger;
    }

    /**
     * For a hub that {@link Hub#start} has returned, so its store is open, its gateway connected and subscribed and
     * its web server listening: sends {@code READY=1}, then starts the watchdog pings (so none comes before it).
     *
     * @param watchdogTimeout systemd's {@code WATCHDOG_USEC} ({@link SdNotify#watchdogTimeout}); empty: no pings
     */
    public static HubService start(Hub hub, HubSettings settings, Notifier notifier,
            Optional<Duration> watchdogTimeout) {
        notifier.notify("READY=1\nSTATUS=" + status(hub, settings));
        Optional<ScheduledExecutorService> pinger = watchdogTimeout.map(timeout -> {
            Duration interval = ThreadWatchdog.interval(timeout);
            ThreadWatchdog watchdog = new ThreadWatchdog(notifier, hub.writer()::runBetweenBatches, "the desk writer",
                    interval, () -> hub.metrics().increment(WATCHDOG_PROBE_MISSED));
            ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(
                    Thread.ofPlatform().name("hub-watchdog").daemon().factory());
            thread.scheduleAtFixedRate(() -> tickLogged(watchdog), 0, interval.toMillis(), TimeUnit.MILLISECONDS);
            return thread;
        });
        return new HubService(notifier, pinger);
    }

    /** What {@code systemctl status motcua-hub} shows: which office, which broker, where the board is. */
    static String status(Hub hub, HubSettings settings) {
        String web = settings.publicUrl()
                .orElseGet(() -> "http://" + settings.httpHost() + ":" + hub.httpPort() + "/");
        return settings.office().id() + ": broker " + hub.brokerUrl() + ", web " + web;
    }

    /** A tick that throws would silently cancel every later one (scheduleAtFixedRate), and with them the pings. */
    private static void tickLogged(ThreadWatchdog watchdog) {
        try {
            watchdog.tick();
        } catch (RuntimeException e) {
            LOG.error("watchdog tick failed; the next one runs as planned", e);
        }
    }

    /**
     * Stops the pings, then sends {@code STOPPING=1}; the caller then closes the hub. In that order no ping follows
     * STOPPING, and the writer closing afterwards is not taken for a stuck one.
     */
    @Override
    public void close() {
        pinger.ifPresentOrElse(notifier::stopping, () -> notifier.notify("STOPPING=1"));
    }
}
