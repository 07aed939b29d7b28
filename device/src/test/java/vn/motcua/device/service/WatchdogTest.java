package vn.motcua.device.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.metrics.DeviceMetrics;

class WatchdogTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final DeviceMetrics metrics = new DeviceMetrics();
    private final ExecutorService eventThread = Executors.newSingleThreadExecutor();
    /** Probes wait up to 1 s: a loaded CI machine must not make a healthy thread look stuck. */
    private final Watchdog watchdog = new Watchdog(sent::add, eventThread, Duration.ofSeconds(2), metrics);
    /** Probes wait 50 ms, for a thread that is stuck for sure. */
    private final Watchdog impatient = new Watchdog(sent::add, eventThread, Duration.ofMillis(100), metrics);

    @AfterEach
    void stop() {
        eventThread.shutdownNow();
    }

    @Test
    void the_interval_is_half_the_timeout_systemd_set() {
        assertThat(Watchdog.interval(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_responsive_event_thread_earns_one_ping_per_tick() {
        watchdog.tick();
        watchdog.tick();

        assertThat(sent).containsExactly("WATCHDOG=1", "WATCHDOG=1");
        assertThat(metrics.count(Watchdog.PROBE_MISSED)).isZero();
    }

    @Test
    void a_stuck_event_thread_gets_no_ping_until_it_runs_again() throws InterruptedException {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        eventThread.execute(() -> {
            blocking.countDown();
            try {
                stuck.await(); // a listener that blocks the event thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocking.await();

        impatient.tick();
        impatient.tick();

        assertThat(sent).isEmpty();
        assertThat(metrics.count(Watchdog.PROBE_MISSED)).isEqualTo(2);

        stuck.countDown();
        watchdog.tick();

        assertThat(sent).containsExactly("WATCHDOG=1");
    }
}
