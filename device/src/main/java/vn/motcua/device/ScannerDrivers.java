package vn.motcua.device;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.ScannerConfig;
import vn.motcua.device.scan.EvdevScanner;
import vn.motcua.device.scan.Scanner;
import vn.motcua.device.scan.SerialScanner;
import vn.motcua.device.scan.SimulatedScanner;

/** Makes the scanner driver the config names. Opening never fails for a missing device: the driver waits for it. */
final class ScannerDrivers {

    private static final Logger log = LoggerFactory.getLogger(ScannerDrivers.class);

    private ScannerDrivers() {
    }

    static Scanner open(ScannerConfig config, String deviceId) {
        Scanner scanner = switch (config.device().orElse(null)) {
            case ScannerConfig.Serial s -> new SerialScanner(s.port(), s.baud());
            case ScannerConfig.Evdev e -> new EvdevScanner(e.device(), e.recordBytes());
            case null -> new SimulatedScanner();
        };
        config.device().ifPresent(d -> log.info("{}: QR scanner {}", deviceId, d));
        return scanner;
    }
}
