package vn.motcua.demo.chaos;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

import vn.motcua.device.Hardware;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.CounterUnit;
import vn.motcua.device.kiosk.KioskUnit;

/**
 * One of the suite's units: the product's firmware ({@link Unit}, simulated hardware) in this JVM, reaching the
 * broker only through its own {@link TcpProxy}, with its data directory kept across crashes.
 *
 * <p>Threads: started, crashed and restarted by the fault thread of its target; read by the morning's actors.
 * {@link #generation()} changes at each crash, so an actor can tell a press the crash cut short.
 */
final class ChaosUnit implements AutoCloseable {

    private final String id;
    private final TcpProxy proxy;
    private final UnitConfig config;
    private volatile Unit unit;
    private volatile int generation;

    private ChaosUnit(String id, TcpProxy proxy, UnitConfig config) {
        this.id = id;
        this.proxy = proxy;
        this.config = config;
    }

    /** Starts the unit {@code id} of {@link ChaosSite} behind a new proxy to the broker on {@code brokerPort}. */
    static ChaosUnit start(String id, int brokerPort, Path dataDir) throws IOException {
        TcpProxy proxy = TcpProxy.start(id, brokerPort);
        UnitConfig config = id.equals(ChaosSite.KIOSK)
                ? UnitConfig.kiosk(ChaosSite.site(), id, proxy.url(), ChaosSite.KIOSK_SERVICES, dataDir)
                        .withOfficeName(ChaosSite.OFFICE.name())
                : UnitConfig.counter(ChaosSite.site(), id, proxy.url(), ChaosSite.COUNTERS.get(id), dataDir);
        ChaosUnit chaosUnit = new ChaosUnit(id, proxy, config);
        chaosUnit.unit = Unit.start(config, Hardware.simulated(id));
        return chaosUnit;
    }

    String id() {
        return id;
    }

    TcpProxy proxy() {
        return proxy;
    }

    int generation() {
        return generation;
    }

    /** The running firmware; empty while the unit is crashed. */
    Optional<Unit> unit() {
        return Optional.ofNullable(unit);
    }

    Optional<KioskUnit> kiosk() {
        return unit().flatMap(Unit::kiosk);
    }

    Optional<CounterUnit> counter() {
        return unit().flatMap(Unit::counter);
    }

    boolean connected() {
        return unit().map(u -> u.link().isConnected()).orElse(false);
    }

    /**
     * The unit dies: its connection is reset first, so that nothing it does while going down reaches the broker (no
     * offline status, no DISCONNECT: the broker fires its will), then its firmware stops. What it had stored on
     * disk (outbox, offline leases, MQTT persistence) stays for the next start.
     */
    void crash() {
        generation++;
        proxy.cut();
        Unit dying = unit;
        unit = null;
        if (dying != null) {
            dying.close();
        }
    }

    /** Starts the firmware again from the same data directory, its network back. */
    void restart() {
        proxy.heal();
        unit = Unit.start(config, Hardware.simulated(id));
    }

    @Override
    public void close() {
        Unit running = unit;
        unit = null;
        if (running != null) {
            running.close();
        }
        proxy.close();
    }
}
