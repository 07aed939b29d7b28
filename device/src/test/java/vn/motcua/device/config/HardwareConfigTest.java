package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.printer.escpos.SerialSettings;

class HardwareConfigTest {

    @TempDir
    Path dir;

    private static final String COUNTER = """
            {"deviceId": "quay-3", "site": "nghiloc", "brokerUrl": "tcp://hub.local:1883", "roles": ["COUNTER"],
             "counter": 3, "dataDir": "/var/lib/motcua" %s}
            """;
    private static final String KIOSK = """
            {"deviceId": "kiosk-1", "site": "nghiloc", "brokerUrl": "tcp://hub.local:1883", "roles": ["KIOSK"],
             "services": ["HT"], "dataDir": "/var/lib/motcua" %s}
            """;

    private UnitConfig load(String template, String hardware) throws IOException {
        Path file = dir.resolve("unit.json");
        Files.writeString(file, template.formatted(hardware.isEmpty() ? "" : ", \"hardware\": " + hardware),
                StandardCharsets.UTF_8);
        return UnitConfig.load(file);
    }

    private void refused(String template, String hardware, String field, String problem) {
        assertThatThrownBy(() -> load(template, hardware)).isInstanceOf(UnitConfigException.class)
                .satisfies(e -> {
                    UnitConfigException error = (UnitConfigException) e;
                    assertThat(error.field()).contains(field);
                    assertThat(error.problem()).contains(problem);
                });
    }

    @Test
    void a_file_without_a_hardware_section_means_everything_simulated() throws IOException {
        UnitConfig config = load(COUNTER, "");
        assertThat(config.hardware()).isEqualTo(HardwareConfig.SIMULATED);
        assertThat(config.hardware().needsGpio()).isFalse();
    }

    @Test
    void a_counter_with_a_max7219_and_staff_keys_is_read_with_defaults() throws IOException {
        UnitConfig config = load(COUNTER, """
                {"gpioChip": "gpiochip4", "display": {"type": "max7219", "intensity": 3},
                 "keys": {"NEXT": {"pin": 5, "led": 7}, "recall": {"pin": 6}, "no-show": {"pin": 26}}}""");
        HardwareConfig hardware = config.hardware();
        assertThat(hardware.gpioChip()).isEqualTo("gpiochip4");
        assertThat(hardware.display()).contains(new HardwareConfig.Max7219(0, 0, 3));
        assertThat(hardware.keys()).containsEntry(StaffKey.NEXT, new HardwareConfig.KeyPin(5, Optional.of(7)))
                .containsEntry(StaffKey.RECALL, new HardwareConfig.KeyPin(6, Optional.empty()))
                .containsKey(StaffKey.NO_SHOW);
        assertThat(hardware.needsGpio()).isTrue();
    }

    @Test
    void a_counter_with_an_hd44780_is_read_with_its_address_and_size() throws IOException {
        UnitConfig config = load(COUNTER, """
                {"display": {"type": "hd44780", "i2cBus": 1, "address": 63, "size": "20x4"}}""");
        assertThat(config.hardware().display()).contains(new HardwareConfig.Hd44780(1, 63, 20, 4));
        assertThat(config.hardware().gpioChip()).isEqualTo("gpiochip0");
    }

    @Test
    void a_kiosk_with_an_esc_pos_printer_is_read_and_written_back_the_same() throws IOException {
        UnitConfig config = load(KIOSK, """
                {"printer": {"type": "escpos", "device": "/dev/usb/lp0", "paperMm": 58}}""");
        assertThat(config.hardware().printer()).contains(new HardwareConfig.Printer("/dev/usb/lp0", 58));
        assertThat(config.hardware().needsGpio()).isFalse();
        Path copy = dir.resolve("copy.json");
        config.write(copy);
        assertThat(UnitConfig.load(copy)).isEqualTo(config);
    }

