package vn.motcua.hub.gateway;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;

/**
 * A bare MQTT client speaking the wire format by hand, to send the hub anything — valid requests, broken bytes —
 * and read what it answers and retains. Test harness on a real broker.
 */
final class RawDevice implements AutoCloseable {

    private final MqttAsyncClient client;
    private final Topics topics;
    private final String deviceId;
    private final Codec codec = new Codec();
    private final BlockingQueue<byte[]> responses = new LinkedBlockingQueue<>();
    private final Map<String, byte[]> retained = new ConcurrentHashMap<>();

    RawDevice(String brokerUrl, String site, String deviceId) throws MqttException {
        this.topics = Topics.forSite(site);
        this.deviceId = deviceId;
        this.client = new MqttAsyncClient(brokerUrl, deviceId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setMaxInflight(1000);
        for (int attempt = 1; ; attempt++) {
            try {
                connectAndSubscribe(options);
                return;
            } catch (MqttException e) {
                // Moquette can drop a connection whose SUBSCRIBE races its CONNECT handling ("SUBSCRIBE received on
                // already closed connection"); a unit's link reconnects by itself, this bare client tries again.
                if (e.getReasonCode() != MqttException.REASON_CODE_CONNECTION_LOST || attempt == 3) {
                    throw e;
                }
            }
        }
    }

    private void connectAndSubscribe(MqttConnectOptions options) throws MqttException {
        if (!client.isConnected()) {
            client.connect(options).waitForCompletion(5_000);
        }
        client.subscribe(topics.device(deviceId, DeviceChannel.RESPONSE), 1,
                (topic, message) -> responses.add(message.getPayload())).waitForCompletion(5_000);
        client.subscribe(new String[] {topics.board(), topics.services(), topics.everyCounterState(), topics.hubStatus()},
                new int[] {1, 1, 1, 1}, new org.eclipse.paho.client.mqttv3.IMqttMessageListener[] {this::keep, this::keep,
                    this::keep, this::keep}).waitForCompletion(5_000);
    }

    private void keep(String topic, org.eclipse.paho.client.mqttv3.MqttMessage message) {
        retained.put(topic, message.getPayload());
    }

    void sendRaw(byte[] payload) throws MqttException {
        client.publish(topics.device(deviceId, DeviceChannel.REQUEST), payload, 1, false);
    }

    void sendRaw(String payload) throws MqttException {
        sendRaw(payload.getBytes(StandardCharsets.UTF_8));
    }

    void publishStatus(byte[] payload) throws MqttException {
        client.publish(topics.device(deviceId, DeviceChannel.STATUS), payload, 1, true);
    }

    void publishEvent(byte[] payload) throws MqttException {
        client.publish(topics.device(deviceId, DeviceChannel.EVENT), payload, 1, false);
    }

    Response send(Request request) throws MqttException, InterruptedException {
        sendRaw(codec.encode(request));
        return nextResponse();
    }

    Response nextResponse() throws InterruptedException {
        byte[] payload = responses.poll(10, TimeUnit.SECONDS);
        if (payload == null) {
            throw new AssertionError("no response from the hub within 10 s");
        }
        return codec.decodeResponse(payload);
    }

    /** Answers received and not yet taken by {@link #nextResponse()}. */
    int unreadResponses() {
        return responses.size();
    }

    byte[] lastRetained(String topic) {
        return retained.get(topic);
    }

    Topics topics() {
        return topics;
    }

    static Duration timeout() {
        return Duration.ofSeconds(10);
    }

    @Override
    public void close() throws MqttException {
        client.disconnect().waitForCompletion(5_000);
        client.close();
    }
}
