package vn.motcua.device;

import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;

/**
 * Reads what the broker has retained on a topic, as a unit booting now would see it: a fresh client subscribes and
 * takes the first message flagged retained. Proves retention itself, not just that something was published.
 */
public final class Retained {

    private static final Codec CODEC = new Codec();

    private Retained() {
    }

    /** The retained message on {@code topic}, or empty when the broker holds none (waits briefly to be sure). */
    public static Optional<byte[]> read(String brokerUrl, String topic) throws MqttException, InterruptedException {
        MqttClient client = new MqttClient(brokerUrl, "reader-" + UUID.randomUUID(), new MemoryPersistence());
        try {
            MqttConnectOptions options = new MqttConnectOptions();
            options.setCleanSession(true);
            client.connect(options);
            CompletableFuture<byte[]> retained = new CompletableFuture<>();
            client.subscribe(topic, 1, (t, message) -> {
                if (message.isRetained()) {
                    retained.complete(message.getPayload());
                }
            });
            return Optional.of(retained.get(300, TimeUnit.MILLISECONDS));
        } catch (TimeoutException noneRetained) {
            return Optional.empty();
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        } finally {
            if (client.isConnected()) {
                client.disconnect();
            }
            client.close();
        }
    }

    /** The device's retained status, if it has one. */
    public static Optional<DeviceStatus> status(String brokerUrl, String statusTopic)
            throws MqttException, InterruptedException {
        return read(brokerUrl, statusTopic).map(payload -> CODEC.decodeState(payload, DeviceStatus.class));
    }
}
