package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ScannerConfigTest {

    private static final String KIOSK = """
            {"deviceId": "kiosk-1", "site": "nghiloc", "brokerUrl": "tcp://hub.local:1883", "roles": ["KIOSK"],
             "services": ["HT"], "dataDir": "/var/lib/motcua", "hardware": {"scanner": %s}}
            """;

    @TempDir
    Path dir;

    private ScannerConfig load(String scanner) throws IOException {
        Path file = dir.resolve("unit.json");
        Files.writeString(file, KIOSK.formatted(scanner), StandardCharsets.UTF_8);
        return UnitConfig.load(file).hardware().scanner();
    }

    private void refused(String scanner, String field, String problem) {
        assertThatThrownBy(() -> load(scanner)).isInstanceOfSatisfying(UnitConfigException.class, e -> {
            assertThat(e.field()).contains(field);
            assertThat(e.problem()).isEqualTo(problem);
        });
    }

    @Test
    void no_scanner_section_or_a_simulated_one_means_the_simulated_scanner_with_default_priority() throws IOException {
        assertThat(UnitConfig.kiosk("nghiloc", "kiosk-1", "tcp://hub.local:1883", List.of("HT"), dir)
                .hardware().scanner()).isEqualTo(ScannerConfig.SIMULATED);
        assertThat(load("{\"type\": \"simulated\"}")).isEqualTo(ScannerConfig.SIMULATED);
        assertThat(ScannerConfig.SIMULATED).isEqualTo(new ScannerConfig(Optional.empty(), 60, "ELDERLY",
                Duration.ofSeconds(30)));
    }

    @Test
    void serial_and_evdev_scanners_are_read_with_their_defaults() throws IOException {
        assertThat(load("{\"type\": \"serial\", \"port\": \"/dev/ttyACM0\"}").device())
                .contains(new ScannerConfig.Serial("/dev/ttyACM0", 9600));
        assertThat(load("{\"type\": \"SERIAL\", \"port\": \"/dev/ttyUSB0\", \"baud\": 115200}").device())
                .contains(new ScannerConfig.Serial("/dev/ttyUSB0", 115_200));
        assertThat(load("{\"type\": \"evdev\", \"device\": \"/dev/input/by-id/usb-scanner-event-kbd\"}").device())
                .contains(new ScannerConfig.Evdev("/dev/input/by-id/usb-scanner-event-kbd", 24));
        ScannerConfig pi32 = load("""
                {"type": "evdev", "device": "/dev/input/event0", "recordBytes": 16,
                 "elderlyAge": 65, "elderlyPriority": "NGUOI_CAO_TUOI", "priorityWindowSeconds": 20}""");
        assertThat(pi32).isEqualTo(new ScannerConfig(Optional.of(new ScannerConfig.Evdev("/dev/input/event0", 16)), 65,
                "NGUOI_CAO_TUOI", Duration.ofSeconds(20)));
    }

    @Test
    void a_scanner_section_survives_writing_and_reading_back() throws IOException {
        Path file = dir.resolve("unit.json");
        Files.writeString(file, KIOSK.formatted("""
                {"type": "serial", "port": "/dev/ttyACM0", "baud": 19200, "elderlyAge": 70}"""), StandardCharsets.UTF_8);
        UnitConfig config = UnitConfig.load(file);
        Path copy = dir.resolve("copy.json");

        config.write(copy);

        assertThat(UnitConfig.load(copy)).isEqualTo(config);
    }

    @Test
    void bad_fields_are_named() {
        refused("{\"port\": \"/dev/ttyACM0\"}", "hardware.scanner.type",
                "is required; types are [simulated, serial, evdev]");
        refused("{\"type\": \"bluetooth\"}", "hardware.scanner.type",
                "unknown type \"bluetooth\"; types are [simulated, serial, evdev]");
        refused("{\"type\": \"serial\"}", "hardware.scanner.port", "is required, e.g. \"/dev/ttyACM0\"");
        refused("{\"type\": \"serial\", \"port\": \"ttyACM0\"}", "hardware.scanner.port",
                "must be an absolute device path like \"/dev/ttyACM0\", was \"ttyACM0\"");
        refused("{\"type\": \"serial\", \"port\": \"/dev/ttyACM0\", \"baud\": 50}", "hardware.scanner.baud",
                "must be 1200-921600, was 50");
        refused("{\"type\": \"serial\", \"port\": \"/dev/ttyACM0\", \"recordBytes\": 24}",
                "hardware.scanner.recordBytes",
                "unknown field; the fields here are [type, port, baud, elderlyAge, elderlyPriority, priorityWindowSeconds]");
        refused("{\"type\": \"evdev\", \"device\": \"/dev/input/event0\", \"recordBytes\": 32}",
                "hardware.scanner.recordBytes", "must be 24 (64-bit OS) or 16 (32-bit OS), was 32");
        refused("{\"type\": \"evdev\", \"device\": 3}", "hardware.scanner.device",
                "must be a text in double quotes, was 3");
        refused("{\"type\": \"simulated\", \"elderlyAge\": 0}", "hardware.scanner.elderlyAge", "must be 1-120 years, was 0");
        refused("{\"type\": \"simulated\", \"elderlyPriority\": \"elderly\"}", "hardware.scanner.elderlyPriority",
                "must be a priority-class code like \"ELDERLY\", was \"elderly\"");
        refused("{\"type\": \"simulated\", \"priorityWindowSeconds\": 600}", "hardware.scanner.priorityWindowSeconds",
                "must be 5-300, was 600");
        refused("\"serial\"", "hardware.scanner", "must be an object with a \"type\", was \"serial\"");
    }
}
