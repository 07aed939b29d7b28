package vn.motcua.device.service;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.Unit;
import vn.motcua.protocol.message.Role;
import vn.motcua.systemd.Notifier;
import vn.motcua.systemd.SdNotify;
import vn.motcua.systemd.ThreadWatchdog;

/**
 * A running unit as a systemd service: tells systemd it is ready, pings its watchdog while the unit is healthy
 * ({@link ThreadWatchdog} on the link's event thread, the thread every answer, timeout and state change of the unit
 * runs on; a broker that is down does not stop the pings, since a restart would not bring it back), keeps
 * {@code {dataDir}/health.json} current and publishes the protocol's {@code health} event, and says {@code STOPPING=1}
 * when the unit is being stopped. Without systemd (no {@code NOTIFY_SOCKET}) the notifications go nowhere and the
 * health file and event work the same.
 *
 * <p>Threads: everything periodic runs on one daemon thread, {@code service-<deviceId>}, which owns the watchdog's
 * state; a failing round is logged and the next one runs.
 */
public final class UnitService implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(UnitService.class);
    /** Watchdog probes the event thread did not run in time: the health file's metric. */
    static final String WATCHDOG_PROBE_MISSED = "watchdog.probe_missed";

    /**
     * How often the health file is rewritten and the health event published. The event every 10 s keeps the hub's
     * view of each unit (outbox depth, last seen) fresh within 15 s; it is about 200 bytes, sent only while connected
     * and never stored (see {@link vn.motcua.device.link.MqttLink#publishTransient}), so 40 units cost the hub 4
     * small messages a second and a unit's SD card nothing.
     */
    public record Periods(Duration healthFile, Duration healthEvent) {
        public static final Periods DEFAULT = new Periods(Duration.ofSeconds(15), Duration.ofSeconds(10));
    }

    private final Unit unit;
    private final Notifier notifier;
    private final HealthSources sources;
    private final Clock clock;
    private final Instant startedAt;
    private final HealthFile healthFile;
    private final ScheduledExecutorService thread;

    private UnitService(Unit unit, Notifier notifier, HealthSources sources, Clock clock) {
        this.unit = unit;
        this.notifier = notifier;
        this.sources = sources;
        this.clock = clock;
        this.startedAt = clock.instant();
        this.healthFile = new HealthFile(unit.config().dataDir());
        this.thread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("service-" + unit.config().deviceId()).daemon().factory());
    }

    /**
     * Starts the periodic work for a unit that is connected with its roles started, then sends {@code READY=1}.
     *
     * @param watchdogTimeout systemd's {@code WATCHDOG_USEC} ({@link SdNotify#watchdogTimeout}); empty: no pings
     */
    public static UnitService start(Unit unit, Notifier notifier, Optional<Duration> watchdogTimeout,
            HealthSources sources, Periods periods, Clock clock) {
        UnitService service = new UnitService(unit, notifier, sources, clock);
        service.every(Duration.ZERO, periods.healthFile(), service::writeHealthFile);
        service.every(periods.healthEvent(), periods.healthEvent(),
                () -> unit.link().publishTransient(service.report().event()));
        watchdogTimeout.ifPresent(timeout -> {
            Duration interval = ThreadWatchdog.interval(timeout);
            ThreadWatchdog watchdog = new ThreadWatchdog(notifier, unit.link()::runOnEventThread,
                    "the link's event thread", interval, () -> unit.metrics().increment(WATCHDOG_PROBE_MISSED));
            service.every(Duration.ZERO, interval, watchdog::tick);
        });
        notifier.notify("READY=1\nSTATUS=" + unit.config().deviceId() + " is running");
        return service;
    }

    /** Stops the periodic work (pings, health reports), then sends {@code STOPPING=1}; the caller then closes the unit. */
    @Override
    public void close() {
        notifier.stopping(thread);
    }

    HealthReport report() {
        Runtime runtime = Runtime.getRuntime();
        Instant now = clock.instant();
        boolean kiosk = unit.config().hasRole(Role.KIOSK);
        return new HealthReport(unit.config().deviceId(), Unit.firmwareVersion(), now,
                Duration.between(startedAt, now), runtime.totalMemory() - runtime.freeMemory(),
                unit.link().isConnected(), sources.outboxDepth().getAsInt(), kiosk,
                kiosk ? sources.printerStatus().get() : Optional.empty(), unit.metrics().snapshot());
    }

    private void writeHealthFile() {
        try {
            healthFile.write(report());
        } catch (IOException e) {
            log.warn("{}: cannot write {}: {}", unit.config().deviceId(), healthFile.path(), e.toString());
        }
    }

    private void every(Duration first, Duration period, Runnable work) {
        thread.scheduleAtFixedRate(() -> {
            try {
                work.run();
            } catch (RuntimeException e) {
                log.error("{}: periodic service work failed; it runs again in {}", unit.config().deviceId(), period, e);
            }
        }, first.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }
}
