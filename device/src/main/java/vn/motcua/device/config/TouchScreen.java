package vn.motcua.device.config;

import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The {@code hardware.touchScreen} section of a kiosk: the kiosk serves its touch page on {@code 127.0.0.1:port} for
 * the Chromium in kiosk mode on its own screen. Absent: no touch page (service keys or the terminal only).
 *
 * @param port the local TCP port, 1024-65535 (the unit runs unprivileged, so it cannot bind lower ones)
 */
public record TouchScreen(int port) {

    public static final int DEFAULT_PORT = 8081;
    private static final String FIELD = "hardware.touchScreen";

    public TouchScreen {
        if (port < 1024 || port > 65_535) {
            throw new UnitConfigException(FIELD + ".port", "must be 1024-65535 (the unit runs without root), was "
                    + port);
        }
    }

    void toJson(ObjectNode hardware) {
        hardware.putObject("touchScreen").put("port", port);
    }

    static Optional<TouchScreen> fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        HardwareConfig.object(node, FIELD, List.of("port"));
        if (!node.has("port")) {
            throw new UnitConfigException(FIELD + ".port", "is required: the local port of the touch page, e.g. "
                    + DEFAULT_PORT);
        }
        return Optional.of(new TouchScreen(HardwareConfig.integer(node.get("port"), FIELD + ".port")));
    }
}
