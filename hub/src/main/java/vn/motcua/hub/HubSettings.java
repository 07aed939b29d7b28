package vn.motcua.hub;

import java.nio.file.Path;
import java.util.Optional;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.writer.StatusLinks;

/**
 * How to run one hub. With no {@code externalBrokerUrl} the hub starts its embedded broker on
 * {@code mqttHost:mqttPort}; otherwise it connects to that broker (e.g. Mosquitto). Port 0 picks a free port.
 * {@code publicUrl}: the address citizens' phones reach the hub's web pages at (e.g. {@code http://192.168.1.10:8080});
 * when set, every issued ticket carries the link to its status page, printed as a QR code.
 */
public record HubSettings(Office office, Path dataDir, String mqttHost, int mqttPort, Optional<String> externalBrokerUrl,
                          String httpHost, int httpPort, Optional<String> publicUrl) {

    public HubSettings {
        publicUrl.ifPresent(StatusLinks::at); // refuses a malformed address before anything starts
    }

    /** Everything on loopback and free ports, for tests and the demo. */
    public static HubSettings local(Office office, Path dataDir) {
        return new HubSettings(office, dataDir, "127.0.0.1", 0, Optional.empty(), "127.0.0.1", 0, Optional.empty());
    }

    /** @throws IllegalArgumentException if {@code url} is not an http(s) address */
    public HubSettings withPublicUrl(String url) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, externalBrokerUrl, httpHost, httpPort, Optional.of(url));
    }

    public HubSettings withExternalBroker(String url) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, Optional.of(url), httpHost, httpPort, publicUrl);
    }
}
