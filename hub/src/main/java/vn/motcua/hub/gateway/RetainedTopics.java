package vn.motcua.hub.gateway;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.topic.Topics;

/**
 * The retained topics the hub owns (every counter's state, the board, the catalogue, its own presence), each with
 * the payload last published, so that all of them go out again whenever the hub's client (re)connects: a broker
 * restarted without persistence (Mosquitto's default) has forgotten them, and units would otherwise show nothing
 * until the next change. The map holds one entry per topic (counters + 2), so it stays small.
 *
 * <p>Threads: the writer thread publishes state, Paho's callback thread republishes on connect. Both go through
 * this object's lock, so a republish never sends a payload older than one published after it. While the client is
 * disconnected a change is only remembered: publishing it then would land in Paho's disconnected buffer, which is
 * flushed on its own thread and could overtake the republish with a stale payload.
 */
final class RetainedTopics {

    /** Where the messages go: the gateway's MQTT client, QoS 1, retained. */
    interface Sink {
        boolean connected();

        void publishRetained(String topic, byte[] payload);
    }

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final Sink sink;
    private final Codec codec = new Codec();
    private final String presenceTopic;
    private final String firmware;
    private final Map<String, byte[]> last = new LinkedHashMap<>();
    private boolean online;

    RetainedTopics(Topics topics, Sink sink) {
        this.sink = sink;
        this.presenceTopic = topics.hubStatus();
        this.firmware = firmwareVersion();
    }

    /** The hub's will and clean goodbye: {@code {"v":1,"online":false}}. */
    byte[] offline() {
        return codec.encodeState(DeviceStatus.offline());
    }

    String presenceTopic() {
        return presenceTopic;
    }

    /** Publishes {@code payload} on the retained {@code topic} now if connected, and again after every reconnect. */
    synchronized void publish(String topic, byte[] payload) {
        last.put(topic, payload);
        if (sink.connected()) {
            sink.publishRetained(topic, payload);
        }
    }

    /**
     * The hub takes requests: says so on its presence topic, and from now on after every reconnect too. State goes
     * out before presence, so a unit that hears "online" already has the current state.
     */
    synchronized void online() {
        online = true;
        if (sink.connected()) {
            publishPresence();
        }
    }

    /** The hub is shutting down: a reconnect from now on must not say it is online. */
    synchronized void closing() {
        online = false;
    }

    /**
     * The broker delivered the hub's own presence: if it says offline while this hub serves and is connected, a
     * stale will overtook it (a takeover of the hub's session, a loss handled late), so say "online" again.
     * {@code payload} is whatever came on the topic; anything but a valid online status counts as offline.
     */
    synchronized void presenceHeard(byte[] payload) {
        boolean saysOnline;
        try {
            saysOnline = payload.length > 0 && codec.decodeState(payload, DeviceStatus.class).online();
        } catch (ProtocolException e) {
            saysOnline = false;
        }
        if (!saysOnline && online && sink.connected()) {
            publishPresence();
        }
    }

    /** After a (re)connect: every retained topic again, then the presence if the hub is serving. */
    synchronized void republish() {
        last.forEach(sink::publishRetained);
        if (online) {
            publishPresence();
        }
    }

    private void publishPresence() {
        sink.publishRetained(presenceTopic, codec.encodeState(new DeviceStatus(true, Optional.empty(),
                Optional.of(firmware), Optional.of(OffsetDateTime.now(OFFICE_ZONE)))));
    }

    private static String firmwareVersion() {
        String version = RetainedTopics.class.getPackage().getImplementationVersion();
        return "motcua-hub " + (version == null ? "dev" : version);
    }
}
