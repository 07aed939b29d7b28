package vn.motcua.systemd;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * systemd's watchdog tied to the one thread a process cannot live without: every half of {@code WATCHDOG_USEC} it
 * queues an empty probe on that thread and sends {@code WATCHDOG=1} only when the probe has run. A JVM that is alive
 * but whose essential thread is stuck (a blocking call, a deadlock) or dead therefore stops pinging and systemd
 * restarts it; a timer thread that pinged on its own would keep such a process "healthy" forever.
 */
public final class ThreadWatchdog {

    private static final Logger log = LoggerFactory.getLogger(ThreadWatchdog.class);

    private final Notifier notifier;
    private final Executor probedThread;
    private final String threadName;
    private final Duration probeTimeout;
    private final Runnable onMissedProbe;
    private boolean stalled;

    /**
     * @param probedThread runs a probe on the thread that must prove alive, after the work queued before it
     * @param threadName   what the log calls that thread, e.g. "the desk writer"
     * @param interval     how often {@link #tick()} runs: half the watchdog timeout, so one slow probe is tolerated
     * @param onMissedProbe counts a probe that did not run in time (a metric); runs on the ticking thread
     */
    public ThreadWatchdog(Notifier notifier, Executor probedThread, String threadName, Duration interval,
            Runnable onMissedProbe) {
        this.notifier = notifier;
        this.probedThread = probedThread;
        this.threadName = threadName;
        this.probeTimeout = interval.dividedBy(2);
        this.onMissedProbe = onMissedProbe;
    }

    /** Half of {@code timeout}: the ping interval {@code sd_watchdog_enabled(3)} recommends. */
    public static Duration interval(Duration timeout) {
        return timeout.dividedBy(2);
    }

    /** On the caller's (timer) thread: probes the watched thread and pings systemd when the probe ran in time. */
    public void tick() {
        CompletableFuture<Void> probe = new CompletableFuture<>();
        probedThread.execute(() -> probe.complete(null));
        try {
            probe.get(probeTimeout.toMillis(), TimeUnit.MILLISECONDS);
            if (stalled) {
                log.info("{} runs again; watchdog pings resume", threadName);
                stalled = false;
            }
            notifier.notify("WATCHDOG=1");
        } catch (TimeoutException e) {
            onMissedProbe.run();
            if (!stalled) {
                log.error("{} did not run a probe within {} ms; no watchdog ping, so systemd restarts this process "
                        + "if it stays stuck", threadName, probeTimeout.toMillis());
                stalled = true;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException e) {
            throw new IllegalStateException("the probe cannot fail", e);
        }
    }
}
