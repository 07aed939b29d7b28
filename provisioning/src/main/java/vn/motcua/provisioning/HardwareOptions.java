package vn.motcua.provisioning;

import java.nio.file.Path;
import java.util.Optional;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.HardwareSection;
import vn.motcua.device.config.UnitConfigException;
import vn.motcua.device.printer.escpos.SerialSettings;

/**
 * The {@code provision device} options that write the unit's {@code hardware} section: the common printer and
 * display setups as options, everything else (GPIO chip, staff keys, display bus details) from a JSON file. Without
 * any of them the unit runs on simulators.
 */
final class HardwareOptions {

    @Spec(Spec.Target.MIXEE)
    private CommandSpec spec;

    @Option(names = "--hardware", paramLabel = "FILE", description = "A JSON hardware section for what the options "
            + "below do not cover, e.g. {\"keys\": {\"NEXT\": {\"pin\": 5, \"led\": 6}}}; see docs/device.md.")
    private Path file;

    @Option(names = "--printer", paramLabel = "DEVICE",
            description = "An ESC/POS printer on a USB device file, e.g. /dev/usb/lp0.")
    private String usbPrinter;

    @Option(names = "--printer-serial", paramLabel = "PORT",
            description = "An ESC/POS printer on a serial port, e.g. /dev/ttyUSB0 or /dev/serial0.")
    private String serialPrinter;

    @Option(names = "--baud", paramLabel = "RATE",
            description = "The serial printer's speed: 9600 (default), 19200, 38400, 57600 or 115200.")
    private Integer baud;

    @Option(names = "--flow-control", paramLabel = "MODE",
            description = "The serial printer's handshake: rtscts (default), xonxoff or none.")
    private String flowControl;

    @Option(names = "--paper", paramLabel = "MM", description = "The printer's paper width, 58 or 80 (default 80).")
    private Integer paperMm;

    @Option(names = "--native-qr", description = "The printer draws the ticket's QR code itself (GS ( k).")
    private boolean nativeQr;

    @Option(names = "--display", paramLabel = "TYPE",
            description = "A counter display: max7219 (SPI 0.0) or hd44780 (I2C bus 1).")
    private String display;

    @Option(names = "--lcd-size", paramLabel = "SIZE", description = "The HD44780's size, 16x2 (default) or 20x4.")
    private String lcdSize;

    @Option(names = "--lcd-address", paramLabel = "ADDR",
            description = "The HD44780 backpack's I2C address (default 0x27; 0x3F on some).")
    private String lcdAddress;

    /**
     * The section the options and file describe.
     *
     * @throws ParameterException naming the option at fault
     */
    HardwareConfig hardware() {
        HardwareConfig base = file == null ? HardwareConfig.SIMULATED : readFile();
        Optional<HardwareConfig.Printer> printer = printer();
        Optional<HardwareConfig.Display> screen = display();
        if (printer.isPresent() && base.printer().isPresent()) {
            throw refused("--printer", file + " already has a printer; give it in one place");
        }
        if (screen.isPresent() && base.display().isPresent()) {
            throw refused("--display", file + " already has a display; give it in one place");
        }
        return base.withPrinterAndDisplay(printer.or(base::printer), screen.or(base::display));
    }

    /** The option to blame for a refused {@code hardware.…} field. */
    String optionOf(String field) {
        if (field.startsWith("hardware.printer")) {
            return usbPrinter != null ? "--printer" : serialPrinter != null ? "--printer-serial" : "--hardware";
        }
        if (field.startsWith("hardware.display") && display != null) {
            return "--display";
        }
        return "--hardware";
    }

    private HardwareConfig readFile() {
        try {
            return HardwareSection.read(file);
        } catch (UnitConfigException e) {
            throw refused("--hardware", e.getMessage());
        }
    }

    private Optional<HardwareConfig.Printer> printer() {
        if (usbPrinter != null && serialPrinter != null) {
            throw refused("--printer", "a unit has one printer: give --printer or --printer-serial, not both");
        }
        if (serialPrinter == null && (baud != null || flowControl != null)) {
            throw refused(baud != null ? "--baud" : "--flow-control", "is for a printer on --printer-serial");
        }
        if (usbPrinter == null && serialPrinter == null) {
            if (paperMm != null || nativeQr) {
                throw refused(paperMm != null ? "--paper" : "--native-qr", "needs --printer or --printer-serial");
            }
            return Optional.empty();
        }
        int paper = paperMm == null ? 80 : paperMm;
        if (paper != 58 && paper != 80) {
            throw refused("--paper", "must be 58 or 80, was " + paper);
        }
        if (usbPrinter != null) {
            return Optional.of(new HardwareConfig.Printer(usbPrinter, paper, Optional.empty(), nativeQr));
        }
        SerialSettings settings;
        try {
            settings = new SerialSettings(baud == null ? SerialSettings.DEFAULT_BAUD : baud,
                    flowControl == null ? SerialSettings.FlowControl.RTS_CTS
                            : SerialSettings.FlowControl.named(flowControl));
        } catch (IllegalArgumentException e) {
            throw refused(e.getMessage().startsWith("baud") ? "--baud" : "--flow-control", e.getMessage());
        }
        return Optional.of(new HardwareConfig.Printer(serialPrinter, paper, Optional.of(settings), nativeQr));
    }

    private Optional<HardwareConfig.Display> display() {
        if (display == null) {
            if (lcdSize != null || lcdAddress != null) {
                throw refused(lcdSize != null ? "--lcd-size" : "--lcd-address", "needs --display hd44780");
            }
            return Optional.empty();
        }
        return switch (display) {
            case "max7219" -> {
                if (lcdSize != null || lcdAddress != null) {
                    throw refused(lcdSize != null ? "--lcd-size" : "--lcd-address", "is for --display hd44780");
                }
                yield Optional.of(new HardwareConfig.Max7219(0, 0, 8));
            }
            case "hd44780" -> Optional.of(new HardwareConfig.Hd44780(1, lcdAddress(),
                    lcdColumns(), "20x4".equals(lcdSize) ? 4 : 2));
            default -> throw refused("--display", "must be max7219 or hd44780, was \"" + display + "\"");
        };
    }

    private int lcdColumns() {
        if (lcdSize == null || lcdSize.equals("16x2")) {
            return 16;
        }
        if (lcdSize.equals("20x4")) {
            return 20;
        }
        throw refused("--lcd-size", "must be 16x2 or 20x4, was \"" + lcdSize + "\"");
    }

    private int lcdAddress() {
        if (lcdAddress == null) {
            return 0x27;
        }
        try {
            int address = Integer.decode(lcdAddress);
            if (address >= 0x03 && address <= 0x77) {
                return address;
            }
        } catch (NumberFormatException e) {
            // refused below, with the accepted form
        }
        throw refused("--lcd-address", "must be a 7-bit I2C address such as 0x27, was \"" + lcdAddress + "\"");
    }

    private ParameterException refused(String option, String problem) {
        return new ParameterException(spec.commandLine(), option + ": " + problem);
    }
}
