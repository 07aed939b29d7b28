package vn.motcua.hub;

import java.nio.file.Path;
import java.util.Optional;

import vn.motcua.hub.site.Office;

/**
 * How to run one hub. With no {@code externalBrokerUrl} the hub starts its embedded broker on
 * {@code mqttHost:mqttPort}; otherwise it connects to that broker (e.g. Mosquitto). Port 0 picks a free port.
 */
public record HubSettings(Office office, Path dataDir, String mqttHost, int mqttPort, Optional<String> externalBrokerUrl,
                          String httpHost, int httpPort) {

    /** Everything on loopback and free ports, for tests and the demo. */
    public static HubSettings local(Office office, Path dataDir) {
        return new HubSettings(office, dataDir, "127.0.0.1", 0, Optional.empty(), "127.0.0.1", 0);
    }

    public HubSettings withExternalBroker(String url) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, Optional.of(url), httpHost, httpPort);
    }

    public HubSettings withPorts(int mqtt, int http) {
        return new HubSettings(office, dataDir, mqttHost, mqtt, externalBrokerUrl, httpHost, http);
    }

    public HubSettings withHosts(String mqtt, String http) {
        return new HubSettings(office, dataDir, mqtt, mqttPort, externalBrokerUrl, http, httpPort);
    }
}
