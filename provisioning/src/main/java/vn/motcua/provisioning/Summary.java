package vn.motcua.provisioning;

import vn.motcua.device.config.BrokerSecurity;
import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.ScannerConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/** What a unit config sets up, in the words an installer checks against the office's plan. */
final class Summary {

    private Summary() {
    }

    static String of(UnitConfig config) {
        String statusTopic = Topics.forSite(config.site()).device(config.deviceId(), DeviceChannel.STATUS);
        String ownTopics = statusTopic.substring(0, statusTopic.length() - DeviceChannel.STATUS.segment().length()) + "#";
        StringBuilder text = new StringBuilder();
        line(text, "unit", config.deviceId() + " at site " + config.site());
        line(text, "roles", config.roles().toString());
        config.counter().ifPresent(counter -> line(text, "counter", String.valueOf(counter)));
        if (!config.services().isEmpty()) {
            line(text, "keys", String.join(", ", config.services()));
        }
        line(text, "broker", config.brokerUrl() + " as client " + config.deviceId() + ", topics " + ownTopics);
        BrokerSecurity security = config.security();
        line(text, "login", security.passwordFile().map(file -> "as " + security.usernameFor(config.deviceId())
                + " with the password in " + file).orElse("anonymous (no passwordFile)"));
        security.caFile().ifPresent(ca -> line(text, "tls", "trusts the site CA in " + ca + ", host name checked"));
        line(text, "data", config.dataDir().toString());
        line(text, "timeout", config.requestTimeout().toMillis() + " ms");
        config.officeName().ifPresent(name -> line(text, "office", name));
        HardwareConfig hardware = config.hardware();
        hardware.printer().ifPresent(printer -> line(text, "printer", printer(printer)));
        hardware.display().ifPresent(display -> line(text, "display", display(display)));
        if (!hardware.keys().isEmpty()) {
            StringBuilder keys = new StringBuilder();
            hardware.keys().forEach((key, pins) -> keys.append(keys.isEmpty() ? "" : ", ").append(key).append(" GPIO ")
                    .append(pins.pin()).append(pins.led().map(led -> " (LED " + led + ")").orElse("")));
            line(text, "staff", keys + " on " + hardware.gpioChip());
        }
        hardware.scanner().device().ifPresent(scanner -> line(text, "scanner", switch (scanner) {
            case ScannerConfig.Serial serial -> "serial " + serial.port() + " at " + serial.baud() + " baud";
            case ScannerConfig.Evdev evdev -> "HID keyboard " + evdev.device();
        }));
        if (hardware.keypad().wired()) {
            line(text, "rating", hardware.keypad().levels().stream().map(level -> level.label()
                    + level.key().map(key -> " GPIO " + key.pin()).orElse("")).toList().toString());
        }
        if (!hardware.kioskKeys().services().isEmpty()) {
            line(text, "services", hardware.kioskKeys().services().entrySet().stream()
                    .map(key -> key.getKey() + " GPIO " + key.getValue().pin()).toList().toString()
                    + hardware.kioskKeys().priority().map(p -> ", priority " + p.priorityClass() + " GPIO "
                    + p.key().pin()).orElse(""));
        }
        hardware.touchScreen().ifPresent(touch -> line(text, "touch", "page on http://127.0.0.1:" + touch.port() + "/"));
        return text.toString();
    }

    private static String printer(HardwareConfig.Printer printer) {
        String line = printer.serial().map(s -> "ESC/POS on serial " + printer.device() + " at " + s.baud() + " baud, "
                + s.flowControl().configName()).orElse("ESC/POS on " + printer.device());
        return line + ", " + printer.paperMm() + " mm, QR " + (printer.nativeQr() ? "native (GS ( k)" : "in the raster");
    }

    private static String display(HardwareConfig.Display display) {
        return switch (display) {
            case HardwareConfig.Max7219 m -> "MAX7219 on SPI " + m.spiBus() + "." + m.spiChannel() + ", intensity "
                    + m.intensity();
            case HardwareConfig.Hd44780 h -> String.format("HD44780 %dx%d on I2C bus %d at 0x%02X", h.columns(),
                    h.rows(), h.i2cBus(), h.address());
        };
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-8s %s%n", label, value));
    }
}
