package vn.motcua.hub;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.appointment.AppointmentInbox;
import vn.motcua.hub.broker.BrokerLogin;
import vn.motcua.hub.broker.EmbeddedBroker;
import vn.motcua.hub.gateway.DeviceGateway;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.web.CallHistory;
import vn.motcua.hub.web.WebServer;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.hub.writer.StatusLinks;

/**
 * One running hub: broker (embedded or external), store, the desk writer, the device gateway and the web server,
 * started in dependency order and closed in reverse.
 */
public final class Hub implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Hub.class);

    private final Deque<AutoCloseable> parts;
    private final String brokerUrl;
    private final WebServer web;
    private final DeskWriter writer;
    private final Metrics metrics;

    private Hub(Deque<AutoCloseable> parts, String brokerUrl, WebServer web, DeskWriter writer, Metrics metrics) {
        this.parts = parts;
        this.brokerUrl = brokerUrl;
        this.web = web;
        this.writer = writer;
        this.metrics = metrics;
    }

    public static Hub start(HubSettings settings, Clock clock) throws IOException, MqttException {
        Deque<AutoCloseable> parts = new ArrayDeque<>();
        try {
            String site = settings.office().id();
            Metrics metrics = new Metrics();
            String brokerUrl;
            Optional<BrokerLogin> login = Optional.empty();
            Optional<SSLSocketFactory> tls = Optional.empty();
            if (settings.externalBrokerUrl().isPresent()) {
                brokerUrl = settings.externalBrokerUrl().get();
            } else {
                EmbeddedBroker broker = EmbeddedBroker.start(settings.mqttHost(), settings.mqttPort(),
                        settings.dataDir().resolve("broker"), site, settings.office()::isUnit, settings.passwordFile(),
                        settings.mqttTls(), metrics);
                parts.push(broker);
                brokerUrl = broker.url();
                login = broker.hubLogin();
                tls = broker.hubSockets();
            }
            HubStore store = HubStore.open(settings.dataDir().resolve("hub.db"));
            parts.push(store);
            DeviceGateway gateway = DeviceGateway.connect(brokerUrl, site, metrics, login, tls);
            parts.push(gateway);
            DeskWriter writer = new DeskWriter(settings.office(), store, clock, gateway, DeskWriter.DEFAULT_MAX_BATCH,
                    settings.publicUrl().map(StatusLinks::at).orElseGet(StatusLinks::none), metrics);
            parts.push(writer);
            gateway.serve(writer, settings.office());
            AppointmentInbox inbox = AppointmentInbox.start(settings.dataDir(), writer, metrics);
            parts.push(inbox);
            // The web threads read call reasons through their own connection: WAL lets it read while the writer writes.
            HubStore reader = HubStore.openReader(settings.dataDir().resolve("hub.db"));
            parts.push(reader);
            CallHistory history = ticket -> {
                synchronized (reader) {
                    return reader.calls(clock.instant().atZone(settings.office().zone()).toLocalDate(), ticket);
                }
            };
            WebServer web = WebServer.start(settings.httpHost(), settings.httpPort(), writer, metrics, history, writer,
                    gateway::brokerConnected);
            parts.push(web);
            LOG.info("hub for {} ({}) is up: broker {}, web http://{}:{}/", settings.office().name(), site, brokerUrl,
                    settings.httpHost(), web.port());
            return new Hub(parts, brokerUrl, web, writer, metrics);
        } catch (IOException | MqttException | RuntimeException e) {
            closeAll(parts);
            throw e;
        }
    }

    public String brokerUrl() {
        return brokerUrl;
    }

    public int httpPort() {
        return web.port();
    }

    public DeskWriter writer() {
        return writer;
    }

    public Metrics metrics() {
        return metrics;
    }

    @Override
    public void close() {
        closeAll(parts);
    }

    private static void closeAll(Deque<AutoCloseable> parts) {
        while (!parts.isEmpty()) {
            AutoCloseable part = parts.pop();
            try {
                part.close();
            } catch (Exception e) {
                LOG.warn("error while closing {}: {}", part.getClass().getSimpleName(), e.toString());
            }
        }
    }
}
