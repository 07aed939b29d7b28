package vn.motcua.device;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

import com.pi4j.context.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.CounterDisplay;
import vn.motcua.device.counter.KeypadKeys;
import vn.motcua.device.counter.SimulatedCounterDisplay;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.display.Hd44780Display;
import vn.motcua.device.display.Max7219Display;
import vn.motcua.device.keys.GpioKeys;
import vn.motcua.device.keys.KeyPins;
import vn.motcua.device.keys.KeyTiming;
import vn.motcua.device.keys.PiContext;
import vn.motcua.device.kiosk.ServiceKeys;
import vn.motcua.device.kiosk.touch.TouchServer;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.device.printer.escpos.EscPosPrinter;
import vn.motcua.device.printer.escpos.FilePrinterPort;
import vn.motcua.device.printer.escpos.PaperWidth;
import vn.motcua.device.printer.escpos.PrinterPort;
import vn.motcua.device.printer.escpos.SerialPrinterPort;
import vn.motcua.device.scan.Scanner;

/**
 * Builds a unit's {@link Hardware} from the config's {@code hardware} section: the real driver where the config names
 * one, the simulator where it does not. The Pi4J context is created only when a real display or GPIO keys are
 * configured. The result owns what must be closed (printer port, keys, Pi4J context).
 */
public final class HardwareFactory {

    private static final Logger log = LoggerFactory.getLogger(HardwareFactory.class);
    static final Duration PRINTER_STATUS_TIMEOUT = Duration.ofMillis(300);

    private HardwareFactory() {
    }

    /** Opens the configured hardware; on a Pi the context comes from {@link PiContext#open(String)}. */
    public static Opened open(UnitConfig config) {
        return open(config, () -> PiContext.open(config.hardware().gpioChip()));
    }

