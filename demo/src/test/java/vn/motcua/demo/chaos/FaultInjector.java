package vn.motcua.demo.chaos;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Does and undoes the schedule's faults to the office, at their times after {@link #start}. Each target has its own
 * thread, so a slow undo (a unit starting while the broker is away) delays only that target's next fault, and faults
 * of one target never run at once. Keeps a log of what was actually done when.
 */
final class FaultInjector {

    private final ChaosOffice office;
    private final FaultSchedule schedule;
    private final Map<String, ScheduledExecutorService> threads = new LinkedHashMap<>();
    private final List<String> log = new ArrayList<>();
    private final AtomicInteger pending = new AtomicInteger();
    private volatile Instant started;
    private volatile Instant lastUndone = Instant.EPOCH;

    FaultInjector(ChaosOffice office, FaultSchedule schedule) {
        this.office = office;
        this.schedule = schedule;
    }

    void start() {
        started = Instant.now();
        int index = 0;
        for (Fault fault : schedule.faults()) {
            ScheduledExecutorService thread = threads.computeIfAbsent(fault.target(), target ->
                    Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon()
                            .name("fault-" + target).factory()));
            Random random = new Random(schedule.seed() + 1_000 + index++);
            pending.incrementAndGet();
            thread.schedule(() -> step(fault, "do", () -> apply(fault, random)), fault.at().toMillis(),
                    TimeUnit.MILLISECONDS);
            if (fault.kind() != Fault.Kind.DUPLICATE) {
                pending.incrementAndGet();
                thread.schedule(() -> step(fault, "undo", () -> undo(fault)), fault.until().toMillis(),
                        TimeUnit.MILLISECONDS);
            }
        }
    }

    /** Every fault done and undone. */
    boolean finished() {
        return pending.get() == 0;
    }

    /** When the last fault was undone (the last heal). */
    Instant lastUndone() {
        return lastUndone;
    }

    synchronized String log() {
        return "what was done (time after the morning started):\n  " + String.join("\n  ", log) + "\n";
    }

    void close() {
        threads.values().forEach(ScheduledExecutorService::shutdownNow);
    }

    private interface Step {
        String run() throws Exception;
    }

    private void step(Fault fault, String what, Step step) {
        String result;
        try {
            result = step.run();
        } catch (Exception | AssertionError e) {
            result = "FAILED: " + e;
        }
        Instant now = Instant.now();
        synchronized (this) {
            log.add(String.format("%6.1f s  %-4s %-14s %-10s %s", Duration.between(started, now).toMillis() / 1000.0,
                    what, fault.kind(), fault.target(), result));
        }
        if (what.equals("undo") && now.isAfter(lastUndone)) {
            lastUndone = now;
        }
        pending.decrementAndGet();
    }

    private String apply(Fault fault, Random random) throws Exception {
        return switch (fault.kind()) {
            case HUB_KILL -> {
                office.killHub();
                yield "hub killed with SIGKILL";
            }
            case BROKER_RESTART -> {
                office.stopBroker();
                yield "broker stopped";
            }
            case UNIT_CRASH -> {
                office.unit(fault.target()).crash();
                yield "unit crashed";
            }
            case UNIT_KILL -> {
                office.keypad().silence();
                yield "network silent";
            }
            case CUT -> {
                office.unit(fault.target()).proxy().cut();
                yield "cable pulled";
            }
            case HOLD -> {
                office.unit(fault.target()).proxy().hold();
                yield "network silent";
            }
            case DUPLICATE -> "republished " + office.duplicator().duplicate(random);
        };
    }

    private String undo(Fault fault) throws Exception {
        return switch (fault.kind()) {
            case HUB_KILL -> {
                office.startHub();
                yield "hub started again";
            }
            case BROKER_RESTART -> {
                office.startBroker();
                yield "broker started again";
            }
            case UNIT_CRASH -> {
                office.unit(fault.target()).restart();
                yield "unit started again from its data directory";
            }
            case UNIT_KILL -> office.keypad().killAndRestart();
            case CUT -> {
                office.unit(fault.target()).proxy().heal();
                yield "cable back";
            }
            case HOLD -> {
                office.unit(fault.target()).proxy().release();
                yield "network back";
            }
            case DUPLICATE -> throw new IllegalStateException("a duplicate delivery has nothing to undo");
        };
    }
}
