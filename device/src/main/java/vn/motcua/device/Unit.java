package vn.motcua.device;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.CounterScans;
import vn.motcua.device.counter.CounterUnit;
import vn.motcua.device.hall.HallDisplayUnit;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.link.LinkException;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.scan.ScanRouter;
import vn.motcua.device.scan.ScanUse;
import vn.motcua.protocol.message.Role;

/**
 * One running unit: its link and the roles its config names, on the given hardware. Many units may run in one
 * process (the demo does), each with its own link, threads and data directory.
 */
public final class Unit implements AutoCloseable {

    private final MqttLink link;
    private final Hardware hardware;
    private final DeviceMetrics metrics;
    private final Optional<KioskUnit> kiosk;
    private final Optional<CounterUnit> counter;
    private final Optional<HallDisplayUnit> hall;

    private Unit(MqttLink link, Hardware hardware, DeviceMetrics metrics) {
        this.link = link;
        this.hardware = hardware;
        this.metrics = metrics;
        UnitConfig config = link.config();
        this.kiosk = config.hasRole(Role.KIOSK)
                ? Optional.of(new KioskUnit(link, hardware.printer(), metrics)) : Optional.empty();
        this.counter = config.hasRole(Role.COUNTER)
                ? Optional.of(new CounterUnit(link, hardware.counterDisplay())) : Optional.empty();
        this.hall = config.hasRole(Role.DISPLAY) ? Optional.of(HallDisplayUnit.start(link, metrics)) : Optional.empty();
        List<ScanUse> scanUses = new ArrayList<>();
        kiosk.ifPresent(k -> scanUses.add(k.scans()));
        counter.ifPresent(c -> scanUses.add(new CounterScans(c)));
        hardware.scanner().start(new ScanRouter(config.deviceId(), metrics, Clock.system(OfficeTime.ZONE), scanUses));
    }

    /**
     * Connects to the broker (blocking, see {@link MqttLink#connect(UnitConfig, String)}) and starts the roles.
     *
     * @throws LinkException when the broker cannot be reached
     */
    public static Unit start(UnitConfig config, Hardware hardware) {
        DeviceMetrics metrics = new DeviceMetrics();
        MqttLink link = MqttLink.connect(config, firmwareVersion(), metrics);
        try {
            return new Unit(link, hardware, metrics);
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /** What this firmware reports in its status, e.g. "motcua-device 0.1.0" (from the jar; "dev" from classes). */
    public static String firmwareVersion() {
        String version = Unit.class.getPackage().getImplementationVersion();
        return "motcua-device " + (version == null ? "dev" : version);
    }

    public MqttLink link() {
        return link;
    }

    public UnitConfig config() {
        return link.config();
    }

    public Hardware hardware() {
        return hardware;
    }

    /** This unit's own counters, reported in its health file and health event. */
    public DeviceMetrics metrics() {
        return metrics;
    }

    public Optional<KioskUnit> kiosk() {
        return kiosk;
    }

    public Optional<CounterUnit> counter() {
        return counter;
    }

    /** The hall voice of a DISPLAY unit. */
    public Optional<HallDisplayUnit> hall() {
        return hall;
    }

    /** Stops the scanner and the roles, then closes the link, which marks the unit offline. */
    @Override
    public void close() {
        hardware.scanner().close();
        kiosk.ifPresent(KioskUnit::close);
        hall.ifPresent(HallDisplayUnit::close);
        link.close();
    }
}
