package vn.motcua.hub.broker;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.SocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

/** A real Paho client logging in to the embedded broker with a user name and password, as a unit does. */
final class UnitClient implements AutoCloseable {

    private final MqttAsyncClient client;
    private final List<String> received = new CopyOnWriteArrayList<>();

    private UnitClient(MqttAsyncClient client) {
        this.client = client;
    }

    /** Connects as {@code clientId}; {@code user} null sends no credentials. */
    static UnitClient connect(String brokerUrl, String clientId, String user, String password) throws MqttException {
        return connect(brokerUrl, clientId, user, password, null);
    }

    /**
     * Connects through {@code sockets} (null: Paho's default), e.g. TLS sockets trusting a site CA; for ssl:// the
     * broker URL's host must be in the certificate, as for a unit.
     */
    static UnitClient connect(String brokerUrl, String clientId, String user, String password, SocketFactory sockets)
            throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(false);
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1); // the default would retry a refusal with 3.1
        if (sockets != null) {
            options.setSocketFactory(sockets);
            options.setHttpsHostnameVerificationEnabled(true); // as units do (device LinkSecurity)
        }
        if (user != null) {
            options.setUserName(user);
            options.setPassword(password.toCharArray());
        }
        try {
            client.connect(options).waitForCompletion(5_000);
        } catch (MqttException refused) {
            client.close();
            throw refused;
        }
        return new UnitClient(client);
    }

    static UnitClient connect(String brokerUrl, String user, String password) throws MqttException {
        return connect(brokerUrl, user, user, password);
    }

    /** Subscribes and returns the QoS the broker granted (128: refused). */
    int subscribe(String filter) throws MqttException {
        IMqttToken token = client.subscribe(filter, 1, (topic, message) ->
                received.add(topic + " " + new String(message.getPayload(), StandardCharsets.UTF_8)));
        token.waitForCompletion(5_000);
        return token.getGrantedQos()[0];
    }

    /** Publishes at QoS 1 without waiting: the broker does not acknowledge a message the ACL refuses. */
    void publish(String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, 1, false);
    }

    /** Every message received so far, as {@code "topic payload"}. */
    List<String> received() {
        return received;
    }

    boolean isConnected() {
        return client.isConnected();
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            // no quiescing: a message the ACL refused is never acknowledged and would hold the disconnect 30 s
            client.disconnect(0).waitForCompletion(5_000);
        }
        client.close();
    }
}