    @Test
    void a_kiosk_with_a_serial_printer_and_native_qr_is_read_and_written_back_the_same() throws IOException {
        UnitConfig config = load(KIOSK, """
                {"printer": {"type": "escpos-serial", "port": "/dev/ttyUSB0", "baud": 19200,
                             "flowControl": "XONXOFF", "nativeQr": true}}""");
        assertThat(config.hardware().printer()).contains(new HardwareConfig.Printer("/dev/ttyUSB0", 80,
                Optional.of(new SerialSettings(19200, SerialSettings.FlowControl.XON_XOFF)), true));
        Path copy = dir.resolve("copy.json");
        config.write(copy);
        assertThat(Files.readString(copy)).contains("\"type\" : \"escpos-serial\"", "\"flowControl\" : \"xonxoff\"");
        assertThat(UnitConfig.load(copy)).isEqualTo(config);
    }

    @Test
    void a_serial_printer_defaults_to_9600_baud_with_rts_cts_and_the_qr_in_the_raster() throws IOException {
        UnitConfig config = load(KIOSK, """
                {"printer": {"type": "escpos-serial", "port": "/dev/serial0", "paperMm": 58}}""");
        assertThat(config.hardware().printer()).contains(new HardwareConfig.Printer("/dev/serial0", 58,
                Optional.of(SerialSettings.defaults()), false));
    }

