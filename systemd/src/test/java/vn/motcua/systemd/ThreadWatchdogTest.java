package vn.motcua.systemd;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ThreadWatchdogTest {

    private final List<String> sent = new CopyOnWriteArrayList<>();
    private final AtomicInteger missed = new AtomicInteger();
    private final ExecutorService watched = Executors.newSingleThreadExecutor();
    /** Probes wait up to 1 s: a loaded CI machine must not make a healthy thread look stuck. */
    private final ThreadWatchdog watchdog = new ThreadWatchdog(sent::add, watched, "the watched thread",
            Duration.ofSeconds(2), missed::incrementAndGet);
    /** Probes wait 50 ms, for a thread that is stuck for sure. */
    private final ThreadWatchdog impatient = new ThreadWatchdog(sent::add, watched, "the watched thread",
            Duration.ofMillis(100), missed::incrementAndGet);

    @AfterEach
    void stop() {
        watched.shutdownNow();
    }

    @Test
    void the_interval_is_half_the_timeout_systemd_set() {
        assertThat(ThreadWatchdog.interval(Duration.ofSeconds(30))).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    void a_responsive_thread_earns_one_ping_per_tick() {
        watchdog.tick();
        watchdog.tick();

        assertThat(sent).containsExactly("WATCHDOG=1", "WATCHDOG=1");
        assertThat(missed).hasValue(0);
    }

    @Test
    void a_stuck_thread_gets_no_ping_until_it_runs_again() throws InterruptedException {
        CountDownLatch stuck = new CountDownLatch(1);
        CountDownLatch blocking = new CountDownLatch(1);
        watched.execute(() -> {
            blocking.countDown();
            try {
                stuck.await(); // work that blocks the thread
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        blocking.await();

        impatient.tick();
        impatient.tick();

        assertThat(sent).isEmpty();
        assertThat(missed).hasValue(2);

        stuck.countDown();
        watchdog.tick();

        assertThat(sent).containsExactly("WATCHDOG=1");
    }

    @Test
    void a_dead_thread_gets_no_ping() {
        // the queue of a thread that has died: it takes the probe and nobody ever runs it
        ThreadWatchdog onDeadThread = new ThreadWatchdog(sent::add, probe -> { }, "a dead thread",
                Duration.ofMillis(100), missed::incrementAndGet);

        onDeadThread.tick();

        assertThat(sent).isEmpty();
        assertThat(missed).hasValue(1);
    }
}
