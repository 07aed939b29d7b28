package vn.motcua.device.link;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The retained topics the roles listen to, remembered so every (re)connect subscribes them again: a broker that
 * lost its sessions still sends the unit the current state. Registered from any thread; delivered on the link's
 * event thread.
 */
final class StateSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(StateSubscriptions.class);

    private final Map<String, List<Consumer<byte[]>>> listeners = new ConcurrentHashMap<>();

    void add(String topic, Consumer<byte[]> listener) {
        listeners.computeIfAbsent(topic, t -> new CopyOnWriteArrayList<>()).add(listener);
    }

    List<String> topics() {
        return List.copyOf(listeners.keySet());
    }

    /** Hands the payload to every listener of the topic; a failing listener is logged and does not stop the others. */
    boolean deliver(String topic, byte[] payload) {
        List<Consumer<byte[]>> forTopic = listeners.get(topic);
        if (forTopic == null) {
            return false;
        }
        for (Consumer<byte[]> listener : forTopic) {
            try {
                listener.accept(payload);
            } catch (RuntimeException e) {
                log.error("listener on {} failed; the link carries on", topic, e);
            }
        }
        return true;
    }
}
