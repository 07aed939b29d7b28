package vn.motcua.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.printer.escpos.SerialSettings;

/** {@code provision device} writing the hardware section: printer and display options, and {@code --hardware}. */
class ProvisionHardwareTest {

    @TempDir
    Path dir;

    private final ProvisionCli cli = new ProvisionCli();

    private int run(String... args) {
        return cli.run(args);
    }

    private int kiosk(String... hardware) {
        return run(Stream.concat(Stream.of("device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "kiosk",
                "--services", "DD", "--broker", "tcp://hub.local:1883", "--out", dir.resolve("kiosk-1.json").toString()),
                Stream.of(hardware)).toArray(String[]::new));
    }

    private int counter(String... hardware) {
        return run(Stream.concat(Stream.of("device", "--site", "nghiloc", "--id", "quay-3", "--role", "counter",
                "--counter", "3", "--broker", "tcp://hub.local:1883", "--out", dir.resolve("quay-3.json").toString()),
                Stream.of(hardware)).toArray(String[]::new));
    }

    private HardwareConfig written(String file) {
        return UnitConfig.load(dir.resolve(file)).hardware();
    }

    @Test
    void a_usb_printer_on_58mm_paper_with_native_qr_is_written() {
        assertThat(kiosk("--printer", "/dev/usb/lp0", "--paper", "58", "--native-qr")).isZero();
        assertThat(written("kiosk-1.json").printer()).contains(new HardwareConfig.Printer("/dev/usb/lp0", 58,
                Optional.empty(), true));
        assertThat(cli.out()).contains("printer  ESC/POS on /dev/usb/lp0, 58 mm, QR native (GS ( k)");
    }

    @Test
    void a_serial_printer_is_written_with_its_line_settings_or_the_defaults() {
        assertThat(kiosk("--printer-serial", "/dev/ttyUSB0", "--baud", "19200", "--flow-control", "xonxoff"))
                .isZero();
        assertThat(written("kiosk-1.json").printer()).contains(new HardwareConfig.Printer("/dev/ttyUSB0", 80,
                Optional.of(new SerialSettings(19200, SerialSettings.FlowControl.XON_XOFF)), false));
        assertThat(cli.out()).contains("serial /dev/ttyUSB0 at 19200 baud, xonxoff, 80 mm, QR in the raster");

        assertThat(kiosk("--printer-serial", "/dev/serial0", "--force")).isZero();
        assertThat(written("kiosk-1.json").printer().orElseThrow().serial()).contains(SerialSettings.defaults());
    }

    @Test
    void displays_are_written_with_their_defaults_and_lcd_options() {
        assertThat(counter("--display", "hd44780", "--lcd-size", "20x4", "--lcd-address", "0x3F")).isZero();
        assertThat(written("quay-3.json").display()).contains(new HardwareConfig.Hd44780(1, 0x3F, 20, 4));
        assertThat(cli.out()).contains("display  HD44780 20x4 on I2C bus 1 at 0x3F");

        assertThat(counter("--display", "max7219", "--force")).isZero();
        assertThat(written("quay-3.json").display()).contains(new HardwareConfig.Max7219(0, 0, 8));
    }

    @Test
    void a_kiosk_hardware_file_keeps_its_scanner_keys_and_touch_page_beside_the_printer_option() throws IOException {
        Path parts = Files.writeString(dir.resolve("kiosk-parts.json"), """
                {"scanner": {"type": "serial", "port": "/dev/ttyACM0"},
                 "serviceKeys": {"DD": {"pin": 5, "led": 6}},
                 "touchScreen": {"port": 8081}}""");
        assertThat(kiosk("--hardware", parts.toString(), "--printer", "/dev/usb/lp0")).isZero();

        HardwareConfig hardware = written("kiosk-1.json");
        assertThat(hardware.printer()).isPresent();
        assertThat(hardware.scanner().device()).isPresent();
        assertThat(hardware.kioskKeys().services()).containsOnlyKeys("DD");
        assertThat(hardware.touchScreen()).isPresent();
        assertThat(cli.out()).contains("scanner  serial /dev/ttyACM0 at 9600 baud", "services [DD GPIO 5]",
                "touch    page on http://127.0.0.1:8081/");
    }

