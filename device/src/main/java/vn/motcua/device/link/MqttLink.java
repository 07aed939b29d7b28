package vn.motcua.device.link;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.DisconnectedBufferOptions;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topic;
import vn.motcua.protocol.topic.Topics;

/**
 * A unit's connection to the hub through the site's MQTT broker (Paho mqttv3, MQTT 3.1.1): requests with
 * correlated answers, retained state subscriptions, events, and presence.
 *
 * <p>Delivery: everything is QoS 1 on a persistent session (client id = device id, clean session off) with Paho's
 * file persistence under {@code dataDir/mqtt}, so in-flight messages survive a restart; publishes made while the
 * broker is away wait in Paho's persisted disconnected buffer. Presence is the retained {@code dev/{id}/status}: online
 * on every connect, offline by the broker's will when the unit drops, and offline again on {@link #close()}.
 * {@link #request} is the seam for the durable outbox (a later step): it will store the request before publishing
 * and resend unanswered ones with the same id.
 *
 * <p>Threads: Paho calls back on its own callback thread; those callbacks never block and never run unit code. They
 * hand work to the link's single event thread ({@code link-<deviceId>}), which completes request futures, fires
 * timeouts, and delivers retained state and connection changes, in arrival order. Unit code called from there must
 * not block it (no {@code join()} on another request); slow work such as printing belongs on its own thread.
 * The public methods may be called from any thread.
 */