    @Test
    void bad_serial_printer_settings_are_refused_naming_the_field() {
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos-serial\"}}", "hardware.printer.port", "/dev/ttyUSB0");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos-serial\", \"port\": \"/dev/ttyUSB0\", \"baud\": 14400}}",
                "hardware.printer.baud", "self-test page");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos-serial\", \"port\": \"/dev/ttyUSB0\", "
                + "\"flowControl\": \"dtrdsr\"}}", "hardware.printer.flowControl", "rtscts, xonxoff or none");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos-serial\", \"device\": \"/dev/ttyUSB0\"}}",
                "hardware.printer.device", "unknown field");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp0\", \"baud\": 9600}}",
                "hardware.printer.baud", "unknown field");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp0\", \"nativeQr\": \"yes\"}}",
                "hardware.printer.nativeQr", "true or false");
    }

    @Test
    void a_hardware_section_file_is_read_alone_and_its_errors_name_file_and_field() throws IOException {
        Path section = dir.resolve("kiosk-hardware.json");
        Files.writeString(section, "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp0\"}}");
        assertThat(HardwareSection.read(section).printer()).contains(new HardwareConfig.Printer("/dev/usb/lp0", 80));

        Files.writeString(section, "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp0\", \"paperMm\": 57}}");
        assertThatThrownBy(() -> HardwareSection.read(section)).isInstanceOf(UnitConfigException.class)
                .hasMessageContaining(section.toString()).hasMessageContaining("hardware.printer.paperMm");
        Files.writeString(section, "{\"printer\": ");
        assertThatThrownBy(() -> HardwareSection.read(section)).hasMessageContaining("not valid JSON");
    }

    @Test
    void simulated_types_are_the_same_as_no_section() throws IOException {
        UnitConfig config = load(COUNTER, """
                {"display": {"type": "simulated"}}""");
        assertThat(config.hardware()).isEqualTo(HardwareConfig.SIMULATED);
    }

    @Test
    void bad_hardware_sections_are_refused_naming_the_field() {
        refused(COUNTER, "{\"display\": {\"type\": \"oled\"}}", "hardware.display.type", "unknown type \"oled\"");
        refused(COUNTER, "{\"display\": {\"type\": \"hd44780\", \"address\": 128}}", "hardware.display.address",
                "0-127");
        refused(COUNTER, "{\"display\": {\"type\": \"hd44780\", \"size\": \"16x4\"}}", "hardware.display.size",
                "16x2");
        refused(COUNTER, "{\"keys\": {\"NEXT\": {\"pin\": 54}}}", "hardware.keys.NEXT.pin", "0-53");
        refused(COUNTER, "{\"keys\": {\"NEXT\": {\"pin\": 5}, \"RECALL\": {\"pin\": 6, \"led\": 5}}}",
                "hardware.keys.RECALL.led", "already used by hardware.keys.NEXT.pin");
        refused(COUNTER, "{\"keys\": {\"JUMP\": {\"pin\": 5}}}", "hardware.keys.JUMP", "unknown staff key");
        refused(COUNTER, "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp0\"}}", "hardware.printer",
                "KIOSK");
        refused(COUNTER, "{\"gpioChip\": \"chip\"}", "hardware.gpioChip", "gpiochip0");
        refused(COUNTER, "{\"displays\": {}}", "hardware.displays", "unknown field");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos\", \"device\": \"/dev/usb/lp0\", \"paperMm\": 76}}",
                "hardware.printer.paperMm", "58 or 80");
        refused(KIOSK, "{\"printer\": {\"type\": \"escpos\"}}", "hardware.printer.device", "is required");
        refused(KIOSK, "{\"display\": {\"type\": \"max7219\"}}", "hardware.display", "COUNTER");
        refused(KIOSK, "{\"keys\": {\"NEXT\": {\"pin\": 5}}}", "hardware.keys", "COUNTER");
    }

    @Test
    void keypad_levels_wired_by_position_take_the_hubs_default_codes_and_labels() throws IOException {
        UnitConfig config = load(COUNTER, """
                {"keypad": {"levels": [{"pin": 17, "led": 24}, {"pin": 27, "led": 25}, {"pin": 22, "led": 12},
                                       {"pin": 23, "led": 21}]}}""");
        Keypad keypad = config.hardware().keypad();
        assertThat(keypad.window()).isEqualTo(Keypad.DEFAULT_WINDOW);
        assertThat(keypad.levels()).extracting(Keypad.Level::code)
                .containsExactly("RAT_HAI_LONG", "HAI_LONG", "BINH_THUONG", "KHONG_HAI_LONG");
        assertThat(keypad.levels()).extracting(Keypad.Level::label)
                .containsExactly("Rất hài lòng", "Hài lòng", "Bình thường", "Không hài lòng");
        assertThat(keypad.levels().get(3).key()).contains(new HardwareConfig.KeyPin(23, Optional.of(21)));
        assertThat(keypad.wired()).isTrue();
        assertThat(config.hardware().needsGpio()).isTrue();
    }

    @Test
    void an_office_with_its_own_levels_names_them_and_the_file_is_written_back_the_same() throws IOException {
        UnitConfig config = load(COUNTER, """
                {"keypad": {"windowSeconds": 90, "levels": [{"code": "TOT", "label": "Tốt", "pin": 17},
                                                            {"code": "CHUA_TOT", "label": "Chưa tốt", "pin": 27}]},
                 "keys": {"NEXT": {"pin": 5}}}""");
        assertThat(config.hardware().keypad()).isEqualTo(new Keypad(Duration.ofSeconds(90), List.of(
                new Keypad.Level("TOT", "Tốt", Optional.of(new HardwareConfig.KeyPin(17, Optional.empty()))),
                new Keypad.Level("CHUA_TOT", "Chưa tốt", Optional.of(new HardwareConfig.KeyPin(27, Optional.empty()))))));
        Path copy = dir.resolve("copy.json");
        config.write(copy);
        assertThat(UnitConfig.load(copy)).isEqualTo(config);
    }

    @Test
    void a_counter_without_a_keypad_section_rates_with_the_default_levels_on_no_pins() throws IOException {
        Keypad keypad = load(COUNTER, "").hardware().keypad();
        assertThat(keypad).isEqualTo(Keypad.DEFAULT);
        assertThat(keypad.wired()).isFalse();
    }

    @Test
    void kiosk_service_keys_and_a_priority_key_are_read_and_written_back_the_same() throws IOException {
        UnitConfig config = load(KIOSK, """
                {"serviceKeys": {"HT": {"pin": 5, "led": 17}},
                 "priorityKey": {"class": "ELDERLY", "pin": 4, "led": 18}}""");
        KioskKeys keys = config.hardware().kioskKeys();
        assertThat(keys.services()).containsExactly(Map.entry("HT", new HardwareConfig.KeyPin(5, Optional.of(17))));
        assertThat(keys.priority()).contains(new KioskKeys.PriorityKey("ELDERLY",
                new HardwareConfig.KeyPin(4, Optional.of(18))));
        assertThat(config.hardware().needsGpio()).isTrue();
        Path copy = dir.resolve("copy.json");
        config.write(copy);
        assertThat(UnitConfig.load(copy)).isEqualTo(config);
    }

    @Test
    void bad_keypads_and_kiosk_keys_are_refused_naming_the_field() {
        refused(COUNTER, "{\"keys\": {\"NEXT\": {\"pin\": 17}}, \"keypad\": {\"levels\": [{\"pin\": 27},"
                + " {\"pin\": 17}]}}", "hardware.keypad.levels[1].pin", "already used by hardware.keys.NEXT.pin");
        refused(COUNTER, "{\"keypad\": {\"levels\": [{\"pin\": 27}]}}", "hardware.keypad.levels", "2 to 5");
        refused(COUNTER, "{\"keypad\": {\"levels\": [{\"pin\": 27}, {\"code\": \"HAI_LONG\"}]}}",
                "hardware.keypad.levels[1].pin", "every level");
        refused(COUNTER, "{\"keypad\": {\"levels\": [{\"code\": \"TOT\"}, {}]}}",
                "hardware.keypad.levels[0].label", "is required");
        refused(COUNTER, "{\"keypad\": {\"levels\": [{\"code\": \"hai long\", \"label\": \"x\"}, {}]}}",
                "hardware.keypad.levels[0].code", "upper-case");
        refused(COUNTER, "{\"keypad\": {\"levels\": [{}, {\"code\": \"RAT_HAI_LONG\"}]}}",
                "hardware.keypad.levels[1].code", "listed twice");
        refused(COUNTER, "{\"keypad\": {\"windowSeconds\": 3600}}", "hardware.keypad.windowSeconds", "10-540");
        refused(COUNTER, "{\"keypad\": {\"windowSeconds\": 541}}", "hardware.keypad.windowSeconds", "10-540");
        refused(COUNTER, "{\"keypad\": {\"levels\": [{\"pin\": 17, \"colour\": 1}, {}]}}",
                "hardware.keypad.levels[0].colour", "unknown field");
        refused(KIOSK, "{\"keypad\": {\"windowSeconds\": 60}}", "hardware.keypad", "COUNTER");
        refused(KIOSK, "{\"serviceKeys\": {\"DD\": {\"pin\": 5}}}", "hardware.serviceKeys.DD",
                "not one of the unit's services");
        refused(KIOSK, "{\"serviceKeys\": {\"HT\": {\"pin\": 5}}, \"priorityKey\": {\"class\": \"ELDERLY\","
                + " \"pin\": 6, \"led\": 5}}", "hardware.priorityKey.led", "already used by hardware.serviceKeys.HT.pin");
        refused(KIOSK, "{\"serviceKeys\": {\"HT\": {\"pin\": 5}}, \"priorityKey\": {\"pin\": 6}}",
                "hardware.priorityKey.class", "is required");
        refused(KIOSK, "{\"priorityKey\": {\"class\": \"ELDERLY\", \"pin\": 6}}", "hardware.priorityKey",
                "service keys");
        refused(COUNTER, "{\"serviceKeys\": {\"HT\": {\"pin\": 5}}}", "hardware.serviceKeys", "KIOSK");
    }

    @Test
    void a_kiosk_touch_screen_is_read_and_written_back_the_same() throws IOException {
        UnitConfig config = load(KIOSK, "{\"touchScreen\": {\"port\": 8081}}");
        assertThat(config.hardware().touchScreen()).contains(new TouchScreen(8081));
        assertThat(config.hardware().needsGpio()).isFalse();
        Path copy = dir.resolve("copy.json");
        config.write(copy);
        assertThat(Files.readString(copy)).contains("\"touchScreen\"");
        assertThat(UnitConfig.load(copy)).isEqualTo(config);
        assertThat(load(KIOSK, "").hardware().touchScreen()).isEmpty();
    }

    @Test
    void bad_touch_screens_are_refused_naming_the_field() {
        refused(KIOSK, "{\"touchScreen\": {}}", "hardware.touchScreen.port", "is required");
        refused(KIOSK, "{\"touchScreen\": {\"port\": 80}}", "hardware.touchScreen.port", "1024-65535");
        refused(KIOSK, "{\"touchScreen\": {\"port\": \"8081\"}}", "hardware.touchScreen.port", "whole number");
        refused(KIOSK, "{\"touchScreen\": {\"port\": 8081, \"host\": \"0.0.0.0\"}}", "hardware.touchScreen.host",
                "unknown field");
        refused(KIOSK, "{\"touchScreen\": 8081}", "hardware.touchScreen", "JSON object");
        refused(COUNTER, "{\"touchScreen\": {\"port\": 8081}}", "hardware.touchScreen", "KIOSK");
    }
}