    /** As {@link #open(UnitConfig)}, with the Pi4J context from {@code contexts} (a mock context in tests). */
    public static Opened open(UnitConfig config, Supplier<Context> contexts) {
        HardwareConfig hw = config.hardware();
        List<AutoCloseable> owned = new ArrayList<>();
        Context context = null;
        try {
            if (hw.needsGpio()) {
                context = contexts.get();
            }
            TicketPrinter printer = new SimulatedPrinter(config.deviceId());
            if (hw.printer().isPresent()) {
                HardwareConfig.Printer p = hw.printer().get();
                PrinterPort port = p.serial().isPresent()
                        ? SerialPrinterPort.open(Path.of(p.device()), p.serial().get(), PRINTER_STATUS_TIMEOUT,
                                SerialPrinterPort.DEFAULT_STALL_TIMEOUT)
                        : FilePrinterPort.open(Path.of(p.device()));
                owned.add(port);
                printer = new EscPosPrinter(port, p.paperMm() == 58 ? PaperWidth.MM58 : PaperWidth.MM80,
                        PRINTER_STATUS_TIMEOUT, p.nativeQr());
                log.info("{}: ESC/POS printer on {} ({} mm, QR {})", config.deviceId(), port, p.paperMm(),
                        p.nativeQr() ? "native" : "in the raster");
            }
            CounterDisplay display = new SimulatedCounterDisplay(config.deviceId());
            if (hw.display().isPresent()) {
                display = switch (hw.display().get()) {
                    case HardwareConfig.Max7219 m -> new Max7219Display(
                            Max7219Display.openSpi(context, m.spiBus(), m.spiChannel()), m.intensity());
                    case HardwareConfig.Hd44780 h -> new Hd44780Display(
                            Hd44780Display.openI2c(context, h.i2cBus(), h.address()),
                            h.rows() == 4 ? Hd44780Display.Size.LCD_20X4 : Hd44780Display.Size.LCD_16X2);
                };
                log.info("{}: counter display {}", config.deviceId(), hw.display().get());
            }
            Scanner scanner = ScannerDrivers.open(hw.scanner(), config.deviceId());
            owned.add(scanner);
            return new Opened(new Hardware(printer, display, scanner), hw, Optional.ofNullable(context), owned);
        } catch (IOException e) {
            closeAll(owned, context);
            throw new UncheckedIOException("cannot open the printer: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            closeAll(owned, context);
            throw e;
        }
    }

    private static void closeAll(List<AutoCloseable> owned, Context context) {
        for (AutoCloseable c : owned.reversed()) {
            try {
                c.close();
            } catch (Exception e) {
                log.warn("closing {} failed: {}", c, e.toString());
            }
        }
        if (context != null) {
            context.shutdown();
        }
    }

    /** Opened hardware and what must be closed with it. */
    public static final class Opened implements AutoCloseable {
        private final Hardware hardware;
        private final Map<StaffKey, HardwareConfig.KeyPin> keyPins;
        private final HardwareConfig config;
        private final Optional<Context> context;
        private final List<AutoCloseable> owned;
        private GpioKeys<StaffKey> keys;
        private KeypadKeys keypad;
        private ServiceKeys serviceKeys;
        private TouchServer touchServer;

        Opened(Hardware hardware, HardwareConfig config, Optional<Context> context, List<AutoCloseable> owned) {
            this.hardware = hardware;
            this.keyPins = config.keys();
            this.config = config;
            this.context = context;
            this.owned = new ArrayList<>(owned);
        }

        public Hardware hardware() {
            return hardware;
        }

        public Optional<Context> context() {
            return context;
        }

        /**
         * Starts the configured GPIO staff keys, each press (short or long: a long press is the same key) calling
         * {@code unit}'s {@link vn.motcua.device.counter.CounterUnit#press}. Does nothing when no keys are configured.
         * Returns the keys (tests drive {@link GpioKeys#tick()}); {@code startTimer} false leaves ticking to the caller.
         */
        public Optional<GpioKeys<StaffKey>> startKeys(Unit unit, boolean startTimer) {
            return startKeys(unit, startTimer, System::currentTimeMillis);
        }

        /** As {@link #startKeys(Unit, boolean)} on {@code clockMillis}, so tests move time by hand. */
        public synchronized Optional<GpioKeys<StaffKey>> startKeys(Unit unit, boolean startTimer, LongSupplier clockMillis) {
            if (keyPins.isEmpty() || keys != null) {
                return Optional.ofNullable(keys);
            }
            var counter = unit.counter().orElseThrow(() -> new IllegalStateException("staff keys need the COUNTER role"));
            Map<StaffKey, KeyPins> pins = new LinkedHashMap<>();
            keyPins.forEach((key, pin) -> pins.put(key, KeyPins.of(pin.pin(), pin.led())));
            keys = new GpioKeys<>(context.orElseThrow(), pins, KeyTiming.DEFAULT, clockMillis,
                    (key, press) -> counter.press(key).exceptionally(failure -> {
                        log.warn("{} ({} press) failed: {}", key, press, failure.toString());
                        return null;
                    }));
            if (startTimer) {
                keys.start();
            }
            return Optional.of(keys);
        }

        /**
         * Starts every configured key group on its timer (staff keys, satisfaction keypad, kiosk service keys) and the
         * kiosk's touch page.
         */
        public void startAllKeys(Unit unit) {
            startKeys(unit, true);
            startKeypad(unit, true, System::currentTimeMillis);
            startServiceKeys(unit, true, System::currentTimeMillis);
            startTouchScreen(unit);
        }

        /** Serves the kiosk's touch page on 127.0.0.1 when {@code hardware.touchScreen} is configured. */
        public synchronized Optional<TouchServer> startTouchScreen(Unit unit) {
            if (config.touchScreen().isEmpty() || touchServer != null) {
                return Optional.ofNullable(touchServer);
            }
            var kiosk = unit.kiosk().orElseThrow(() -> new IllegalStateException("the touch page needs the KIOSK role"));
            touchServer = TouchServer.start(config.touchScreen().get().port(), kiosk, unit.link());
            return Optional.of(touchServer);
        }

        /**
         * Starts the satisfaction keypad on GPIO when its levels are wired, pressing {@code unit}'s
         * {@link vn.motcua.device.counter.CounterUnit#keypad()}; {@code startTimer} false leaves ticking to the caller.
         */
        public synchronized Optional<KeypadKeys> startKeypad(Unit unit, boolean startTimer, LongSupplier clockMillis) {
            if (!config.keypad().wired() || keypad != null) {
                return Optional.ofNullable(keypad);
            }
            var counter = unit.counter().orElseThrow(() -> new IllegalStateException("the keypad needs the COUNTER role"));
            keypad = new KeypadKeys(context.orElseThrow(), counter.keypad(), clockMillis);
            if (startTimer) {
                keypad.keys().start();
            }
            return Optional.of(keypad);
        }

        /** Starts the kiosk's service keys (and priority key) on GPIO when configured, pressing {@code unit}'s kiosk. */
        public synchronized Optional<ServiceKeys> startServiceKeys(Unit unit, boolean startTimer,
                                                                   LongSupplier clockMillis) {
            if (config.kioskKeys().isEmpty() || serviceKeys != null) {
                return Optional.ofNullable(serviceKeys);
            }
            var kiosk = unit.kiosk().orElseThrow(() -> new IllegalStateException("service keys need the KIOSK role"));
            serviceKeys = new ServiceKeys(context.orElseThrow(), config.kioskKeys(), kiosk, clockMillis);
            if (startTimer) {
                serviceKeys.keys().start();
            }
            return Optional.of(serviceKeys);
        }

        @Override
        public synchronized void close() {
            if (keys != null) {
                keys.close();
                keys = null;
            }
            if (keypad != null) {
                keypad.close();
                keypad = null;
            }
            if (serviceKeys != null) {
                serviceKeys.close();
                serviceKeys = null;
            }
            if (touchServer != null) {
                touchServer.close();
                touchServer = null;
            }
            closeAll(owned, context.orElse(null));
            owned.clear();
        }
    }
}
