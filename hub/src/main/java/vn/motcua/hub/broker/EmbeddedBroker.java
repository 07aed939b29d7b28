package vn.motcua.hub.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.BrokerConstants;
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
 * ({@link UnitAcl}), and the hub's own client gets a random in-memory {@link BrokerLogin}.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    /** How often the password file's time stamp is looked at, so that a revoked unit is disconnected soon. */
    private static final long PASSWORD_FILE_CHECK_MILLIS = 1_000;

    private final Server server;
    private final String host;
    private final int port;
    private final Optional<BrokerLogin> hubLogin;
    private final Optional<ScheduledExecutorService> passwordFileCheck;

    private EmbeddedBroker(Server server, String host, int port, Optional<BrokerLogin> hubLogin,
                           Optional<ScheduledExecutorService> passwordFileCheck) {
        this.server = server;
        this.host = host;
        this.port = port;
        this.hubLogin = hubLogin;
        this.passwordFileCheck = passwordFileCheck;
    }

    /**
     * Starts the broker on {@code host:port} (port 0 picks a free one) with its session store under {@code dataDir}.
     * With a {@code passwordFile} (Mosquitto's format) only the units listed there and the hub may connect.
     *
     * @throws PasswordFileException if {@code passwordFile} cannot be read or has a malformed line
     */
    public static EmbeddedBroker start(String host, int port, Path dataDir, String site, Optional<Path> passwordFile,
                                       Metrics metrics) throws IOException {
        Files.createDirectories(dataDir);
        // Moquette records the port it bound on a Netty thread without publishing it safely to other threads, so
        // for "any free port" we pick one ourselves and tell Moquette to use it.
        int bound = port == 0 ? freePort(host) : port;
        Properties props = new Properties();
        props.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        props.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(bound));
        props.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        props.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, Boolean.toString(passwordFile.isEmpty()));
        props.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.DATA_PATH_PROPERTY_NAME, dataDir.toAbsolutePath() + "/");
        props.setProperty(BrokerConstants.NETTY_TCP_NODELAY_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(Protocol.BROKER_MAX_PACKET_BYTES));
        props.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        Server server = new Server();
        List<OfflineWill> handlers = List.of(new OfflineWill(server, site));
        if (passwordFile.isEmpty()) {
            server.startServer(new MemoryConfig(props), handlers);
            LOG.info("embedded MQTT broker listening on {}, no login", url(host, bound));
            return new EmbeddedBroker(server, host, bound, Optional.empty(), Optional.empty());
        }
        BrokerLogin hub = BrokerLogin.random();
        UnitAuthenticator units = new UnitAuthenticator(passwordFile.get(), hub, metrics, server::disconnectClient);
        server.startServer(new MemoryConfig(props), handlers, null, units, new UnitAcl(Topics.forSite(site)));
        ScheduledExecutorService check = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().daemon().name("motcua-password-file").factory());
        check.scheduleWithFixedDelay(() -> {
            try {
                units.reloadIfChanged();
            } catch (RuntimeException e) { // a task that throws is never run again: keep checking
                LOG.error("checking {} failed", passwordFile.get(), e);
            }
        }, PASSWORD_FILE_CHECK_MILLIS, PASSWORD_FILE_CHECK_MILLIS, TimeUnit.MILLISECONDS);
        LOG.info("embedded MQTT broker listening on {}, units log in (unit ACL)", url(host, bound));
        return new EmbeddedBroker(server, host, bound, Optional.of(hub), Optional.of(check));
    }

    /** The credential the hub's own client must use; empty when the broker takes anyone. */
    public Optional<BrokerLogin> hubLogin() {
        return hubLogin;
    }

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
        return url(host, port);
    }

    private static String url(String host, int port) {
        String reachable = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "tcp://" + reachable + ":" + port;
    }

    @Override
    public void close() {
        passwordFileCheck.ifPresent(ScheduledExecutorService::shutdownNow);
        server.stopServer();
    }
}
