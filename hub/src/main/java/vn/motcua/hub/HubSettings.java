package vn.motcua.hub;

import java.nio.file.Path;
import java.util.Optional;

import vn.motcua.hub.broker.BrokerTls;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.writer.StatusLinks;

/**
 * How to run one hub. With no {@code externalBrokerUrl} the hub starts its embedded broker on
 * {@code mqttHost:mqttPort}; otherwise it connects to that broker (e.g. Mosquitto). Port 0 picks a free port.
 * {@code publicUrl}: the address citizens' phones reach the hub's web pages at (e.g. {@code http://192.168.1.10:8080});
 * when set, every issued ticket carries the link to its status page, printed as a QR code.
 * {@code passwordFile}: Mosquitto's password file; when set, the embedded broker lets in only the units it lists,
 * under the unit ACL (docs/operations.md).
 * {@code mqttTls}: the embedded broker then listens with TLS only, on {@code mqttHost} and the TLS port, and
 * {@code mqttPort} stays closed (docs/operations.md).
 */
public record HubSettings(Office office, Path dataDir, String mqttHost, int mqttPort, Optional<String> externalBrokerUrl,
                          String httpHost, int httpPort, Optional<String> publicUrl, Optional<Path> passwordFile,
                          Optional<BrokerTls> mqttTls) {

    public HubSettings {
        publicUrl.ifPresent(StatusLinks::at); // refuses a malformed address before anything starts
        if (passwordFile.isPresent() && externalBrokerUrl.isPresent()) {
            throw new IllegalArgumentException("--password-file is for the embedded broker; an external broker (--broker) "
                    + "checks passwords itself (Mosquitto: password_file)");
        }
        if (mqttTls.isPresent() && externalBrokerUrl.isPresent()) {
            throw new IllegalArgumentException("--tls-cert and --tls-key are for the embedded broker; an external broker "
                    + "(--broker) has its own (Mosquitto: certfile, keyfile)");
        }
    }

    /** Everything on loopback and free ports, for tests and the demo. */
    public static HubSettings local(Office office, Path dataDir) {
        return new HubSettings(office, dataDir, "127.0.0.1", 0, Optional.empty(), "127.0.0.1", 0, Optional.empty(),
                Optional.empty(), Optional.empty());
    }

    /** The same hub for another office profile (the demo binds the units it starts and scales their limits). */
    public HubSettings withOffice(Office other) {
        return new HubSettings(other, dataDir, mqttHost, mqttPort, externalBrokerUrl, httpHost, httpPort, publicUrl,
                passwordFile, mqttTls);
    }

    /** @throws IllegalArgumentException if {@code url} is not an http(s) address */
    public HubSettings withPublicUrl(String url) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, externalBrokerUrl, httpHost, httpPort, Optional.of(url),
                passwordFile, mqttTls);
    }

    public HubSettings withExternalBroker(String url) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, Optional.of(url), httpHost, httpPort, publicUrl,
                passwordFile, mqttTls);
    }

    /** The embedded broker lets in only the units in {@code file} (Mosquitto's format), under the unit ACL. */
    public HubSettings withPasswordFile(Path file) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, externalBrokerUrl, httpHost, httpPort, publicUrl,
                Optional.of(file), mqttTls);
    }

    /** The embedded broker listens with TLS only, with these PEM files. */
    public HubSettings withMqttTls(BrokerTls tls) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, externalBrokerUrl, httpHost, httpPort, publicUrl,
                passwordFile, Optional.of(tls));
    }

    /** The web pages listen on {@code host}:{@code port} (port 0: any free port). */
    public HubSettings withWeb(String host, int port) {
        return new HubSettings(office, dataDir, mqttHost, mqttPort, externalBrokerUrl, host, port, publicUrl,
                passwordFile, mqttTls);
    }

    /** The embedded broker listens on {@code host} (e.g. 0.0.0.0 for the LAN), in plain TCP on {@code port}. */
    public HubSettings withMqttListener(String host, int port) {
        return new HubSettings(office, dataDir, host, port, externalBrokerUrl, httpHost, httpPort, publicUrl,
                passwordFile, mqttTls);
    }
}
