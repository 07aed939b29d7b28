package vn.motcua.demo.chaos;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/**
 * Duplicate deliveries: a plain client on the broker that captures every unit's requests as published and, on
 * {@link #duplicate}, publishes captured ones again — same topic, same bytes, same request id — as a broker or a
 * network that delivers twice would. Reconnects and subscribes again by itself after a broker restart.
 *
 * <p>Threads: Paho's callback thread captures; the fault thread duplicates.
 */
final class Duplicator implements MqttCallbackExtended, AutoCloseable {

    /** A request as captured: where it was published and its bytes. */
    private record Captured(String topic, byte[] payload) {
    }

    private final MqttAsyncClient client;
    private final String filter;
    private final Map<String, List<Captured>> byTopic = new LinkedHashMap<>();
    private final List<String> done = new ArrayList<>();

    private Duplicator(MqttAsyncClient client, String filter) {
        this.client = client;
        this.filter = filter;
    }

    static Duplicator start(String brokerUrl) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "chaos-duplicator", new MemoryPersistence());
        Duplicator duplicator = new Duplicator(client,
                Topics.forSite(ChaosSite.site()).everyDevice(DeviceChannel.REQUEST));
        client.setCallback(duplicator);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1_000);
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(10_000);
        return duplicator;
    }

    /** Publishes one captured request of each unit again, chosen by {@code random}; returns what it sent. */
    synchronized List<String> duplicate(Random random) {
        List<String> sent = new ArrayList<>();
        for (List<Captured> captured : byTopic.values()) {
            Captured request = captured.get(random.nextInt(captured.size()));
            try {
                client.publish(request.topic(), request.payload(), 1, false);
                sent.add(request.topic() + " " + Codec.preview(request.payload()));
            } catch (MqttException e) {
                sent.add(request.topic() + ": not republished (" + e.getMessage() + ")");
            }
        }
        done.addAll(sent);
        return sent;
    }

    /** Every duplicate sent so far, for failure messages. */
    synchronized List<String> sent() {
        return List.copyOf(done);
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            // the next connect subscribes again
        }
    }

    @Override
    public synchronized void messageArrived(String topic, MqttMessage message) {
        byTopic.computeIfAbsent(topic, t -> new ArrayList<>()).add(new Captured(topic, message.getPayload()));
    }

    @Override
    public void connectionLost(Throwable cause) {
        // automatic reconnect
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // nothing waits for it
    }

    @Override
    public void close() throws MqttException {
        client.disconnectForcibly(0, 1_000);
        client.close();
    }
}
