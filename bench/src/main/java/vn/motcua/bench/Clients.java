package vn.motcua.bench;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;

/** What every benchmark MQTT client does on the way out. */
final class Clients {

    private Clients() {
    }

    /** Disconnects (bounded) and closes {@code client}; a failure is reported, never thrown, at the end of a run. */
    static void close(MqttAsyncClient client, String name) {
        try {
            if (client.isConnected()) {
                client.disconnect(1_000).waitForCompletion(2_000);
            }
            client.close(true);
        } catch (MqttException e) {
            System.err.println("bench: closing " + name + ": " + e);
        }
    }
}
