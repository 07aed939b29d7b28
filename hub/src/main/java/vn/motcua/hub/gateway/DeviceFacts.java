package vn.motcua.hub.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

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
 * (printer paper, health). Counted in /metrics and logged where staff should act (paper low or out).
 * Called on Paho's callback thread; the presence map is concurrent because /metrics reads it.
 */
final class DeviceFacts {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceFacts.class);

    private final Codec codec = new Codec();
    private final Metrics metrics;
    private final Map<String, Boolean> online = new ConcurrentHashMap<>();

    DeviceFacts(Metrics metrics) {
        this.metrics = metrics;
        metrics.gauge("motcua_devices_online", () -> online.values().stream().filter(Boolean::booleanValue).count());
        metrics.gauge("motcua_devices_known", () -> (long) online.size());
    }

    void status(String deviceId, byte[] payload) {
        if (payload.length == 0) {
            online.remove(deviceId); // a cleared retained status: the unit was removed
            return;
        }
        try {
            DeviceStatus status = codec.decodeState(payload, DeviceStatus.class);
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
            if (event.body() instanceof EventBody.PrinterStatus printer && printer.paper() != EventBody.Paper.OK) {
                LOG.warn("unit {}: printer paper {}", deviceId, printer.paper());
            }
        } catch (ProtocolException e) {
            metrics.increment("motcua_device_messages_rejected_total", "code", e.code().name());
            LOG.warn("unit {} published an invalid event: {}", deviceId, e.getMessage());
        }
    }
}