    @Test
    void a_hardware_file_adds_keys_and_the_options_add_the_display() throws IOException {
        Path keys = Files.writeString(dir.resolve("keys.json"), """
                {"gpioChip": "gpiochip4", "keys": {"NEXT": {"pin": 5, "led": 6}, "RECALL": {"pin": 13}}}""");
        assertThat(counter("--hardware", keys.toString(), "--display", "max7219")).isZero();

        HardwareConfig hardware = written("quay-3.json");
        assertThat(hardware.gpioChip()).isEqualTo("gpiochip4");
        assertThat(hardware.keys()).isEqualTo(Map.of(StaffKey.NEXT, new HardwareConfig.KeyPin(5, Optional.of(6)),
                StaffKey.RECALL, new HardwareConfig.KeyPin(13, Optional.empty())));
        assertThat(hardware.display()).contains(new HardwareConfig.Max7219(0, 0, 8));
        assertThat(cli.out()).contains("staff    NEXT GPIO 5 (LED 6), RECALL GPIO 13 on gpiochip4");
    }

    @Test
    void bad_hardware_is_refused_naming_the_option_and_nothing_is_written() throws IOException {
        Path bad = Files.writeString(dir.resolve("bad.json"), "{\"keys\": {\"NEXT\": {\"pin\": 99}}}");
        Path printer = Files.writeString(dir.resolve("printer.json"),
                "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp1\"}}");
        List<List<String>> kioskCases = List.of(
                List.of("--printer", "/dev/usb/lp0", "--printer-serial", "/dev/ttyUSB0"), List.of("not both"),
                List.of("--printer", "/dev/usb/lp0", "--baud", "19200"), List.of("--baud: is for a printer on --printer-serial"),
                List.of("--printer-serial", "/dev/ttyUSB0", "--baud", "14400"), List.of("--baud: baud must be one of"),
                List.of("--printer-serial", "/dev/ttyUSB0", "--flow-control", "dtr"), List.of("--flow-control: must be rtscts"),
                List.of("--printer", "/dev/usb/lp0", "--paper", "76"), List.of("--paper: must be 58 or 80"),
                List.of("--native-qr"), List.of("--native-qr: needs --printer or --printer-serial"),
                List.of("--hardware", printer.toString(), "--printer", "/dev/usb/lp0"), List.of("give it in one place"),
                List.of("--hardware", dir.resolve("none.json").toString()), List.of("--hardware:", "no such file"));
        for (int i = 0; i < kioskCases.size(); i += 2) {
            cli.forget();
            assertThat(kiosk(kioskCases.get(i).toArray(String[]::new))).as(kioskCases.get(i).toString()).isEqualTo(2);
            assertThat(cli.err()).as(kioskCases.get(i).toString()).contains(kioskCases.get(i + 1));
        }
        cli.forget();
        assertThat(counter("--hardware", bad.toString())).isEqualTo(2);
        assertThat(cli.err()).contains("--hardware:", "hardware.keys.NEXT.pin", "0-53");
        cli.forget();
        assertThat(counter("--printer", "/dev/usb/lp0")).isEqualTo(2);
        assertThat(cli.err()).contains("--printer: is only for a unit with the KIOSK role");
        cli.forget();
        assertThat(counter("--display", "oled")).isEqualTo(2);
        assertThat(cli.err()).contains("--display: must be max7219 or hd44780");
        cli.forget();
        assertThat(counter("--display", "hd44780", "--lcd-address", "0x99")).isEqualTo(2);
        assertThat(cli.err()).contains("--lcd-address: must be a 7-bit I2C address");

        assertThat(dir.resolve("kiosk-1.json")).doesNotExist();
        assertThat(dir.resolve("quay-3.json")).doesNotExist();
    }
}
