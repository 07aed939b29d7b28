package vn.motcua.hub.broker;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.BrokerConstants;
import io.moquette.broker.Server;
import io.moquette.broker.config.MemoryConfig;
import vn.motcua.protocol.Protocol;

/**
 * The hub's in-process MQTT 3.1.1 broker (Moquette), so one office needs no separate broker install. Configured as
 * we ship every broker: TCP_NODELAY on, packets up to {@link Protocol#BROKER_MAX_PACKET_BYTES} (so an oversized
 * request reaches the hub and gets an error instead of a dropped connection), persistent sessions on disk,
 * telemetry off (Moquette's default would call out to the Internet). Production offices may run Mosquitto instead.
 */
public final class EmbeddedBroker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedBroker.class);

    private final Server server;
    private final String host;
    private final int port;

    private EmbeddedBroker(Server server, String host, int port) {
        this.server = server;
        this.host = host;
        this.port = port;
    }

    /** Starts the broker on {@code host:port} (port 0 picks a free one) with its session store under {@code dataDir}. */
    public static EmbeddedBroker start(String host, int port, Path dataDir, String site) throws IOException {
        Files.createDirectories(dataDir);
        // Moquette records the port it bound on a Netty thread without publishing it safely to other threads, so
        // for "any free port" we pick one ourselves and tell Moquette to use it.
        int bound = port == 0 ? freePort(host) : port;
        Properties props = new Properties();
        props.setProperty(BrokerConstants.HOST_PROPERTY_NAME, host);
        props.setProperty(BrokerConstants.PORT_PROPERTY_NAME, Integer.toString(bound));
        props.setProperty(BrokerConstants.WEB_SOCKET_PORT_PROPERTY_NAME, BrokerConstants.DISABLED_PORT_BIND);
        props.setProperty(BrokerConstants.ALLOW_ANONYMOUS_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.PERSISTENCE_ENABLED_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.DATA_PATH_PROPERTY_NAME, dataDir.toAbsolutePath() + "/");
        props.setProperty(BrokerConstants.NETTY_TCP_NODELAY_PROPERTY_NAME, "true");
        props.setProperty(BrokerConstants.NETTY_MAX_BYTES_PROPERTY_NAME, Integer.toString(Protocol.BROKER_MAX_PACKET_BYTES));
        props.setProperty(BrokerConstants.ENABLE_TELEMETRY_NAME, "false");
        Server server = new Server();
        server.startServer(new MemoryConfig(props), List.of(new OfflineWill(server, site)));
        EmbeddedBroker broker = new EmbeddedBroker(server, host, bound);
        LOG.info("embedded MQTT broker listening on {}", broker.url());
        return broker;
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
        String reachable = host.equals("0.0.0.0") ? "127.0.0.1" : host;
        return "tcp://" + reachable + ":" + port();
    }

    @Override
    public void close() {
        server.stopServer();
    }
}
