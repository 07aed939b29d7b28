package vn.motcua.hub.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.EventType;

/**
 * What units report without asking: presence (retained status, the broker's will when a unit drops) and events
 * (printer paper, health). Counted in /metrics and logged where staff should act (paper low or out). Per unit, the
 * latest facts are gauges: {@code motcua_device_outbox_depth{device="…"}} (messages a unit holds for the hub: a
 * rising figure means it cannot get through), {@code motcua_device_heap_used_mb}, {@code motcua_device_uptime_seconds}
 * from its health event, and {@code motcua_printer_paper{device="…"}} (0 ok, 1 low, 2 out), and how long ago each
 * unit was last heard from ({@link SeenUnits}, which also caps how many units get per-unit series).
 * Called on Paho's callback thread; the maps are concurrent because /metrics reads them.
 */
final class DeviceFacts {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFacts.class);

    private final Codec codec = new Codec();
    private final Metrics metrics;
    private final Map<String, Boolean> online = new ConcurrentHashMap<>();
    private final Map<String, EventBody.Health> health = new ConcurrentHashMap<>();
    private final Map<String, EventBody.Paper> paper = new ConcurrentHashMap<>();
    private final SeenUnits seen;

    DeviceFacts(Metrics metrics) {
        this.metrics = metrics;
        this.seen = new SeenUnits(metrics);
        metrics.gauge("motcua_devices_online", () -> online.values().stream().filter(Boolean::booleanValue).count());
        metrics.gauge("motcua_devices_known", () -> (long) online.size());
    }

    /**
     * Keeps per-unit series for the office's units only ({@code units}: the profile's list): an unlisted client that
     * publishes on a unit topic is refused by the writer and must not get series of its own. Set before subscribing.
     */
    void onlyFor(Predicate<String> units) {
        seen.onlyFor(units);
    }

    /** {@code deviceId} sent a request. */
    void request(String deviceId) {
        seen.heard(deviceId);
    }

    void status(String deviceId, byte[] payload) {
        if (payload.length == 0) {
            online.remove(deviceId); // a cleared retained status: the unit was removed
            return;
        }
        try {
            DeviceStatus status = codec.decodeState(payload, DeviceStatus.class);
            // an offline status is the broker's will (or the unit's goodbye): not a sign of life
            if (!(status.online() ? seen.heard(deviceId) : seen.track(deviceId))) {
                return;
            }
            Boolean before = online.put(deviceId, status.online());
            if (before == null || before != status.online()) {
                LOG.info("unit {} is {}", deviceId, status.online() ? "online" : "offline");
            }
        } catch (ProtocolException e) {
            metrics.increment("motcua_device_messages_rejected_total", "code", e.code().name());
            LOG.warn("unit {} published an invalid status: {}", deviceId, e.getMessage());
        }
    }

    void event(String deviceId, byte[] payload) {
        try {
            Event event = codec.decodeEvent(payload);
            metrics.increment("motcua_device_events_total", "type", EventType.of(event.body()).wireName());
            if (!seen.heard(deviceId)) {
                return;
            }
            switch (event.body()) {
                case EventBody.PrinterStatus printer -> printer(deviceId, printer);
                case EventBody.Health report -> health(deviceId, report);
            }
        } catch (ProtocolException e) {
            metrics.increment("motcua_device_messages_rejected_total", "code", e.code().name());
            LOG.warn("unit {} published an invalid event: {}", deviceId, e.getMessage());
        }
    }

    private void printer(String deviceId, EventBody.PrinterStatus printer) {
        if (paper.put(deviceId, printer.paper()) == null) {
            metrics.gauge(series("motcua_printer_paper", deviceId), () -> paper.get(deviceId).ordinal());
        }
        if (printer.paper() != EventBody.Paper.OK) {
            LOG.warn("unit {}: printer paper {}", deviceId, printer.paper());
        }
    }

    private void health(String deviceId, EventBody.Health report) {
        if (health.put(deviceId, report) == null) {
            metrics.gauge(series("motcua_device_outbox_depth", deviceId), () -> health.get(deviceId).outboxDepth());
            metrics.gauge(series("motcua_device_heap_used_mb", deviceId), () -> health.get(deviceId).heapUsedMb());
            metrics.gauge(series("motcua_device_uptime_seconds", deviceId),
                    () -> health.get(deviceId).uptimeSeconds());
        }
    }

    /** A per-unit series; device ids are lower-case letters, digits, '-' and '_' (the topic rule), safe in a label. */
    static String series(String name, String deviceId) {
        return name + "{device=\"" + deviceId + "\"}";
    }
}
