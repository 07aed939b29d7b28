package vn.motcua.bench;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.MqttClientPersistence;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;

import vn.motcua.protocol.transport.NoDelaySocketFactory;

/**
 * The hub minus its work: one Paho client, connected like the hub's gateway (TCP_NODELAY, 1,000 in flight), that
 * subscribes to every device's echo request topic and publishes each payload back, QoS 1, on that device's echo
 * response topic from the callback thread. A device's round trip through it is the bare broker round trip.
 */
final class EchoClient implements MqttCallback, AutoCloseable {

    private final MqttAsyncClient client;
    private final AtomicLong failures = new AtomicLong();

    /**
     * With {@code persistenceDir} present the client keeps its in-flight messages in files there, as the hub's gateway
     * does ({@link MqttDefaultFilePersistence} writes and fsyncs a file for every QoS 1 publish); otherwise in memory.
     */
    EchoClient(String brokerUrl, Optional<Path> persistenceDir) throws MqttException {
        client = new MqttAsyncClient(brokerUrl, "bench-echo", persistenceDir
                .<MqttClientPersistence>map(dir -> new MqttDefaultFilePersistence(dir.toString()))
                .orElseGet(MemoryPersistence::new));
        client.setCallback(this);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setCleanSession(true);
        options.setKeepAliveInterval(10);
        options.setMaxInflight(1_000);
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(LoadDevice.ECHO_ROOT + "+/req", 1).waitForCompletion(10_000);
    }

    long failures() {
        return failures.get();
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        try {
            client.publish(topic.substring(0, topic.length() - "req".length()) + "res", message.getPayload(), 1, false);
        } catch (MqttException e) {
            failures.incrementAndGet();
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.err.println("bench: echo client lost its connection: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void close() {
        Clients.close(client, "the echo client");
    }
}
