package vn.motcua.device.link;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;

/**
 * Whether the hub can be reached: the unit's link to the broker is up and the hub's retained presence
 * ({@code hub/status}, docs/protocol.md §5) says online. The broker publishes the hub's will there the moment the
 * hub's connection drops, so a unit knows within seconds that nobody will answer, instead of learning it from a
 * timeout per key press.
 *
 * <p>Before any presence has been heard (a hub older than the presence topic, a stand-in hub) the hub counts as
 * reachable while the link is up, as before the topic existed. Once one has been heard, every (re)connect waits for
 * it again: the broker sends the retained presence right after the unit subscribes, and a broker restarted without
 * persistence has none until a connected hub publishes it again — so until then the hub counts as gone.
 *
 * <p>Threads: everything runs on the link's event thread; {@link #saysGone()} may be read from any.
 */
final class HubPresence implements ConnectionListener {

    private static final Logger log = LoggerFactory.getLogger(HubPresence.class);

    private final String deviceId;
    private final Codec codec = new Codec();
    private final List<HubListener> listeners = new CopyOnWriteArrayList<>();
    private final EventThread eventThread;
    private boolean connected;
    private volatile boolean everHeard;
    /** Whether the presence heard since the last connect says online; false until one is heard. */
    private volatile boolean onlineSinceConnect;
    private boolean reachable;

    HubPresence(String deviceId, EventThread eventThread) {
        this.deviceId = deviceId;
        this.eventThread = eventThread;
    }

    /**
     * Whether the hub's presence says it is gone (or has not come back since a reconnect): a request that needs it
     * is refused without being sent. The link's own state is the MQTT client's, checked by the caller: it is current
     * even before the event thread hears of a change.
     */
    boolean saysGone() {
        return everHeard && !onlineSinceConnect;
    }

    /** Adds a listener and tells it the current value, on the event thread. */
    void add(HubListener listener) {
        listeners.add(listener);
        eventThread.execute(() -> listener.hubChanged(reachable));
    }

    @Override
    public void connectionChanged(boolean online) {
        connected = online;
        onlineSinceConnect = false;
        update();
    }

    /** The retained {@code hub/status} arrived (again); an empty payload (a cleared presence) counts as offline. */
    void heard(byte[] payload) {
        boolean online;
        try {
            online = payload.length > 0 && codec.decodeState(payload, DeviceStatus.class).online();
        } catch (ProtocolException e) {
            log.warn("{}: ignored a malformed hub presence ({}): {}", deviceId, e.getMessage(), Codec.preview(payload));
            return;
        }
        everHeard = true;
        onlineSinceConnect = online;
        update();
    }

    private void update() {
        boolean now = connected && !saysGone();
        if (now == reachable) {
            return;
        }
        reachable = now;
        log.info("{}: the hub is {}", deviceId, now ? "reachable" : "unreachable (" + (connected
                ? "no online presence" : "the link is down") + ")");
        for (HubListener listener : listeners) {
            try {
                listener.hubChanged(now);
            } catch (RuntimeException e) {
                log.error("{}: hub listener failed", deviceId, e);
            }
        }
    }
}
