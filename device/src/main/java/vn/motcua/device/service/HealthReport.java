package vn.motcua.device.service;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import vn.motcua.protocol.message.EventBody;

/**
 * What a unit says about itself in {@code health.json} and, in part, in its {@code health} event. The printer's
 * status is reported for a kiosk only, as {@code "unknown"} while none has been read (a simulated or one-way
 * printer).
 */
record HealthReport(String deviceId, String firmware, Instant updatedAt, Duration uptime, long heapUsedBytes,
        boolean linkConnected, int outboxDepth, boolean kiosk, Optional<EventBody.PrinterStatus> printerStatus,
        Map<String, Long> metrics) {

    private static final long MB = 1024 * 1024;

    /** The protocol's periodic health event. */
    EventBody.Health event() {
        return new EventBody.Health(uptime.toSeconds(), (int) (heapUsedBytes / MB), outboxDepth);
    }

    /** The file's JSON object, fields in a stable order for people reading it. */
    Map<String, Object> json() {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("v", 1);
        json.put("deviceId", deviceId);
        json.put("firmware", firmware);
        json.put("updatedAt", updatedAt.toString());
        json.put("uptimeSeconds", uptime.toSeconds());
        json.put("heapUsedMb", heapUsedBytes / MB);
        json.put("linkConnected", linkConnected);
        json.put("outboxDepth", outboxDepth);
        if (kiosk) {
            json.put("printer", printerStatus.<Object>map(s -> Map.of(
                    "paper", s.paper().name(), "coverOpen", s.coverOpen(), "online", s.online())).orElse("unknown"));
        }
        json.put("metrics", metrics);
        return json;
    }
}
