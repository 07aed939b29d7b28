package vn.motcua.device.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.testkit.Mosquitto;
import vn.motcua.testkit.Commands;

/**
 * A real Mosquitto configured as docs/operations.md tells an office to configure it: for units a TLS listener with a
 * certificate of a throwaway site CA, no anonymous clients, a password file and the unit ACL ({@code pattern … %u});
 * for the hub on the same machine a plain loopback listener. A second TLS listener presents a certificate that does
 * not name 127.0.0.1, to show that host names are checked. Certificates are made with openssl, passwords with
 * mosquitto_passwd, as an administrator would.
 */
final class SecureMosquitto implements AutoCloseable {

    /** The throwaway PKI of one test class: made once, since openssl takes ~50 ms a key. */
    record Pki(Path siteCa, Path foreignCa, Path serverCert, Path serverKey, Path wrongNameCert, Path wrongNameKey) {

        static Pki make(Path dir) throws IOException {
            Files.createDirectories(dir);
            Pki pki = new Pki(dir.resolve("ca.pem"), dir.resolve("foreign-ca.pem"), dir.resolve("server.pem"),
                    dir.resolve("server.key"), dir.resolve("wrong-name.pem"), dir.resolve("wrong-name.key"));
            selfSigned(dir, "ca", "motcua test site CA");
            selfSigned(dir, "foreign-ca", "someone else's CA");
            issued(dir, "server", "localhost", "IP:127.0.0.1,DNS:localhost");
            issued(dir, "wrong-name", "other.example", "DNS:other.example");
            return pki;
        }

        private static void selfSigned(Path dir, String name, String commonName) throws IOException {
            Commands.run(dir, "openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + commonName,
                    "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
        }

        private static void issued(Path dir, String name, String commonName, String altNames) throws IOException {
            Commands.run(dir, "openssl", "req", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes",
                    "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=" + commonName);
            Files.writeString(dir.resolve(name + ".ext"), "subjectAltName=" + altNames + "\n"
                    + "extendedKeyUsage=serverAuth\n");
            Commands.run(dir, "openssl", "x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key",
                    "-CAcreateserial", "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
        }
    }

    private final Mosquitto broker;
    private final int port;
    private final int wrongNamePort;
    private final int hubPort;

    private SecureMosquitto(Mosquitto broker, int port, int wrongNamePort, int hubPort) {
        this.broker = broker;
        this.port = port;
        this.wrongNamePort = wrongNamePort;
        this.hubPort = hubPort;
    }

    /** Adds (or replaces) {@code user} in the broker password file {@code file} with mosquitto_passwd. */
    static void addUser(Path file, String user, String password) throws IOException {
        if (!Files.exists(file)) {
            Files.createFile(file);
        }
        Commands.run(file.getParent(), "mosquitto_passwd", "-b", file.toString(), user, password);
    }

    /**
     * Starts Mosquitto for {@code site} in {@code dir} with the users of {@code passwordFile} and waits until every
     * listener accepts connections.
     */
    static SecureMosquitto start(Path dir, Pki pki, String site, Path passwordFile) throws IOException {
        Files.createDirectories(dir);
        int port = Mosquitto.freePort();
        int wrongNamePort = Mosquitto.freePort();
        int hubPort = Mosquitto.freePort();
        Path acl = dir.resolve("acl");
        Files.writeString(acl, unitAcl(site));
        List<String> unitSecurity = List.of("allow_anonymous false", "password_file " + passwordFile,
                "acl_file " + acl, "tls_version tlsv1.2");
        List<String> config = new ArrayList<>(List.of(
                "per_listener_settings true",
                "set_tcp_nodelay true",
                "persistence false",
                "log_dest stdout",
                "log_type all",
                "user " + System.getProperty("user.name"), // as root, stay root: the key files are root's
                "listener " + hubPort + " 127.0.0.1",
                "allow_anonymous true",
                "listener " + port + " 127.0.0.1",
                "certfile " + pki.serverCert(),
                "keyfile " + pki.serverKey()));
        config.addAll(unitSecurity);
        config.addAll(List.of("listener " + wrongNamePort + " 127.0.0.1",
                "certfile " + pki.wrongNameCert(),
                "keyfile " + pki.wrongNameKey()));
        config.addAll(unitSecurity);
        return new SecureMosquitto(Mosquitto.start(dir, config, List.of(port, hubPort, wrongNamePort)), port,
                wrongNamePort, hubPort);
    }

    /** The unit ACL of docs/operations.md for one site. */
    static String unitAcl(String site) {
        String prefix = "motcua/v1/" + site + "/";
        return String.join("\n",
                "pattern write " + prefix + "dev/%u/status",
                "pattern write " + prefix + "dev/%u/req",
                "pattern write " + prefix + "dev/%u/evt",
                "pattern read " + prefix + "dev/%u/res",
                "pattern read " + prefix + "dev/%u/cmd",
                "pattern read " + prefix + "dev/%u/config",
                "pattern read " + prefix + "counter/+/state",
                "pattern read " + prefix + "board",
                "pattern read " + prefix + "services",
                "pattern read " + prefix + "hub/status",
                "");
    }

    /** The TLS listener with a certificate for 127.0.0.1 and localhost. */
    String url() {
        return "ssl://127.0.0.1:" + port;
    }

    /** Makes Mosquitto read its password and ACL files again, as {@code systemctl reload mosquitto} does (SIGHUP). */
    void reload() throws IOException {
        Commands.run(Path.of("."), "kill", "-HUP", String.valueOf(broker.pid()));
    }

    /** The hub's plain listener on loopback, where only processes of the hub's machine can connect. */
    String hubUrl() {
        return "tcp://127.0.0.1:" + hubPort;
    }

    /** A TLS listener whose certificate, issued by the same site CA, names only other.example. */
    String wrongNameUrl() {
        return "ssl://127.0.0.1:" + wrongNamePort;
    }


    @Override
    public void close() {
        broker.close();
    }
}
