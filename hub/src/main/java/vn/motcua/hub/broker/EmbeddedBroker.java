package vn.motcua.hub.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Predicate;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.BrokerConstants;
import io.moquette.broker.ISslContextCreator;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.topic.Topics;

/**
 * The hub's in-process MQTT 3.1.1 broker (Moquette), so one office needs no separate broker install. Configured as
 * we ship every broker: TCP_NODELAY on, packets up to {@link Protocol#BROKER_MAX_PACKET_BYTES} (so an oversized
 * request reaches the hub and gets an error instead of a dropped connection), persistent sessions on disk,
 * telemetry off (Moquette's default would call out to the Internet). Production offices may run Mosquitto instead.
 *
 * <p>Without a password file anyone who reaches the port may publish anything, which is why the hub listens on
 * loopback by default. With one, units log in as in Mosquitto ({@link UnitAuthenticator}), are held to the unit ACL
 * ({@link UnitAcl}), and the hub's own client gets a random in-memory {@link BrokerLogin}. Either way no publish on a
 * topic that is not printable ASCII gets through ({@link PublishGuard}).
 *
 * <p>With {@link BrokerTls} the broker listens with TLS only. Moquette 0.17 binds all its listeners on the one
 * {@code host} property, so a plain listener could not be kept on loopback while TLS serves the LAN: rather than
 * leave anything in clear on the LAN, there is no plain listener, and the hub's own client uses TLS over loopback too.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** How often the password file's time stamp is looked at, so that a revoked unit is disconnected soon. */
    private static final long PASSWORD_FILE_CHECK_MILLIS = 1_000;
    /** Days before expiry the hub starts warning about its broker certificate. */
    private static final long CERTIFICATE_WARNING_DAYS = 30;
    /** Days until the embedded broker's TLS certificate expires (negative: expired). */
    public static final String CERTIFICATE_DAYS_LEFT = "motcua_broker_certificate_days_left";

    private final Server server;
    private final String host;
    private final int port;
    private final Optional<BrokerLogin> hubLogin;
    private final Optional<ScheduledExecutorService> passwordFileCheck;
    private final Optional<SSLSocketFactory> hubSockets;

    private EmbeddedBroker(Server server, String host, int port, Optional<BrokerLogin> hubLogin,
                           Optional<ScheduledExecutorService> passwordFileCheck, Optional<SSLSocketFactory> hubSockets) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.hubLogin = hubLogin;
        this.passwordFileCheck = passwordFileCheck;
        this.hubSockets = hubSockets;
    }

    /**
     * Starts the broker on {@code host:port} (port 0 picks a free one) with its session store under {@code dataDir}.
     * With a {@code passwordFile} (Mosquitto's format) only the units listed there and the hub may connect.
     * {@code knownUnits}: the client ids that get a retained offline status when their connection is lost
     * ({@link OfflineWill}).
     *
     * @throws PasswordFileException if {@code passwordFile} cannot be read or has a malformed line
     */
    public static EmbeddedBroker start(String host, int port, Path dataDir, String site, Predicate<String> knownUnits,
                                       Optional<Path> passwordFile, Metrics metrics) throws IOException {
        return start(host, port, dataDir, site, knownUnits, passwordFile, Optional.empty(), metrics);
    }

    /**
     * As {@link #start(String, int, Path, String, Predicate, Optional, Metrics)}, and with {@code tls} listening with TLS only,
     * on {@code host:tls.port()}; {@code port} then stays closed.
     *
     * @throws TlsFileException if the certificate or key file cannot be used
     */
    public static EmbeddedBroker start(String host, int port, Path dataDir, String site, Predicate<String> knownUnits,
                                       Optional<Path> passwordFile, Optional<BrokerTls> tls, Metrics metrics)
            throws IOException {
        Optional<ServerCertificate> certificate = tls.map(files -> ServerCertificate.load(files.certFile(),
                files.keyFile()));
        certificate.ifPresent(served -> watchExpiry(served, tls.get().certFile(), metrics));
        Files.createDirectories(dataDir);
        int wanted = tls.map(BrokerTls::port).orElse(port);
        // Moquette records the port it bound on a Netty thread without publishing it safely to other threads, so
        // for "any free port" we pick one ourselves and tell Moquette to use it.
        int bound = wanted == 0 ? freePort(host) : wanted;
        Properties props = new Properties();
        props.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        if (certificate.isPresent()) {
            props.setProperty(BrokerConstants.PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
            props.setProperty(BrokerConstants.SSL_PORT_PROPERTY_NAME, Integer.toString(bound));
        } else {
            props.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(bound));
        }
        props.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        props.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(passwordFile.isEmpty()));
        props.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.DATA_PATH_PROPERTY_NAME, dataDir.toAbsolutePath() + "/");
        props.setProperty(BrokerConstants.NETTY_TCP_NODELAY_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(Protocol.BROKER_MAX_PACKET_BYTES));
        props.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        ISslContextCreator ssl = certificate.<ISslContextCreator>map(served -> served::serverContext).orElse(null);
        Optional<SSLSocketFactory> hubSockets = certificate.map(ServerCertificate::ownClientSockets);
        Server server = new Server();
        List<OfflineWill> handlers = List.of(new OfflineWill(server, site, knownUnits));
        if (passwordFile.isEmpty()) {
            server.startServer(new MemoryConfig(props), handlers, ssl, null,
                    new PublishGuard(new PublishGuard.PermitAll(), metrics));
            LOG.info("embedded MQTT broker listening on {}, no login", url(host, bound, tls.isPresent()));
            return new EmbeddedBroker(server, host, bound, Optional.empty(), Optional.empty(), hubSockets);
        }
        BrokerLogin hub = BrokerLogin.random();
        UnitAuthenticator units = new UnitAuthenticator(passwordFile.get(), hub, metrics, server::disconnectClient);
        server.startServer(new MemoryConfig(props), handlers, ssl, units,
                new PublishGuard(new UnitAcl(Topics.forSite(site)), metrics));
        ScheduledExecutorService check = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("motcua-password-file").factory());
        check.scheduleWithFixedDelay(() -> {
            try {
                units.reloadIfChanged();
            } catch (RuntimeException e) { // a task that throws is never run again: keep checking
                LOG.error("checking {} failed", passwordFile.get(), e);
            }
        }, PASSWORD_FILE_CHECK_MILLIS, PASSWORD_FILE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("embedded MQTT broker listening on {}, units log in (unit ACL)", url(host, bound, tls.isPresent()));
        return new EmbeddedBroker(server, host, bound, Optional.of(hub), Optional.of(check), hubSockets);
    }

    /**
     * Says at start when the certificate has expired or soon will, and serves the days left at /metrics
     * ({@value #CERTIFICATE_DAYS_LEFT}) so monitoring can warn weeks before every unit refuses the broker.
     */
    private static void watchExpiry(ServerCertificate served, Path certFile, Metrics metrics) {
        Clock clock = Clock.systemUTC();
        long days = served.daysLeft(clock);
        if (days < 0) {
            LOG.error("the broker certificate {} expired on {}: units refuse it and stay offline; renew it with the "
                    + "site CA (docs/operations.md) and restart the hub", certFile, served.notAfter());
        } else if (days < CERTIFICATE_WARNING_DAYS) {
            LOG.warn("the broker certificate {} expires on {} ({} days): renew it with the site CA (docs/operations.md)",
                    certFile, served.notAfter(), days);
        }
        metrics.gauge(CERTIFICATE_DAYS_LEFT, () -> served.daysLeft(clock));
    }

    /** The credential the hub's own client must use; empty when the broker takes anyone. */
    public Optional<BrokerLogin> hubLogin() {
        return hubLogin;
    }

    /** With TLS, the sockets the hub's own client must connect through; empty for a plain broker. */
    public Optional<SSLSocketFactory> hubSockets() {
        return hubSockets;
    }

    /** The port that takes connections: the TLS port when the broker has TLS. */
    public int port() {
        return port;
    }

    private static int freePort(String host) throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(host))) {
            return socket.getLocalPort();
        }
    }

    /** The URL devices and the hub connect to. */
    public String url() {
        return url(host, port, hubSockets.isPresent());
    }

    private static String url(String host, int port, boolean tls) {
        String reachable = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return (tls ? "ssl://" : "tcp://") + reachable + ":" + port;
    }

    @Override
    public void close() {
        passwordFileCheck.ifPresent(ScheduledExecutorService::shutdownNow);
        server.stopServer();
    }
}
