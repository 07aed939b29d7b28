package vn.motcua.hub.broker;

import java.nio.file.Path;
import java.util.Objects;

/**
 * The embedded broker's TLS listener: the broker certificate (PEM, leaf first, any intermediates after it) and its
 * unencrypted PKCS#8 private key — the {@code hub.pem}/{@code hub.key} docs/operations.md makes for Mosquitto — and
 * the port to listen on (0: any free one).
 */
public record BrokerTls(Path certFile, Path keyFile, int port) {

    public BrokerTls {
        Objects.requireNonNull(certFile, "certFile");
        Objects.requireNonNull(keyFile, "keyFile");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("--mqtt-tls-port " + port + " is not a TCP port");
        }
    }
}
