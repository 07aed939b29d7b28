package vn.motcua.demo;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.Hardware;
import vn.motcua.device.Unit;
import vn.motcua.device.config.HallConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Bindings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.UnitLimits;
import vn.motcua.protocol.message.Role;

/**
 * A whole office in one process: the hub with its embedded broker and SQLite file, one kiosk unit, one counter
 * unit per counter and a hall display whose voice is logged (real firmware on simulated hardware, each with its own
 * MQTT connection), simulated citizens arriving at the kiosk and officers pressing the staff keys, in accelerated
 * office time. The hub binds exactly these units and officers ({@link #bindings}).
 */
public final class OfficeDemo implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(OfficeDemo.class);
    private static final String KIOSK = "kiosk-1";
    private static final String HALL = "hall-1";

    private final Hub hub;
    private final List<Unit> units;
    private final ScheduledExecutorService scheduler;

    private OfficeDemo(Hub hub, List<Unit> units, ScheduledExecutorService scheduler) {
        this.hub = hub;
        this.units = units;
        this.scheduler = scheduler;
    }

    /**
     * The hub's limits per unit for an office whose time runs {@code speed} times faster: its kiosk hands out that many
     * more tickets a real minute, its officers press that much more often.
     */
    private static UnitLimits faster(UnitLimits limits, double speed) {
        double factor = Math.max(1, speed);
        return new UnitLimits((int) Math.min(100_000, limits.requestsPerSecond() * factor), limits.requestBurst(),
                (int) Math.min(100_000, limits.ticketsPerMinute() * factor));
    }

    /** Starts the hub, the units and the people; {@code speed} office minutes pass per real minute. */
    public static OfficeDemo start(HubSettings settings, double speed, long seed) throws Exception {
        Office office = settings.office().withBindings(bindings(settings.office()));
        Hub hub = Hub.start(settings.withOffice(office.withRules(office.rules().withUnitLimits(
                faster(office.rules().unitLimits(), speed)))), Clock.systemUTC());
        List<Unit> units = new ArrayList<>();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("demo-people").daemon().factory());
        OfficeDemo demo = new OfficeDemo(hub, units, scheduler);
        try {
            Path unitsDir = settings.dataDir().resolve("units");
            List<String> services = office.services().stream().map(Office.Service::code).toList();
            Unit kiosk = Unit.start(UnitConfig.kiosk(office.id(), KIOSK, hub.brokerUrl(), services,
                    unitsDir.resolve(KIOSK)).withOfficeName(office.name()), Hardware.simulated(KIOSK));
            units.add(kiosk);
            for (Office.Counter counter : office.counters()) {
                String id = counterUnit(counter.number());
                units.add(Unit.start(UnitConfig.counter(office.id(), id, hub.brokerUrl(), counter.number(),
                        unitsDir.resolve(id)), Hardware.simulated(id)));
            }
            // The hall's voice, logged rather than spoken: "hall-1: announcing Mời công dân có số 1-003 đến quầy số 2 …".
            units.add(Unit.start(UnitConfig.display(office.id(), HALL, hub.brokerUrl(), HallConfig.LOG_ONLY,
                    unitsDir.resolve(HALL)), Hardware.simulated(HALL)));
            OfficeClock clock = new OfficeClock(office, speed);
            Random random = new Random(seed);
            // Officers first: the office day starts with every counter closed, and a service takes tickets once an
            // officer serving it has signed in.
            units.stream().flatMap(u -> u.counter().stream())
                    .forEach(c -> new Officer(office, c, clock, scheduler, random).start());
            new Citizens(office, kiosk.kiosk().orElseThrow(), clock, scheduler, random).start();
            LOG.info("demo office {} running at {}× with {} counters", office.id(), speed, office.counters().size());
            return demo;
        } catch (Exception | Error e) {
            demo.close();
            throw e;
        }
    }

    /**
     * Exactly the units and officers the demo starts, whatever the profile binds: the kiosk, a counter unit and an
     * officer for each counter, and the hall display.
     */
    static Bindings bindings(Office office) {
        List<Bindings.Unit> bound = new ArrayList<>();
        List<Bindings.Officer> staff = new ArrayList<>();
        bound.add(new Bindings.Unit(KIOSK, Set.of(Role.KIOSK), Set.of()));
        for (Office.Counter counter : office.counters()) {
            bound.add(new Bindings.Unit(counterUnit(counter.number()), Set.of(Role.COUNTER), Set.of(counter.number())));
            staff.add(new Bindings.Officer(Officer.code(counter.number()), Optional.empty(), Set.of(counter.number())));
        }
        bound.add(new Bindings.Unit(HALL, Set.of(Role.DISPLAY), Set.of()));
        return Bindings.of(bound, staff);
    }

    private static String counterUnit(int counter) {
        return "counter-" + counter;
    }

    public Hub hub() {
        return hub;
    }

    /** Stops the people first, then the units (they publish their offline status), then the hub. */
    @Override
    public void close() {
        scheduler.shutdownNow();
        units.forEach(Unit::close);
        hub.close();
    }
}
