package vn.motcua.device.link;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.protocol.Protocol;

/**
 * What the link does when Paho calls back. Paho calls these on its callback thread and drops the connection if one
 * throws or blocks for long, so each method only publishes or subscribes without waiting, and hands everything else
 * to the {@link EventThread}.
 */
final class LinkCallbacks implements MqttCallbackExtended {

    private static final Logger log = LoggerFactory.getLogger(LinkCallbacks.class);
    /** What a broker grants in SUBACK when it refuses a subscription (e.g. an ACL denial). */
    private static final int SUBSCRIPTION_REFUSED = 0x80;

    private final String deviceId;
    private final MqttAsyncClient client;
    private final EventThread eventThread;
    private final String statusTopic;
    private final String responseTopic;
    private final Supplier<byte[]> onlineStatus;
    private final StateSubscriptions states;
    private final Consumer<byte[]> responses;
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    /** Completes when the first connect's subscriptions are confirmed; the link is usable from then on. */
    private final CompletableFuture<Void> firstSubscribed = new CompletableFuture<>();

    LinkCallbacks(String deviceId, MqttAsyncClient client, EventThread eventThread, String statusTopic,
                  String responseTopic, Supplier<byte[]> onlineStatus, StateSubscriptions states,
                  Consumer<byte[]> responses) {
        this.deviceId = deviceId;
        this.client = client;
        this.eventThread = eventThread;
        this.statusTopic = statusTopic;
        this.responseTopic = responseTopic;
        this.onlineStatus = onlineStatus;
        this.states = states;
        this.responses = responses;
    }

    CompletableFuture<Void> firstSubscribed() {
        return firstSubscribed;
    }

    void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        log.info("{}: connected to {}{}", deviceId, serverUri, reconnect ? " again" : "");
        try {
            client.publish(statusTopic, onlineStatus.get(), Protocol.QOS, true, null, new FailureListener(failure ->
                    log.warn("{}: could not publish online status: {}", deviceId, failure.toString())));
        } catch (MqttException e) {
            log.warn("{}: could not publish online status: {}", deviceId, e.toString());
        }
        List<String> topics = new ArrayList<>();
        topics.add(responseTopic);
        topics.addAll(states.topics());
        subscribe(topics);
        eventThread.execute(() -> connectionChanged(true));
    }

    @Override
    public void connectionLost(Throwable cause) {
        log.warn("{}: lost the broker ({}); reconnecting", deviceId, cause.toString());
        eventThread.execute(() -> connectionChanged(false));
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        if (topic.equals(responseTopic)) {
            eventThread.execute(() -> responses.accept(payload));
        } else {
            eventThread.execute(() -> {
                if (!states.deliver(topic, payload)) {
                    log.debug("{}: message on {} that nobody listens to", deviceId, topic);
                }
            });
        }
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // Delivery of requests is confirmed by their answers, not by PUBACK.
    }

    /** Subscribes without waiting; a failure is logged and repaired by the next connect's full resubscribe. */
    void subscribe(List<String> topics) {
        String[] filters = topics.toArray(String[]::new);
        int[] qos = new int[filters.length];
        Arrays.fill(qos, Protocol.QOS);
        try {
            client.subscribe(filters, qos, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    int[] granted = token.getGrantedQos();
                    for (int i = 0; i < granted.length && i < filters.length; i++) {
                        if (granted[i] == SUBSCRIPTION_REFUSED) {
                            log.error("{}: the broker refused the subscription to {}", deviceId, filters[i]);
                            if (filters[i].equals(responseTopic)) {
                                // Without its answers the unit cannot work; say so at start rather than time out later.
                                firstSubscribed.completeExceptionally(new LinkException(
                                        "the broker refused the subscription to " + responseTopic));
                            }
                        }
                    }
                    firstSubscribed.complete(null);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    log.warn("{}: subscribing to {} failed: {}", deviceId, topics, failure.toString());
                    firstSubscribed.completeExceptionally(failure);
                }
            });
        } catch (MqttException e) {
            log.debug("{}: not subscribed to {} now ({}); the next connect will", deviceId, topics, e.toString());
        }
    }

    private void connectionChanged(boolean online) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.connectionChanged(online);
            } catch (RuntimeException e) {
                log.error("{}: connection listener failed", deviceId, e);
            }
        }
    }
}
