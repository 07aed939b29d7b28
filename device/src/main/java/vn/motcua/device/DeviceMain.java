package vn.motcua.device;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.CountDownLatch;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.config.UnitConfigException;
import vn.motcua.device.console.KeyConsole;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.link.LinkException;
import vn.motcua.device.service.HealthSources;
import vn.motcua.device.service.UnitService;
import vn.motcua.systemd.SdNotify;

/**
 * Runs one unit from its config file with simulated hardware: {@code DeviceMain --config /etc/motcua/kiosk-1.json}.
 * Keys may be typed on stdin (see {@link KeyConsole}). Under systemd it is a {@link UnitService} (ready, watchdog,
 * health file). SIGTERM or Ctrl-C closes the unit, which marks it offline.
 * Exit codes: 2 for a bad command line or config file, 1 when the broker cannot be reached.
 */
public final class DeviceMain {

    private static final Logger log = LoggerFactory.getLogger(DeviceMain.class);

    /** What {@link #launch} returns when the unit is running, rather than an exit code. */
    static final int RUNNING = -1;
    static final int EXIT_UNREACHABLE = 1;
    static final int EXIT_USAGE = 2;
    private static final String USAGE = "usage: motcua device --config FILE";

    private DeviceMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        CountDownLatch stopped = new CountDownLatch(1);
        int code = launch(args, System.err, stopped);
        if (code != RUNNING) {
            System.exit(code);
        }
        stopped.await(); // the unit runs on its own threads until the shutdown hook has closed it
    }

    /**
     * Loads the config, starts the unit and its key console, and registers the shutdown hook that closes it and then
     * counts down {@code stopped}. Returns {@link #RUNNING} when the unit is running, else the exit code to end with
     * (after telling {@code err} why).
     */
    static int launch(String[] args, PrintStream err, CountDownLatch stopped) {
        if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
            err.println(USAGE);
            return 0;
        }
        if (args.length != 2 || !args[0].equals("--config")) {
            err.println(USAGE);
            return EXIT_USAGE;
        }
        UnitConfig config;
        try {
            config = UnitConfig.load(Path.of(args[1]));
        } catch (UnitConfigException e) {
            err.println("motcua device: bad config: " + e.getMessage());
            return EXIT_USAGE;
        }
        log.info("starting {} at site {} (roles {}, broker {}, firmware {})", config.deviceId(), config.site(),
                config.roles(), config.brokerUrl(), Unit.firmwareVersion());
        HardwareFactory.Opened hardware;
        try {
            hardware = HardwareFactory.open(config);
        } catch (RuntimeException e) {
            err.println("motcua device: cannot open the hardware the config names: " + e.getMessage());
            return EXIT_USAGE;
        }
        Unit unit;
        try {
            unit = Unit.start(config, hardware.hardware());
        } catch (UnitConfigException e) {
            hardware.close(); // the password or CA file the config names, read when the link starts
            err.println("motcua device: bad config: " + e.getMessage());
            return EXIT_USAGE;
        } catch (LinkException e) {
            hardware.close();
            err.println("motcua device: " + e.getMessage());
            return EXIT_UNREACHABLE;
        }
        try {
            hardware.startAllKeys(unit);
        } catch (RuntimeException e) {
            unit.close();
            hardware.close();
            err.println("motcua device: cannot open the GPIO keys or the touch screen the config names: " + e.getMessage());
            return EXIT_USAGE;
        }
        UnitService service = UnitService.start(unit, SdNotify.fromEnvironment(System.getenv()),
                SdNotify.watchdogTimeout(System.getenv(), ProcessHandle.current().pid()), healthSources(unit),
                UnitService.Periods.DEFAULT, Clock.systemUTC());
        Runtime.getRuntime().addShutdownHook(Thread.ofPlatform().name("shutdown-" + config.deviceId()).unstarted(() -> {
            log.info("stopping {}", config.deviceId());
            service.close();
            unit.close();
            hardware.close();
            stopped.countDown();
        }));
        KeyConsole.start(unit, System.in);
        log.info("{} is running; Ctrl-C or SIGTERM stops it", config.deviceId());
        return RUNNING;
    }

    /** What the health report reads from the unit: its outbox and, for a kiosk, the printer's last status. */
    private static HealthSources healthSources(Unit unit) {
        return new HealthSources(unit.link()::outboxDepth,
                () -> unit.kiosk().flatMap(KioskUnit::printerStatus));
    }
}
