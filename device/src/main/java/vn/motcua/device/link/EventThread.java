package vn.motcua.device.link;

import java.time.Duration;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The link's single thread for everything unit code sees: answers, timeouts, retained state, connection changes.
 * One thread keeps them in arrival order and lets the roles keep their state without locks. After
 * {@link #shutdownAndWait} new work is dropped (logged): nobody is waiting for it any more.
 */
final class EventThread implements Executor {

    private static final Logger log = LoggerFactory.getLogger(EventThread.class);

    private final String name;
    private final ScheduledExecutorService executor;

    EventThread(String name) {
        this.name = name;
        this.executor = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().name(name).daemon().factory());
    }

    @Override
    public void execute(Runnable work) {
        try {
            executor.execute(work);
        } catch (RejectedExecutionException afterShutdown) {
            log.debug("{} is shut down; dropped late work", name);
        }
    }

    /** Runs {@code work} after {@code delay}; the caller cancels it when it is no longer needed. */
    ScheduledFuture<?> schedule(Runnable work, Duration delay) {
        return executor.schedule(work, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Lets queued work finish, then ends the thread, waiting up to {@code timeout} for it. */
    void shutdownAndWait(Duration timeout) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} did not finish its queued work within {} ms", name, timeout.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
