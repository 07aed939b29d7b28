package vn.motcua.device.link;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;

import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.transport.NoDelaySocketFactory;

/** The Paho settings every unit uses, in one place, with the reason for each. */
final class LinkOptions {

    static final int KEEP_ALIVE_SECONDS = 10;
    /** Paho's default backs off to 128 s; a unit should be back within seconds of the broker. */
    static final int MAX_RECONNECT_DELAY_MS = 2_000;
    /** Paho refuses publishes beyond this many in flight; its default of 10 is too few for a burst of presses. */
    static final int MAX_INFLIGHT = 100;

    private LinkOptions() {
    }

    static MqttConnectOptions connect(String statusTopic, byte[] offlineStatus, LinkSecurity security) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false); // commands and answers sent while the unit was away are still delivered
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(MAX_RECONNECT_DELAY_MS);
        options.setKeepAliveInterval(KEEP_ALIVE_SECONDS); // the broker notices a dead unit in ~15 s
        options.setConnectionTimeout(5);
        options.setMaxInflight(MAX_INFLIGHT);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setWill(statusTopic, offlineStatus, Protocol.QOS, true);
        security.applyTo(options); // credentials; for ssl:// a TLS socket factory in place of the plain one
        return options;
    }
}
