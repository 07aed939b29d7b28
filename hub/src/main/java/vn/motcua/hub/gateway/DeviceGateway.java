package vn.motcua.hub.gateway;

import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.broker.BrokerLogin;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.hub.writer.StatePublisher;
import vn.motcua.protocol.LogText;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topic;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;

/**
 * The hub's side of the wire. Subscribes to every unit's request topic, decodes and validates each request,
 * answers broken ones at once with an error, hands valid ones to the {@link DeskWriter}, and publishes the answer
 * on the unit's response topic once the writer has committed. Also publishes the retained state topics.
 * Paho's callback thread runs {@link #messageArrived}; it never blocks and never throws (an exception there would
 * drop the connection). Publishing is asynchronous and safe from the writer thread.
 */
public final class DeviceGateway implements MqttCallbackExtended, StatePublisher, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeviceGateway.class);
    /** How long the hub may be away from the broker before its client is replaced: 1.5 × the reconnect delay. */
    static final long RENEW_AFTER_NANOS = TimeUnit.SECONDS.toNanos(3);
    /** Counter: MQTT clients replaced because the hub stayed away from the broker ({@link #renewIfStuck}). */
    static final String CLIENT_RENEWALS = "motcua_broker_client_renewals_total";
    /** Gauge: 1 while the hub's client is connected to the broker, 0 while it is not. */
    private static final String BROKER_CONNECTED = "motcua_broker_connected";

    /** Replaced by a fresh client when Paho's own reconnect is stuck ({@link #renewIfStuck}). */
    private volatile MqttAsyncClient client;
    private final String brokerUrl;
    private final String clientId;
    private volatile MqttConnectOptions options;
    private final StuckLink stuck = new StuckLink(RENEW_AFTER_NANOS, System::nanoTime);
    private final ScheduledExecutorService watchdog = Executors.newSingleThreadScheduledExecutor(runnable ->
            Thread.ofPlatform().daemon().name("hub-link-watchdog").unstarted(runnable));
    private final Topics topics;
    private final Metrics metrics;
    private final Codec codec = new Codec();
    private final DeviceFacts facts;
    private final InboundTopics inbound;
    private final CountDownLatch serving = new CountDownLatch(1);
    private final RetainedTopics retained;
    private volatile DeskWriter writer;
    private volatile UnitBudget budget;

    private DeviceGateway(MqttAsyncClient client, String brokerUrl, String clientId, Topics topics, Metrics metrics) {
        this.client = client;
        this.brokerUrl = brokerUrl;
        this.clientId = clientId;
        this.topics = topics;
        this.metrics = metrics;
        this.facts = new DeviceFacts(metrics);
        this.inbound = new InboundTopics(topics, metrics);
        this.retained = new RetainedTopics(topics, new RetainedTopics.Sink() {
            @Override
            public boolean connected() {
                return client.isConnected();
            }

            @Override
            public void publishRetained(String topic, byte[] payload) {
                publish(topic, payload, true);
            }
        });
        metrics.gauge(BROKER_CONNECTED, () -> client.isConnected() ? 1 : 0);
    }

    /**
     * Connects to the broker with a persistent session (requests published while the hub restarts are delivered
     * when it is back) and waits for the connection. The client keeps its own in-flight state in memory, not in
     * files: Paho's file store fsyncs every published message on the writer thread (≈ 0.8 ms of a 3 ms request,
     * docs/benchmarks.md), and an answer lost in a crash is not lost to the unit — it resends the request with the
     * same id and gets the stored original from {@code processed_requests}; retained state is republished at start
     * and after every reconnect. The hub's will marks its presence ({@code hub/status}) offline when it drops.
     * {@code login}: the hub's credential when the (embedded) broker asks for one.
     */
    public static DeviceGateway connect(String brokerUrl, String site, Metrics metrics, Optional<BrokerLogin> login)
            throws MqttException {
        return connect(brokerUrl, site, metrics, login, Optional.empty());
    }

    /**
     * As {@link #connect(String, String, Metrics, Optional)}, over TLS through {@code tls} when present: the embedded
     * broker's own sockets, which trust exactly the certificate it serves ({@code EmbeddedBroker.hubSockets()}).
     */
    public static DeviceGateway connect(String brokerUrl, String site, Metrics metrics, Optional<BrokerLogin> login,
                                        Optional<SSLSocketFactory> tls) throws MqttException {
        String clientId = BrokerLogin.hubClientId(site);
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
        DeviceGateway gateway = new DeviceGateway(client, brokerUrl, clientId, Topics.forSite(site), metrics);
        client.setCallback(gateway);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        // As the units: every 2 s at most, so that a restarted broker has the hub, its retained state and its presence
        // back within 5 s (a connect to the site's broker costs nothing worth saving).
        options.setMaxReconnectDelay(2_000);
        // A connect that gets no CONNACK (a broker still starting or shutting down) is given up after 2 s and tried
        // again, instead of Paho's 30 s, during which the hub would stay away from a broker that is back.
        options.setConnectionTimeout(2);
        options.setKeepAliveInterval(10);
        options.setMaxInflight(1_000);
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setWill(gateway.retained.presenceTopic(), gateway.retained.offline(), Protocol.QOS, true);
        tls.ifPresent(sockets -> {
            options.setSocketFactory(sockets);
            // over loopback the broker's LAN names cannot match; the sockets trust only that one certificate
            options.setHttpsHostnameVerificationEnabled(false);
        });
        login.ifPresent(credential -> {
            options.setUserName(credential.username());
            options.setPassword(credential.password());
        });
        gateway.options = options;
        client.connect(options).waitForCompletion(10_000);
        client.setBufferOpts(buffer());
        gateway.watchdog.scheduleWithFixedDelay(gateway::renewIfStuck, 1, 1, TimeUnit.SECONDS);
        return gateway;
    }

    private static DisconnectedBufferOptions buffer() {
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setBufferSize(10_000);
        buffer.setDeleteOldestMessages(false);
        return buffer;
    }

    /**
     * Paho 1.2.5 can wedge its automatic reconnect for good: when the broker drops the hub at the wrong moment its
     * sender thread does not stop cleanly, and every later connect waits for it (a connect "in progress" that never
     * sends CONNECT; eclipse-paho/paho.mqtt.java#953, #1028). Seen here after a Mosquitto restart. So once the hub has
     * been away from the broker for {@link #RENEW_AFTER_NANOS}, this drops that client and connects a new one with the
     * same id and options (the broker hands it the hub's session), every time that long passes without a connection.
     * Runs on the watchdog thread; never throws.
     */
    private void renewIfStuck() {
        try {
            MqttAsyncClient current = client;
            if (!stuck.shouldRenew(current.isConnected())) {
                return;
            }
            metrics.increment(CLIENT_RENEWALS);
            LOG.warn("no connection to the broker for {} s: replacing the MQTT client (its reconnect may be stuck)",
                    TimeUnit.NANOSECONDS.toSeconds(RENEW_AFTER_NANOS));
            try {
                current.disconnectForcibly(0, 0, false);
            } catch (MqttException | RuntimeException alreadyDown) {
                // a client wedged in its connect refuses to disconnect: closing it below is what matters
            }
            try {
                current.close(true);
            } catch (MqttException | RuntimeException e) {
                LOG.debug("closing the stuck client: {}", e.getMessage());
            }
            MqttAsyncClient fresh = new MqttAsyncClient(brokerUrl, clientId, new MemoryPersistence());
            fresh.setCallback(this);
            fresh.setBufferOpts(buffer());
            client = fresh;
            fresh.connect(options); // connectComplete subscribes and republishes; a failure waits for the next turn
        } catch (MqttException | RuntimeException e) {
            LOG.warn("could not replace the MQTT client: {}", e.getMessage());
        }
    }

    /**
     * Starts taking requests, each unit within {@code limits}; responses and state go out after each commit of
     * {@code deskWriter}.
     */
    public void serve(DeskWriter deskWriter, Office office) throws MqttException {
        this.budget = new UnitBudget(office.rules().unitLimits(), metrics, System::nanoTime);
        facts.onlyFor(office::isUnit);
        this.writer = deskWriter;
        serving.countDown();
        subscribe().waitForCompletion(10_000);
        retained.online();
        LOG.info("taking requests on {}", topics.everyDevice(DeviceChannel.REQUEST));
    }

    /** Whether the hub's client is connected to the broker now (for {@code /health}). */
    public boolean brokerConnected() {
        return client.isConnected();
    }

    private IMqttToken subscribe() throws MqttException {
        String[] filters = {topics.everyDevice(DeviceChannel.REQUEST), topics.everyDevice(DeviceChannel.EVENT),
            topics.everyDevice(DeviceChannel.STATUS), topics.hubStatus()};
        return client.subscribe(filters, new int[] {Protocol.QOS, Protocol.QOS, Protocol.QOS, Protocol.QOS});
    }

    @Override
    public void messageArrived(String topicName, MqttMessage message) {
        try {
            if (topics.hubStatus().equals(topicName)) {
                retained.presenceHeard(message.getPayload());
                return;
            }
            Optional<Topic.Device> unit = inbound.unit(topicName);
            if (unit.isEmpty()) {
                return;
            }
            Topic.Device device = unit.get();
            switch (device.channel()) {
                case REQUEST -> handle(device.deviceId(), message.getPayload());
                case EVENT -> facts.event(device.deviceId(), message.getPayload());
                case STATUS -> facts.status(device.deviceId(), message.getPayload());
                default -> metrics.increment(InboundTopics.REFUSED, "reason", "foreign_topic");
            }
        } catch (RuntimeException e) {
            metrics.increment("motcua_gateway_internal_errors_total");
            LOG.error("a publish on {} could not be handled", LogText.escape(topicName), e);
        }
    }

    private void handle(String deviceId, byte[] payload) {
        awaitServing();
        facts.request(deviceId);
        Request request;
        try {
            request = codec.decodeRequest(payload);
        } catch (ProtocolException rejected) {
            metrics.increment("motcua_requests_rejected_total", "code", rejected.code().name());
            LOG.warn("rejected request from {}: {} {} — payload: {}", deviceId, rejected.code(), rejected.getMessage(),
                    Codec.preview(payload));
            reply(deviceId, codec.encode(Response.Failure.of(rejected).answeredAt(writer.now())));
            return;
        }
        metrics.increment("motcua_requests_total", "op", request.op().wireName());
        Optional<Response.Failure> refused = budget.admit(deviceId, request);
        if (refused.isPresent()) {
            metrics.increment("motcua_requests_rejected_total", "code", refused.get().code().name());
            reply(deviceId, codec.encode(refused.get().answeredAt(writer.now())));
            return;
        }
        writer.submit(deviceId, request, response -> reply(deviceId, response));
    }

    /**
     * A persistent session may deliver requests queued while the hub was down as soon as it connects, before the
     * writer exists; the callback thread waits for it rather than drop them.
     */
    private void awaitServing() {
        try {
            if (!serving.await(30, TimeUnit.SECONDS)) {
                throw new IllegalStateException("the desk writer did not start within 30 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the desk writer", e);
        }
    }

    private void reply(String deviceId, byte[] response) {
        publish(topics.device(deviceId, DeviceChannel.RESPONSE), response, false);
    }

    @Override
    public void counterState(CounterState state) {
        retained.publish(topics.counterState(state.counter()), codec.encodeState(state));
    }

    @Override
    public void board(Board board) {
        retained.publish(topics.board(), codec.encodeState(board));
    }

    @Override
    public void services(ServiceCatalogue catalogue) {
        retained.publish(topics.services(), codec.encodeState(catalogue));
    }

    private void publish(String topic, byte[] payload, boolean retained) {
        try {
            client.publish(topic, payload, Protocol.QOS, retained);
        } catch (MqttException e) {
            metrics.increment("motcua_publish_failures_total");
            LOG.error("cannot publish to {}: {}", topic, e.getMessage());
        }
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        LOG.info("{} to broker {}", reconnect ? "reconnected" : "connected", serverUri);
        if (writer != null) {
            // The broker may have restarted without our session, or this is a fresh client replacing a stuck one:
            // subscribe again (idempotent if the session kept them).
            try {
                subscribe();
            } catch (MqttException e) {
                LOG.error("cannot resubscribe to requests: {}", e.getMessage());
            }
        }
        // ... and without its retained messages (Mosquitto keeps none without persistence): publish them all again.
        retained.republish();
    }

    @Override
    public void connectionLost(Throwable cause) {
        LOG.warn("lost the broker connection: {}; reconnecting", cause == null ? "closed" : cause.getMessage());
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // QoS1 acknowledgements need no action: the broker now holds the message.
    }

    /** Says the hub is offline (a clean DISCONNECT discards the will), then disconnects. */
    @Override
    public void close() throws MqttException {
        watchdog.shutdownNow();
        retained.closing();
        if (client.isConnected()) {
            try {
                client.publish(retained.presenceTopic(), retained.offline(), Protocol.QOS, true).waitForCompletion(5_000);
            } catch (MqttException e) {
                LOG.warn("could not publish the hub's offline presence: {}", e.getMessage());
            }
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }

    /** Drops the connection without DISCONNECT, as a crash would, so that the broker publishes the hub's will. */
    void dropAbruptly() throws MqttException {
        client.disconnectForcibly(0, 0, false);
    }
}
