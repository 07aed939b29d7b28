package vn.motcua.device.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.device.scan.CitizenCard;
import vn.motcua.device.scan.EvdevScanner;
import vn.motcua.protocol.message.Codes;

/**
 * The {@code hardware.scanner} section: which QR scanner driver the unit reads, and what a citizen card scan at a
 * kiosk grants. Absent (or {@code "type": "simulated"}) means the simulated scanner, fed from the terminal.
 *
 * @param device          the real scanner; empty = simulated
 * @param elderlyAge      age from which a scanned citizen card gives the elderly priority (default 60)
 * @param elderlyPriority the office's priority-class code for the elderly (default {@code ELDERLY})
 * @param priorityWindow  how long after the card scan a service key press gets that priority (default 30 s)
 */
public record ScannerConfig(Optional<Device> device, int elderlyAge, String elderlyPriority, Duration priorityWindow) {

    public static final int DEFAULT_BAUD = 9600;
    public static final String DEFAULT_ELDERLY_PRIORITY = "ELDERLY";
    public static final Duration DEFAULT_PRIORITY_WINDOW = Duration.ofSeconds(30);
    public static final ScannerConfig SIMULATED = new ScannerConfig(Optional.empty(), CitizenCard.ELDERLY_AGE,
            DEFAULT_ELDERLY_PRIORITY, DEFAULT_PRIORITY_WINDOW);

    private static final String FIELD = "hardware.scanner";
    private static final List<String> BEHAVIOUR = List.of("elderlyAge", "elderlyPriority", "priorityWindowSeconds");

    /** A real scanner's device. */
    public sealed interface Device permits Serial, Evdev {
    }

    /** USB-CDC or RS-232: a serial port at {@code baud} 8N1. */
    public record Serial(String port, int baud) implements Device {
        public Serial {
            absolutePath(port, FIELD + ".port");
            if (baud < 1200 || baud > 921_600) {
                throw new UnitConfigException(FIELD + ".baud", "must be 1200-921600, was " + baud);
            }
        }
    }

    /** USB HID keyboard mode: a Linux input device, records of {@code recordBytes} (16 or 24). */
    public record Evdev(String device, int recordBytes) implements Device {
        public Evdev {
            absolutePath(device, FIELD + ".device");
            if (recordBytes != EvdevScanner.RECORD_BYTES_32 && recordBytes != EvdevScanner.RECORD_BYTES_64) {
                throw new UnitConfigException(FIELD + ".recordBytes",
                        "must be 24 (64-bit OS) or 16 (32-bit OS), was " + recordBytes);
            }
        }
    }

    public ScannerConfig {
        device = Objects.requireNonNullElse(device, Optional.empty());
        if (elderlyAge < 1 || elderlyAge > 120) {
            throw new UnitConfigException(FIELD + ".elderlyAge", "must be 1-120 years, was " + elderlyAge);
        }
        if (!Codes.isCode(elderlyPriority)) {
            throw new UnitConfigException(FIELD + ".elderlyPriority", "must be a priority-class code like \"ELDERLY\", was \""
                    + elderlyPriority + "\"");
        }
        if (priorityWindow.compareTo(Duration.ofSeconds(5)) < 0 || priorityWindow.compareTo(Duration.ofMinutes(5)) > 0) {
            throw new UnitConfigException(FIELD + ".priorityWindowSeconds", "must be 5-300, was "
                    + priorityWindow.toSeconds());
        }
    }

    private static void absolutePath(String path, String field) {
        if (path == null || !path.startsWith("/") || path.length() > 255) {
            throw new UnitConfigException(field, "must be an absolute device path like \"/dev/ttyACM0\", was "
                    + (path == null ? "nothing" : "\"" + path + "\""));
        }
    }

    // ---- JSON ----

    void toJson(ObjectNode hardware) {
        if (equals(SIMULATED)) {
            return;
        }
        ObjectNode node = hardware.putObject("scanner");
        switch (device.orElse(null)) {
            case Serial s -> node.put("type", "serial").put("port", s.port()).put("baud", s.baud());
            case Evdev e -> node.put("type", "evdev").put("device", e.device()).put("recordBytes", e.recordBytes());
            case null -> node.put("type", "simulated");
        }
        node.put("elderlyAge", elderlyAge).put("elderlyPriority", elderlyPriority)
                .put("priorityWindowSeconds", priorityWindow.toSeconds());
    }

    static ScannerConfig fromJson(JsonNode node) {
        String type = HardwareConfig.type(node, FIELD, List.of("simulated", "serial", "evdev"));
        if (type == null) {
            return SIMULATED;
        }
        Optional<Device> device = switch (type) {
            case "serial" -> {
                HardwareConfig.object(node, FIELD, fields("type", "port", "baud"));
                yield Optional.of(new Serial(required(node, "port", "\"/dev/ttyACM0\""),
                        node.has("baud") ? HardwareConfig.integer(node.get("baud"), FIELD + ".baud") : DEFAULT_BAUD));
            }
            case "evdev" -> {
                HardwareConfig.object(node, FIELD, fields("type", "device", "recordBytes"));
                yield Optional.of(new Evdev(required(node, "device", "\"/dev/input/by-id/usb-...-event-kbd\""),
                        node.has("recordBytes") ? HardwareConfig.integer(node.get("recordBytes"), FIELD + ".recordBytes")
                                : EvdevScanner.nativeRecordBytes()));
            }
            default -> {
                HardwareConfig.object(node, FIELD, fields("type"));
                yield Optional.empty();
            }
        };
        int age = node.has("elderlyAge") ? HardwareConfig.integer(node.get("elderlyAge"), FIELD + ".elderlyAge")
                : CitizenCard.ELDERLY_AGE;
        String priority = node.has("elderlyPriority")
                ? HardwareConfig.text(node.get("elderlyPriority"), FIELD + ".elderlyPriority") : DEFAULT_ELDERLY_PRIORITY;
        Duration window = node.has("priorityWindowSeconds") ? Duration.ofSeconds(
                HardwareConfig.integer(node.get("priorityWindowSeconds"), FIELD + ".priorityWindowSeconds"))
                : DEFAULT_PRIORITY_WINDOW;
        return new ScannerConfig(device, age, priority, window);
    }

    private static List<String> fields(String... deviceFields) {
        return Stream.concat(List.of(deviceFields).stream(), BEHAVIOUR.stream()).toList();
    }

    private static String required(JsonNode node, String name, String example) {
        if (!node.has(name)) {
            throw new UnitConfigException(FIELD + "." + name, "is required, e.g. " + example);
        }
        return HardwareConfig.text(node.get(name), FIELD + "." + name);
    }
}
