package vn.motcua.device.config;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.printer.escpos.SerialSettings;
import vn.motcua.protocol.message.Role;

/**
 * The optional {@code hardware} section of a unit config: which real drivers the unit uses. Absent (or a part
 * absent, or {@code "type": "simulated"}) means the simulator. Nothing is guessed from the machine.
 *
 * @param gpioChip the GPIO chip of the 40-pin header ({@code gpiochip0}; {@code gpiochip4} on early Pi 5 kernels)
 * @param printer  empty = simulated
 * @param display  empty = simulated
 * @param keys     staff keys on GPIO (BCM numbers); empty = none (keys from the terminal only)
 * @param scanner  the QR scanner and what a scan grants ({@link ScannerConfig#SIMULATED} when absent)
 * @param keypad   the satisfaction levels and their keys ({@link Keypad#DEFAULT}: the hub's levels, no keys)
 * @param kioskKeys the kiosk's service keys and priority key on GPIO ({@link KioskKeys#NONE}: none)
 * @param touchScreen the kiosk's touch page on a local port; empty = none
 */
public record HardwareConfig(String gpioChip, Optional<Printer> printer, Optional<Display> display,
                             Map<StaffKey, KeyPin> keys, ScannerConfig scanner, Keypad keypad, KioskKeys kioskKeys,
                             Optional<TouchScreen> touchScreen) {

    public static final String DEFAULT_GPIO_CHIP = "gpiochip0";
    public static final HardwareConfig SIMULATED =
            new HardwareConfig(DEFAULT_GPIO_CHIP, Optional.empty(), Optional.empty(), Map.of());

    static final List<String> FIELDS = List.of("gpioChip", "printer", "display", "keys", "scanner", "keypad",
            "serviceKeys", "priorityKey", "touchScreen");

    /**
     * An ESC/POS printer on a device file ({@code "type": "escpos"}) or a serial port ({@code "escpos-serial"}).
     *
     * @param device   the device file ({@code /dev/usb/lp0}) or serial port ({@code /dev/ttyUSB0})
     * @param paperMm  58 or 80
     * @param serial   the line settings, present exactly for a printer on a serial port
     * @param nativeQr the printer draws the QR code itself ({@code GS ( k}); false draws it into the raster
     */
    public record Printer(String device, int paperMm, Optional<SerialSettings> serial, boolean nativeQr) {
        public Printer {
            serial = serial == null ? Optional.empty() : serial;
        }

        /** On a device file, QR code in the raster. */
        public Printer(String device, int paperMm) {
            this(device, paperMm, Optional.empty(), false);
        }
    }

    /** A counter display: MAX7219 over SPI or HD44780 (PCF8574) over I2C. */
    public sealed interface Display permits Max7219, Hd44780 {
    }

    public record Max7219(int spiBus, int spiChannel, int intensity) implements Display {
    }

    public record Hd44780(int i2cBus, int address, int columns, int rows) implements Display {
    }

    /** A key input pin and an optional LED pin, BCM numbers. */
    public record KeyPin(int pin, Optional<Integer> led) {
    }

    public HardwareConfig {
        gpioChip = gpioChip == null ? DEFAULT_GPIO_CHIP : gpioChip;
        if (!gpioChip.matches("gpiochip[0-9]{1,2}")) {
            throw new UnitConfigException("hardware.gpioChip", "must name a GPIO chip like \"gpiochip0\", was \""
                    + gpioChip + "\"");
        }
        printer = printer == null ? Optional.empty() : printer;
        display = display == null ? Optional.empty() : display;
        keys = Collections.unmodifiableMap(new LinkedHashMap<>(keys == null ? Map.of() : keys));
        keypad = keypad == null ? Keypad.DEFAULT : keypad;
        kioskKeys = kioskKeys == null ? KioskKeys.NONE : kioskKeys;
        // One table across every key group: a pin wired twice would press two keys at once.
        Map<Integer, String> used = new HashMap<>();
        for (Map.Entry<StaffKey, KeyPin> key : keys.entrySet()) {
            claim(used, key.getValue(), "hardware.keys." + key.getKey().name());
        }
        for (int i = 0; i < keypad.levels().size(); i++) {
            int index = i;
            keypad.levels().get(i).key().ifPresent(key -> claim(used, key, "hardware.keypad.levels[" + index + "]"));
        }
        kioskKeys.services().forEach((code, key) -> claim(used, key, "hardware.serviceKeys." + code));
        kioskKeys.priority().ifPresent(p -> claim(used, p.key(), "hardware.priorityKey"));
        scanner = scanner == null ? ScannerConfig.SIMULATED : scanner;
        touchScreen = touchScreen == null ? Optional.empty() : touchScreen;
    }

    /** Without a touch page. */
    public HardwareConfig(String gpioChip, Optional<Printer> printer, Optional<Display> display,
                          Map<StaffKey, KeyPin> keys, ScannerConfig scanner, Keypad keypad, KioskKeys kioskKeys) {
        this(gpioChip, printer, display, keys, scanner, keypad, kioskKeys, Optional.empty());
    }

    /** Staff keys only: the simulated scanner, the keypad's defaults and no kiosk keys. */
    public HardwareConfig(String gpioChip, Optional<Printer> printer, Optional<Display> display,
                          Map<StaffKey, KeyPin> keys) {
        this(gpioChip, printer, display, keys, ScannerConfig.SIMULATED, Keypad.DEFAULT, KioskKeys.NONE);
    }

    /** This hardware with {@code printer} and {@code display} in place of its own (the provisioning CLI's options). */
    public HardwareConfig withPrinterAndDisplay(Optional<Printer> printer, Optional<Display> display) {
        return new HardwareConfig(gpioChip, printer, display, keys, scanner, keypad, kioskKeys, touchScreen);
    }

    /** True when the Pi4J context is needed: a real display or GPIO keys. */
    public boolean needsGpio() {
        return display.isPresent() || !keys.isEmpty() || keypad.wired() || !kioskKeys.isEmpty();
    }

    /** Refuses GPIO keys for services the kiosk does not issue; {@code services} are the unit's service codes. */
    void checkServices(List<String> services) {
        kioskKeys.checkServices(services);
    }

    /** Refuses parts the unit's roles do not use. */
    void checkRoles(Set<Role> roles) {
        if (printer.isPresent() && !roles.contains(Role.KIOSK)) {
            throw new UnitConfigException("hardware.printer", "is only for a unit with the KIOSK role");
        }
        if (display.isPresent() && !roles.contains(Role.COUNTER)) {
            throw new UnitConfigException("hardware.display", "is only for a unit with the COUNTER role");
        }
        if (!keys.isEmpty() && !roles.contains(Role.COUNTER)) {
            throw new UnitConfigException("hardware.keys", "are staff keys, only for a unit with the COUNTER role");
        }
        if (!keypad.equals(Keypad.DEFAULT) && !roles.contains(Role.COUNTER)) {
            throw new UnitConfigException("hardware.keypad", "is the satisfaction keypad of a counter, only for a unit"
                    + " with the COUNTER role");
        }
        if (!kioskKeys.isEmpty() && !roles.contains(Role.KIOSK)) {
            throw new UnitConfigException(kioskKeys.services().isEmpty() ? "hardware.priorityKey"
                    : "hardware.serviceKeys", "is only for a unit with the KIOSK role");
        }
        if (touchScreen.isPresent() && !roles.contains(Role.KIOSK)) {
            throw new UnitConfigException("hardware.touchScreen", "is the kiosk's touch page, only for a unit with the"
                    + " KIOSK role");
        }
    }

    private static void claim(Map<Integer, String> used, KeyPin key, String field) {
        claim(used, key.pin(), field + ".pin");
        key.led().ifPresent(led -> claim(used, led, field + ".led"));
    }

    private static void claim(Map<Integer, String> used, int pin, String field) {
        if (pin < 0 || pin > 53) {
            throw new UnitConfigException(field, "must be a BCM GPIO number 0-53, was " + pin);
        }
        String other = used.putIfAbsent(pin, field);
        if (other != null) {
            throw new UnitConfigException(field, "GPIO " + pin + " is already used by " + other);
        }
    }

    // ---- JSON ----

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode();
        node.put("gpioChip", gpioChip);
        printer.ifPresent(p -> printerJson(node.putObject("printer"), p));
        display.ifPresent(d -> {
            ObjectNode out = node.putObject("display");
            switch (d) {
                case Max7219 m -> out.put("type", "max7219").put("spiBus", m.spiBus())
                        .put("spiChannel", m.spiChannel()).put("intensity", m.intensity());
                case Hd44780 h -> out.put("type", "hd44780").put("i2cBus", h.i2cBus()).put("address", h.address())
                        .put("size", h.columns() + "x" + h.rows());
            }
        });
        if (!keys.isEmpty()) {
            ObjectNode out = node.putObject("keys");
            keys.forEach((key, pins) -> keyPinJson(pins, out.putObject(key.name())));
        }
        scanner.toJson(node);
        if (!keypad.equals(Keypad.DEFAULT)) {
            node.set("keypad", keypad.toJson(mapper));
        }
        kioskKeys.toJson(node);
        touchScreen.ifPresent(t -> t.toJson(node));
        return node;
    }

    private static void printerJson(ObjectNode out, Printer p) {
        if (p.serial().isPresent()) {
            out.put("type", "escpos-serial").put("port", p.device()).put("baud", p.serial().get().baud())
                    .put("flowControl", p.serial().get().flowControl().configName());
        } else {
            out.put("type", "escpos").put("device", p.device());
        }
        out.put("paperMm", p.paperMm()).put("nativeQr", p.nativeQr());
    }

    static void keyPinJson(KeyPin key, ObjectNode out) {
        out.put("pin", key.pin());
        key.led().ifPresent(led -> out.put("led", led));
    }

    static HardwareConfig fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return SIMULATED;
        }
        object(node, "hardware", FIELDS);
        String chip = node.has("gpioChip") ? text(node.get("gpioChip"), "hardware.gpioChip") : DEFAULT_GPIO_CHIP;
        return new HardwareConfig(chip, printer(node.get("printer")), display(node.get("display")),
                keys(node.get("keys")), ScannerConfig.fromJson(node.get("scanner")),
                Keypad.fromJson(node.get("keypad")), KioskKeys.fromJson(node.get("serviceKeys"), node.get("priorityKey")),
                TouchScreen.fromJson(node.get("touchScreen")));
    }

    private static Optional<Printer> printer(JsonNode node) {
        String type = type(node, "hardware.printer", List.of("simulated", "escpos", "escpos-serial"));
        if (type == null || type.equals("simulated")) {
            if (type != null) {
                object(node, "hardware.printer", List.of("type"));
            }
            return Optional.empty();
        }
        boolean serial = type.equals("escpos-serial");
        String path = serial ? "port" : "device";
        object(node, "hardware.printer", serial
                ? List.of("type", "port", "baud", "flowControl", "paperMm", "nativeQr")
                : List.of("type", "device", "paperMm", "nativeQr"));
        if (!node.has(path)) {
            throw new UnitConfigException("hardware.printer." + path, "is required, e.g. \""
                    + (serial ? "/dev/ttyUSB0" : "/dev/usb/lp0") + "\"");
        }
        String device = text(node.get(path), "hardware.printer." + path);
        int paper = node.has("paperMm") ? integer(node.get("paperMm"), "hardware.printer.paperMm") : 80;
        if (paper != 58 && paper != 80) {
            throw new UnitConfigException("hardware.printer.paperMm", "must be 58 or 80, was " + paper);
        }
        boolean nativeQr = node.has("nativeQr") && bool(node.get("nativeQr"), "hardware.printer.nativeQr");
        return Optional.of(new Printer(device, paper, serial ? Optional.of(serialSettings(node)) : Optional.empty(),
                nativeQr));
    }

    private static SerialSettings serialSettings(JsonNode node) {
        int baud = node.has("baud") ? integer(node.get("baud"), "hardware.printer.baud") : SerialSettings.DEFAULT_BAUD;
        if (!SerialSettings.BAUD_RATES.contains(baud)) {
            throw new UnitConfigException("hardware.printer.baud", "must be one of " + SerialSettings.BAUD_RATES
                    + " (the printer's self-test page shows its rate), was " + baud);
        }
        SerialSettings.FlowControl flow = SerialSettings.FlowControl.RTS_CTS;
        if (node.has("flowControl")) {
            try {
                flow = SerialSettings.FlowControl.named(text(node.get("flowControl"), "hardware.printer.flowControl"));
            } catch (IllegalArgumentException e) {
                throw new UnitConfigException("hardware.printer.flowControl", e.getMessage());
            }
        }
        return new SerialSettings(baud, flow);
    }

    private static Optional<Display> display(JsonNode node) {
        String type = type(node, "hardware.display", List.of("simulated", "max7219", "hd44780"));
        if (type == null || type.equals("simulated")) {
            if (type != null) {
                object(node, "hardware.display", List.of("type"));
            }
            return Optional.empty();
        }
        if (type.equals("max7219")) {
            object(node, "hardware.display", List.of("type", "spiBus", "spiChannel", "intensity"));
            int bus = optionalInt(node, "spiBus", 0, 0, 6);
            int channel = optionalInt(node, "spiChannel", 0, 0, 2);
            int intensity = optionalInt(node, "intensity", 8, 0, 15);
            return Optional.of(new Max7219(bus, channel, intensity));
        }
        object(node, "hardware.display", List.of("type", "i2cBus", "address", "size"));
        int bus = optionalInt(node, "i2cBus", 1, 0, 20);
        int address = optionalInt(node, "address", 0x27, 0, 127);
        String size = node.has("size") ? text(node.get("size"), "hardware.display.size") : "16x2";
        return switch (size) {
            case "16x2" -> Optional.of(new Hd44780(bus, address, 16, 2));
            case "20x4" -> Optional.of(new Hd44780(bus, address, 20, 4));
            default -> throw new UnitConfigException("hardware.display.size", "must be \"16x2\" or \"20x4\", was \""
                    + size + "\"");
        };
    }

    private static Map<StaffKey, KeyPin> keys(JsonNode node) {
        if (node == null || node.isNull()) {
            return Map.of();
        }
        if (!node.isObject()) {
            throw new UnitConfigException("hardware.keys", "must be an object like {\"NEXT\": {\"pin\": 5}}, was "
                    + node);
        }
        Map<StaffKey, KeyPin> keys = new LinkedHashMap<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> entry = it.next();
            StaffKey key;
            try {
                key = StaffKey.valueOf(entry.getKey().toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new UnitConfigException("hardware.keys." + entry.getKey(), "unknown staff key; keys are "
                        + List.of(StaffKey.values()));
            }
            String field = "hardware.keys." + key.name();
            object(entry.getValue(), field, List.of("pin", "led"));
            keys.put(key, keyPin(entry.getValue(), field));
        }
        return keys;
    }

    /** The {@code pin} and optional {@code led} of the key described by {@code node} at {@code field}. */
    static KeyPin keyPin(JsonNode node, String field) {
        if (!node.has("pin")) {
            throw new UnitConfigException(field + ".pin", "is required: the key's BCM GPIO number");
        }
        int pin = integer(node.get("pin"), field + ".pin");
        Optional<Integer> led = node.has("led") && !node.get("led").isNull()
                ? Optional.of(integer(node.get("led"), field + ".led")) : Optional.empty();
        return new KeyPin(pin, led);
    }

    static String type(JsonNode node, String field, List<String> types) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isObject()) {
            throw new UnitConfigException(field, "must be an object with a \"type\", was " + node);
        }
        if (!node.has("type")) {
            throw new UnitConfigException(field + ".type", "is required; types are " + types);
        }
        String type = text(node.get("type"), field + ".type").toLowerCase(Locale.ROOT);
        if (!types.contains(type)) {
            throw new UnitConfigException(field + ".type", "unknown type \"" + type + "\"; types are " + types);
        }
        return type;
    }

    static void object(JsonNode node, String field, List<String> fields) {
        if (!node.isObject()) {
            throw new UnitConfigException(field, "must be a JSON object, was " + node);
        }
        List<String> unknown = new ArrayList<>();
        node.fieldNames().forEachRemaining(name -> {
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        });
        if (!unknown.isEmpty()) {
            throw new UnitConfigException(field + "." + unknown.get(0), "unknown field; the fields here are " + fields);
        }
    }

    private static int optionalInt(JsonNode node, String name, int otherwise, int min, int max) {
        String field = "hardware.display." + name;
        int value = node.has(name) ? integer(node.get(name), field) : otherwise;
        if (value < min || value > max) {
            throw new UnitConfigException(field, "must be " + min + "-" + max + ", was " + value);
        }
        return value;
    }

    static int integer(JsonNode node, String field) {
        if (!node.isInt()) {
            throw new UnitConfigException(field, "must be a whole number, was " + node);
        }
        return node.intValue();
    }

    private static boolean bool(JsonNode node, String field) {
        if (!node.isBoolean()) {
            throw new UnitConfigException(field, "must be true or false, was " + node);
        }
        return node.booleanValue();
    }

    static String text(JsonNode node, String field) {
        if (!node.isTextual()) {
            throw new UnitConfigException(field, "must be a text in double quotes, was " + node);
        }
        return node.textValue();
    }
}