public final class MqttLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

    /** How long {@link #connect(UnitConfig, String)} keeps trying to reach the broker. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration RETRY_PAUSE = Duration.ofSeconds(1);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);

    private final UnitConfig config;
    private final Topics topics;
    private final String statusTopic;
    private final String requestTopic;
    private final String eventTopic;
    private final Codec codec = new Codec();
    private final Ulid ids = Ulid.generator();
    private final Clock clock = Clock.system(OfficeTime.ZONE);
    private final MqttAsyncClient client;
    private final ScheduledExecutorService eventThread;
    private final PendingRequests pending;
    private final StateSubscriptions states = new StateSubscriptions();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final LinkCallbacks callbacks;
    private final AtomicBoolean closed = new AtomicBoolean();

    private MqttLink(UnitConfig config, String firmwareVersion) throws MqttException {
        this.config = config;
        this.topics = Topics.forSite(config.site());
        this.statusTopic = topics.device(config.deviceId(), DeviceChannel.STATUS);
        this.requestTopic = topics.device(config.deviceId(), DeviceChannel.REQUEST);
        this.eventTopic = topics.device(config.deviceId(), DeviceChannel.EVENT);
        this.eventThread = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("link-" + config.deviceId()).daemon().factory());
        this.pending = new PendingRequests(config.deviceId(), eventThread, config.requestTimeout());
        this.client = new MqttAsyncClient(config.brokerUrl(), config.deviceId(),
                new MqttDefaultFilePersistence(persistenceDir(config).toString()));
        DisconnectedBufferOptions buffer = new DisconnectedBufferOptions();
        buffer.setBufferEnabled(true);
        buffer.setPersistBuffer(true);
        buffer.setBufferSize(5_000);
        buffer.setDeleteOldestMessages(false);
        client.setBufferOpts(buffer);
        this.callbacks = new LinkCallbacks(this, topics.device(config.deviceId(), DeviceChannel.RESPONSE),
                codec.encodeState(DeviceStatus.online(config.roles(), firmwareVersion, OffsetDateTime.now(clock))));
        client.setCallback(callbacks);
    }

    /**
     * Opens the unit's link and blocks until it is connected and subscribed, retrying for
     * {@link #CONNECT_TIMEOUT} while the broker is unreachable.
     *
     * @throws LinkException when the broker cannot be reached in time or the persistence directory is unusable
     */
    public static MqttLink connect(UnitConfig config, String firmwareVersion) {
        return connect(config, firmwareVersion, CONNECT_TIMEOUT);
    }

    /** As {@link #connect(UnitConfig, String)}, giving up after {@code timeout}. */
    public static MqttLink connect(UnitConfig config, String firmwareVersion, Duration timeout) {
        MqttLink link;
        try {
            link = new MqttLink(config, firmwareVersion);
        } catch (MqttException | IllegalArgumentException e) {
            throw new LinkException(config.deviceId() + ": cannot open the MQTT client (persistence in "
                    + persistenceDir(config) + "): " + e, e);
        }
        try {
            new FirstConnect(link.client, options(config, link.statusTopic, link.codec), link.callbacks.ready(),
                    config, RETRY_PAUSE).await(timeout);
            return link;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * Sends a request and completes with the hub's answer, on the link's event thread. Fails with
     * {@link RequestFailedException} when the hub refuses, {@link RequestTimeoutException} when no answer comes within
     * the configured timeout, {@link LinkException} when it cannot be sent, {@link ProtocolException} when the body
     * breaks the contract (too large).
     */
    public CompletableFuture<ResponseBody> request(RequestBody body) {
        Objects.requireNonNull(body, "body");
        if (closed.get()) {
            return CompletableFuture.failedFuture(new LinkException(config.deviceId() + ": link is closed"));
        }
        Request request = Request.of(ids.next(), OffsetDateTime.now(clock), body);
        byte[] payload;
        try {
            payload = codec.encode(request);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ResponseBody> answer = pending.register(request);
        try {
            client.publish(requestTopic, payload, Protocol.QOS, false, null, new FailureListener(
                    failure -> onEventThread(() -> pending.fail(request.id(), sendFailure(request, failure)))));
        } catch (MqttException e) {
            pending.fail(request.id(), sendFailure(request, e));
        }
        return answer;
    }

    /**
     * Listens to a retained topic of this site (counter state, board, services). The listener gets the current
     * retained message soon after and every change; it may see the same message again after a reconnect, since
     * every connect subscribes anew. Called on the link's event thread.
     */
    public void onState(String topic, Consumer<byte[]> listener) {
        if (Topic.parse(topic).filter(t -> t.site().equals(config.site())).isEmpty()) {
            throw new IllegalArgumentException("not a topic of site " + config.site() + ": " + topic);
        }
        states.add(topic, Objects.requireNonNull(listener, "listener"));
        if (client.isConnected()) {
            callbacks.subscribe(List.of(topic)); // also makes the broker send the retained message to the newcomer
        }
    }

    /** Tells {@code listener} of every later change of the connection, on the link's event thread. */
    public void onConnection(ConnectionListener listener) {
        connectionListeners.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Publishes a fact for the hub (QoS 1, not retained); queued while the broker is away. Failures are logged. */
    public void publishEvent(EventBody body) {
        Event event = new Event(ids.next(), OffsetDateTime.now(clock), Objects.requireNonNull(body, "body"));
        publish(eventTopic, codec.encode(event), false);
    }

    public boolean isConnected() {
        return client.isConnected();
    }

    public UnitConfig config() {
        return config;
    }

    public Topics topics() {
        return topics;
    }

    /** Marks the unit offline (retained), disconnects cleanly and fails requests still waiting. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        if (client.isConnected()) {
            try {
                client.publish(statusTopic, codec.encodeState(DeviceStatus.offline()), Protocol.QOS, true)
                        .waitForCompletion(CLOSE_TIMEOUT.toMillis());
                client.disconnect(CLOSE_TIMEOUT.toMillis()).waitForCompletion(CLOSE_TIMEOUT.toMillis());
            } catch (MqttException e) {
                log.warn("{}: could not say goodbye to the broker ({}); it will publish the will instead",
                        config.deviceId(), e.toString());
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.warn("{}: closing the MQTT client failed: {}", config.deviceId(), e.toString());
        }
        onEventThread(() -> pending.failAll(new LinkException(config.deviceId() + ": link closed")));
        eventThread.shutdown();
        log.info("{}: link closed", config.deviceId());
    }

    /** Drops the connection without DISCONNECT, as a crash or a pulled cable would, so the broker fires the will. */
    void dropAbruptly() throws MqttException {
        client.disconnectForcibly(0, 0, false);
    }

    static MqttConnectOptions options(UnitConfig config, String statusTopic, Codec codec) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        options.setCleanSession(false);
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(2_000); // Paho's default backs off to 128 s; a unit should be back within seconds
        options.setKeepAliveInterval(10);
        options.setConnectionTimeout(5);
        options.setMaxInflight(100); // Paho refuses publishes beyond this; the default of 10 is too few for bursts
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setWill(statusTopic, codec.encodeState(DeviceStatus.offline()), Protocol.QOS, true);
        return options;
    }

    // ---- used by LinkCallbacks ------------------------------------------------------------------------------

    MqttAsyncClient client() {
        return client;
    }

    String deviceId() {
        return config.deviceId();
    }

    String statusTopic() {
        return statusTopic;
    }

    List<String> stateTopics() {
        return states.topics();
    }

    void onResponse(byte[] payload) {
        try {
            pending.answer(codec.decodeResponse(payload));
        } catch (ProtocolException e) {
            log.warn("{}: ignored a malformed response ({}: {}): {}", config.deviceId(), e.code(), e.getMessage(),
                    Codec.preview(payload));
        }
    }

    void onStateMessage(String topic, byte[] payload) {
        if (!states.deliver(topic, payload)) {
            log.debug("{}: message on {} that nobody listens to", config.deviceId(), topic);
        }
    }

    void onConnectionChanged(boolean online) {
        for (ConnectionListener listener : connectionListeners) {
            try {
                listener.connectionChanged(online);
            } catch (RuntimeException e) {
                log.error("{}: connection listener failed", config.deviceId(), e);
            }
        }
    }

    /** Runs {@code work} on the event thread; after close the work is dropped, since nobody waits for it any more. */
    void onEventThread(Runnable work) {
        try {
            eventThread.execute(work);
        } catch (RejectedExecutionException afterClose) {
            log.debug("{}: link closed, dropped late work", config.deviceId());
        }
    }

    void publish(String topic, byte[] payload, boolean retained) {
        try {
            client.publish(topic, payload, Protocol.QOS, retained, null, new FailureListener(failure ->
                    log.warn("{}: publish on {} failed: {}", config.deviceId(), topic, failure.toString())));
        } catch (MqttException e) {
            log.warn("{}: publish on {} failed: {}", config.deviceId(), topic, e.toString());
        }
    }

    private LinkException sendFailure(Request request, Throwable cause) {
        return new LinkException(config.deviceId() + ": could not send " + request.op().wireName() + " "
                + request.id() + ": " + cause, cause);
    }

    private static Path persistenceDir(UnitConfig config) {
        return config.dataDir().resolve("mqtt");
    }

    boolean awaitEventThreadIdle(long millis) throws InterruptedException {
        return eventThread.awaitTermination(millis, TimeUnit.MILLISECONDS);
    }
}
