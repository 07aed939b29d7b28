package vn.motcua.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import javax.net.SocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/**
 * One simulated unit for the latency benchmark: a bare Paho {@link MqttAsyncClient} of its own (like the hub tests'
 * RawDevice), publishing QoS 1 on its own {@code dev/{id}/req} and reading {@code dev/{id}/res}; for the broker floor
 * also an echo pair of topics outside the site. Every message that arrives is handed, with its arrival time taken
 * first, to the {@link Receiver}.
 */
final class LoadDevice implements MqttCallback, AutoCloseable {

    /** Echo topics for the bare broker round trip: {@code motcua-bench/echo/{id}/req} and {@code …/res}. */
    static final String ECHO_ROOT = "motcua-bench/echo/";

    interface Receiver {
        /** A response on the device's res topic ({@code echo} false) or an echoed request ({@code echo} true). */
        void received(LoadDevice device, boolean echo, byte[] payload, long arrivedNanos);
    }

    /** Counter number for counter units, 0 for kiosks. */
    final int counter;
    final String id;
    final String requestTopic;
    final String echoRequestTopic;
    private final String responseTopic;
    private final String echoResponseTopic;
    private final String stateTopic;
    private final String hubStatusTopic;
    private final MqttAsyncClient client;
    private final Receiver receiver;
    private final AtomicLong stateMessages;

    LoadDevice(String brokerUrl, Topics topics, String id, int counter, Receiver receiver, AtomicLong stateMessages)
            throws MqttException {
        this.id = id;
        this.counter = counter;
        this.receiver = receiver;
        this.stateMessages = stateMessages;
        this.requestTopic = topics.device(id, DeviceChannel.REQUEST);
        this.responseTopic = topics.device(id, DeviceChannel.RESPONSE);
        this.echoRequestTopic = ECHO_ROOT + id + "/req";
        this.echoResponseTopic = ECHO_ROOT + id + "/res";
        this.stateTopic = counter > 0 ? topics.counterState(counter) : topics.services();
        this.hubStatusTopic = topics.hubStatus();
        this.client = new MqttAsyncClient(brokerUrl, id, new MemoryPersistence());
        client.setCallback(this);
    }

    /** Starts connecting; the token completes when connected. */
    /**
     * Connects every unit at once, then subscribes every one ({@link #subscribe}), waiting for all of each step: a
     * hundred units come up in about a second instead of one after another.
     */
    static void connectAll(List<LoadDevice> units, SocketFactory sockets, boolean followState) throws MqttException {
        List<IMqttToken> tokens = new ArrayList<>();
        for (LoadDevice unit : units) {
            tokens.add(unit.connect(sockets));
        }
        for (IMqttToken token : tokens) {
            token.waitForCompletion(30_000);
        }
        tokens.clear();
        for (LoadDevice unit : units) {
            tokens.add(unit.subscribe(followState));
        }
        for (IMqttToken token : tokens) {
            token.waitForCompletion(30_000);
        }
    }

    IMqttToken connect(SocketFactory sockets) throws MqttException {
        return connect(sockets, 100);
    }

    /** Starts connecting with at most {@code maxInflight} QoS 1 publishes unacknowledged. */
    IMqttToken connect(SocketFactory sockets, int maxInflight) throws MqttException {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(sockets);
        options.setCleanSession(true);
        options.setKeepAliveInterval(10);
        options.setMaxInflight(maxInflight);
        options.setConnectionTimeout(10);
        return client.connect(options);
    }

    /**
     * Subscribes to its response and echo topics and, with {@code followState}, to the retained state a real unit of
     * its kind follows (kiosk: services; counter unit: its counter's state) and the hub's presence.
     */
    IMqttToken subscribe(boolean followState) throws MqttException {
        return followState
                ? client.subscribe(new String[] {responseTopic, echoResponseTopic, stateTopic, hubStatusTopic},
                        new int[] {1, 1, 1, 1})
                : client.subscribe(new String[] {responseTopic, echoResponseTopic}, new int[] {1, 1});
    }

    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        if (topic.equals(responseTopic)) {
            receiver.received(this, false, message.getPayload(), now);
        } else if (topic.equals(echoResponseTopic)) {
            receiver.received(this, true, message.getPayload(), now);
        } else {
            stateMessages.incrementAndGet();
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.err.println("bench: " + id + " lost its connection: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void close() {
        Clients.close(client, id);
    }
}
