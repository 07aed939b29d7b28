package vn.motcua.device.link;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MqttDefaultFilePersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.config.UnitConfigException;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.store.Outbox;
import vn.motcua.device.store.StoreException;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topic;
import vn.motcua.protocol.topic.Topics;

/**
 * A unit's connection to the hub through the site's MQTT broker (Paho mqttv3, MQTT 3.1.1): requests with
 * correlated answers, retained state subscriptions, events, and presence.
 *
 * <p>Delivery: a persistent session (client id = device id, clean session off) with Paho's file persistence under
 * {@code dataDir/mqtt}; everything is QoS 1 except interactive requests, which are QoS 0. Two kinds of sending,
 * because a late message can be worse than none:
 * <ul>
 *   <li>{@link #request}: interactive — someone stands at the unit (a citizen wanting a ticket, an officer pressing
 *   next). Sent only while connected, answered or failed within the timeout, never repeated: replayed minutes later
 *   it would call a citizen who left or issue a ticket nobody holds. A late answer to one is handed to
 *   {@link #onUnclaimedAnswer} so the role can undo it (the kiosk cancels a ticket it did not print).</li>
 *   <li>{@link #send} and {@link #publishEvent}: durable — ratings, offline tickets, facts. Written to the SQLite
 *   outbox ({@code dataDir/outbox.db}) before anything else happens, sent in order one at a time, resent with the
 *   same id until answered, across reconnects and reboots ({@link OutboxSender}).</li>
 * </ul>
 * Presence is the retained {@code dev/{id}/status}: online on every connect, offline by the broker's will when the
 * unit drops, and offline on {@link #close()}. The link follows the hub's own presence too ({@link #onHub}).
 *
 * <p>Threads: Paho calls back on its own thread, and {@link LinkCallbacks} only hands work on from there. Answers,
 * timeouts, retained state and connection changes reach unit code on the link's single event thread
 * ({@code link-<deviceId>}), in arrival order. Code running there must not block it (no {@code join()} on another
 * request); slow work such as printing belongs on its own thread. The public methods may be called from any thread.
 */
public final class MqttLink implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(MqttLink.class);

    /** How long {@link #connect(UnitConfig, String)} keeps trying to reach the broker. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(3);
    /** At most this much of the answer timeout is kept for the answer's way back ({@link #deadlineAfter}). */
    private static final Duration ANSWER_ALLOWANCE = Duration.ofSeconds(1);

    private final UnitConfig config;
    private final String firmwareVersion;
    private final Topics topics;
    private final String statusTopic;
    private final String requestTopic;
    private final String eventTopic;
    private final Codec codec = new Codec();
    /** The unit's own clock: the {@code ts} of requests and events, the {@code since} of its status. */
    private final Clock clock;
    /** The hub's clock as estimated from its answers: ids and deadlines are made by it (protocol §6.3). */
    private final HubClock hubClock;
    private final Ulid ids;
    private final EventThread eventThread;
    private final PendingRequests pending;
    private final StateSubscriptions states = new StateSubscriptions();
    private final MqttAsyncClient client;
    private final LinkCallbacks callbacks;
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Outbox outbox;
    private final OutboxSender outboxSender;
    private final List<Consumer<Response.Ok>> unclaimedAnswers = new CopyOnWriteArrayList<>();
    private final HubPresence hub;

    private MqttLink(UnitConfig config, String firmwareVersion, DeviceMetrics metrics, Clock clock)
            throws MqttException {
        this.config = config;
        this.clock = clock;
        this.hubClock = new HubClock(config.deviceId(), clock);
        this.ids = new Ulid(hubClock, new SecureRandom());
        this.firmwareVersion = firmwareVersion;
        this.topics = Topics.forSite(config.site());
        this.statusTopic = topics.device(config.deviceId(), DeviceChannel.STATUS);
        this.requestTopic = topics.device(config.deviceId(), DeviceChannel.REQUEST);
        this.eventTopic = topics.device(config.deviceId(), DeviceChannel.EVENT);
        this.eventThread = new EventThread("link-" + config.deviceId());
        this.pending = new PendingRequests(config.deviceId(), eventThread, config.requestTimeout(), this::unclaimed,
                hubClock);
        this.client = new MqttAsyncClient(config.brokerUrl(), config.deviceId(),
                new MqttDefaultFilePersistence(persistenceDir(config).toString()));
        this.outbox = Outbox.open(config.dataDir().resolve("outbox.db"));
        this.outboxSender = new OutboxSender(config.deviceId(), outbox, client, eventThread, config.requestTimeout(),
                requestTopic, eventTopic, metrics);
        this.callbacks = new LinkCallbacks(config.deviceId(), client, eventThread, statusTopic,
                topics.device(config.deviceId(), DeviceChannel.RESPONSE), this::onlineStatus, states,
                this::onResponse);
        client.setCallback(callbacks);
        callbacks.addConnectionListener(online -> {
            if (online) {
                outboxSender.connected();
            }
        });
        this.hub = new HubPresence(config.deviceId(), eventThread);
        callbacks.addConnectionListener(hub);
        states.add(topics.hubStatus(), hub::heard);
    }

    /**
     * Opens the unit's link and blocks until it is connected and subscribed, retrying for {@link #CONNECT_TIMEOUT}
     * while the broker is unreachable.
     *
     * @throws LinkException       when the broker cannot be reached in time, refuses the unit's credentials or
     *                             certificate checks, or the persistence directory is unusable
     * @throws UnitConfigException when the config's password or CA file cannot be used
     */
    public static MqttLink connect(UnitConfig config, String firmwareVersion, DeviceMetrics metrics) {
        return connect(config, firmwareVersion, metrics, CONNECT_TIMEOUT);
    }

    /** As {@link #connect(UnitConfig, String, DeviceMetrics)}, giving up after {@code timeout}. */
    public static MqttLink connect(UnitConfig config, String firmwareVersion, Duration timeout) {
        return connect(config, firmwareVersion, new DeviceMetrics(), timeout);
    }

    /** As {@link #connect(UnitConfig, String, DeviceMetrics)}, giving up after {@code timeout}. */
    public static MqttLink connect(UnitConfig config, String firmwareVersion, DeviceMetrics metrics,
                                   Duration timeout) {
        return connect(config, firmwareVersion, metrics, timeout, Clock.system(OfficeTime.ZONE));
    }

    /**
     * As {@link #connect(UnitConfig, String, DeviceMetrics, Duration)}, with {@code clock} as the unit's own clock
     * (a test gives it a wrong one, as a unit without time sync would have).
     */
    public static MqttLink connect(UnitConfig config, String firmwareVersion, DeviceMetrics metrics,
                                   Duration timeout, Clock clock) {
        LinkSecurity security = LinkSecurity.load(config);
        MqttLink link;
        try {
            link = new MqttLink(config, firmwareVersion, metrics, clock);
        } catch (StoreException e) {
            throw new LinkException(config.deviceId() + ": " + e.getMessage(), e);
        } catch (MqttException | IllegalArgumentException e) {
            throw new LinkException(config.deviceId() + ": cannot open the MQTT client (persistence in "
                    + persistenceDir(config) + "): " + e, e);
        }
        try {
            new FirstConnect(config.deviceId(), link.client,
                    LinkOptions.connect(link.statusTopic, link.codec.encodeState(DeviceStatus.offline()), security),
                    link.callbacks.firstSubscribed(), security.username()).await(timeout);
            return link;
        } catch (RuntimeException e) {
            link.close();
            throw e;
        }
    }

    /**
     * Sends an interactive request ({@link Operation#interactive()}) and completes with the hub's answer, on the link's
     * event thread. Fails with {@link RequestFailedException} when the hub refuses, {@link RequestTimeoutException}
     * when no answer comes within the configured timeout, {@link HubUnreachableException} at once when the link is
     * down or the hub's presence says it is gone, {@link LinkException} at once when the link is closed (nothing is
     * sent in either case), and {@link ProtocolException} when the body breaks the contract (too large).
     *
     * <p>Once the timeout has passed nothing may carry it out (protocol §6.3): it is published at QoS 0, so neither
     * Paho (which stores and resends an unacknowledged QoS 1 publish after a reconnect or a restart) nor the broker
     * (which queues QoS 1 messages in the hub's persistent session while the hub is away) can deliver it later; Paho
     * drops a QoS 0 publish not yet written when the connection is lost, and this link has no disconnected buffer. A
     * publish that did reach a frozen broker or hub still arrives late: its {@code deadline} ({@link #deadlineAfter})
     * by the hub's clock makes the hub refuse it then.
     *
     * @throws IllegalArgumentException for a durable operation, which belongs to {@link #send}
     */
    public CompletableFuture<ResponseBody> request(RequestBody body) {
        Objects.requireNonNull(body, "body");
        Operation op = Operation.of(body);
        if (!op.interactive()) {
            throw new IllegalArgumentException(op.wireName() + " is durable: send it with send(), which keeps it until "
                    + "the hub answers");
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(new LinkException(config.deviceId() + ": link is closed"));
        }
        if (!client.isConnected() || hub.saysGone()) {
            return CompletableFuture.failedFuture(new HubUnreachableException());
        }
        Request request = Request.of(ids.next(), OffsetDateTime.now(clock), body)
                .withDeadline(OffsetDateTime.now(hubClock).plus(deadlineAfter(config.requestTimeout())));
        byte[] payload;
        try {
            payload = codec.encode(request);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        CompletableFuture<ResponseBody> answer = pending.register(request);
        try {
            client.publish(requestTopic, payload, Protocol.INTERACTIVE_QOS, false, null, new FailureListener(failure ->
                    eventThread.execute(() -> pending.fail(request.id(), sendFailure(request, failure)))));
        } catch (MqttException e) {
            pending.fail(request.id(), sendFailure(request, e));
        }
        return answer;
    }

    /**
     * How long after sending the hub may still carry out an interactive request: the unit's answer timeout less the
     * time the answer needs to come back. With the full timeout, a press the hub commits a moment before its deadline
     * is answered a moment after the unit gave up, and the person is told "failed" about something that happened.
     * The allowance is a quarter of the timeout, at most one second (a loaded LAN answers in milliseconds).
     */
    static Duration deadlineAfter(Duration timeout) {
        Duration allowance = timeout.dividedBy(4);
        return timeout.minus(allowance.compareTo(ANSWER_ALLOWANCE) > 0 ? ANSWER_ALLOWANCE : allowance);
    }

    /**
     * Sends a request durably: when this returns it is stored in the outbox, and it will reach the hub — after
     * reconnects and reboots, in the order stored, with the same id — until the hub answers it. The future completes
     * with the answer if it comes while this process runs; it fails with {@link RequestFailedException} when the hub
     * refuses (the entry is dropped then), or with {@link LinkException} when the link closes first (the entry stays
     * stored and is sent after the next start).
     *
     * @throws StoreException   when the outbox cannot store it (e.g. a full disk): the caller must not acknowledge
     * @throws ProtocolException when the body breaks the contract
     * @throws IllegalArgumentException for an interactive operation, which belongs to {@link #request}: resent later
     *                                  it would be refused as expired
     */
    public CompletableFuture<ResponseBody> send(RequestBody body) {
        Objects.requireNonNull(body, "body");
        Operation op = Operation.of(body);
        if (op.interactive()) {
            throw new IllegalArgumentException(op.wireName() + " is interactive: send it with request()");
        }
        if (closed.get()) {
            return CompletableFuture.failedFuture(new LinkException(config.deviceId() + ": link is closed"));
        }
        Request request = Request.of(ids.next(), OffsetDateTime.now(clock), body);
        return outboxSender.store(request.id(), Outbox.Kind.REQUEST, request.op().wireName(), codec.encode(request));
    }

    /**
     * Listens to answers that arrive for interactive requests nobody waits for any more (timed out, or sent before a
     * restart), on the link's event thread. The hub did the work; the listener decides whether to undo it.
     */
    public void onUnclaimedAnswer(Consumer<Response.Ok> listener) {
        unclaimedAnswers.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Messages stored in the outbox and not yet taken by the hub. */
    public int outboxDepth() {
        return outboxSender.depth();
    }

    /**
     * Listens to a retained topic of this site (counter state, board, services). The listener gets the current
     * retained message soon after, then every change, on the link's event thread. It may see the same message again
     * after a reconnect, since every connect subscribes anew, so it must treat messages as "the state is now".
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

    /**
     * Tells {@code listener} whether the link is up, soon after registering and then at every change, on the link's
     * event thread. It may hear the same value twice in a row.
     */
    public void onConnection(ConnectionListener listener) {
        callbacks.addConnectionListener(Objects.requireNonNull(listener, "listener"));
        eventThread.execute(() -> listener.connectionChanged(client.isConnected()));
    }

    /**
     * Tells {@code listener} whether the hub can be reached (the link is up and the hub's presence does not say it is
     * gone, see {@link HubPresence}), soon after registering and then at every change, on the link's event thread. It
     * may hear the same value twice in a row. What a unit shows and refuses while the hub is gone follows this.
     */
    public void onHub(HubListener listener) {
        hub.add(Objects.requireNonNull(listener, "listener"));
    }

    /** Whether the hub can be reached now: the link is up and the hub's presence does not say it is gone. */
    public boolean hubReachable() {
        return client.isConnected() && !hub.saysGone();
    }

    /**
     * Queues {@code work} on the link's event thread, after what is already there; dropped once the link is closed.
     * The systemd watchdog probes with it, so a stuck event thread stops the unit's watchdog pings.
     */
    public void runOnEventThread(Runnable work) {
        eventThread.execute(Objects.requireNonNull(work, "work"));
    }

    /**
     * Publishes a fact for the hub (QoS 1, not retained) through the outbox, like {@link #send}: kept until the broker
     * has taken it, in order with the unit's other durable messages. A fact that cannot be stored is logged and
     * counted ({@code outbox.store_failed}), never thrown: no caller could do better.
     */
    public void publishEvent(EventBody body) {
        Event event = new Event(ids.next(), OffsetDateTime.now(clock), Objects.requireNonNull(body, "body"));
        if (closed.get()) {
            log.warn("{}: event {} not sent: link is closed", config.deviceId(), event.id());
            return;
        }
        try {
            outboxSender.store(event.id(), Outbox.Kind.EVENT, event.body().getClass().getSimpleName(),
                    codec.encode(event));
        } catch (StoreException e) {
            log.error("{}: event {} is lost: {}", config.deviceId(), event.id(), e.getMessage());
        }
    }

    /**
     * Publishes a fact that the next one replaces (the periodic {@code health} report) only while connected, QoS 1,
     * without storing it: kept in the outbox, a unit cut off for a day would hold thousands of stale reports and send
     * them all when it is back. A report that cannot be sent now is dropped; the next one follows within its period.
     */
    public void publishTransient(EventBody body) {
        Event event = new Event(ids.next(), OffsetDateTime.now(clock), Objects.requireNonNull(body, "body"));
        if (closed.get() || !client.isConnected()) {
            return;
        }
        try {
            client.publish(eventTopic, codec.encode(event), Protocol.QOS, false, null, new FailureListener(failure ->
                    log.debug("{}: {} not sent: {}", config.deviceId(), event.id(), failure.toString())));
        } catch (MqttException e) {
            log.debug("{}: {} not sent: {}", config.deviceId(), event.id(), e.toString());
        }
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

    /** Marks the unit offline (retained), disconnects cleanly, and fails requests still waiting. Idempotent. */
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
                log.warn("{}: could not say goodbye to the broker ({}); its will marks the unit offline",
                        config.deviceId(), e.toString());
            }
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            log.warn("{}: closing the MQTT client failed: {}", config.deviceId(), e.toString());
        }
        eventThread.execute(() -> {
            pending.failAll(new LinkException(config.deviceId() + ": link closed"));
            outboxSender.close();
        });
        eventThread.shutdownAndWait(CLOSE_TIMEOUT);
        outbox.close();
        log.info("{}: link closed", config.deviceId());
    }

    /** Drops the connection without DISCONNECT, as a crash or a pulled cable would, so the broker fires the will. */
    void dropAbruptly() throws MqttException {
        client.disconnectForcibly(0, 0, false);
    }

    private byte[] onlineStatus() {
        return codec.encodeState(DeviceStatus.online(config.roles(), firmwareVersion, OffsetDateTime.now(clock)));
    }

    private void onResponse(byte[] payload) {
        try {
            Response response = codec.decodeResponse(payload);
            if (!outboxSender.claim(response)) {
                pending.answer(response);
            }
        } catch (ProtocolException e) {
            log.warn("{}: ignored a malformed response ({}: {}): {}", config.deviceId(), e.code(), e.getMessage(),
                    Codec.preview(payload));
        }
    }

    private void unclaimed(Response.Ok answer) {
        for (Consumer<Response.Ok> listener : unclaimedAnswers) {
            try {
                listener.accept(answer);
            } catch (RuntimeException e) {
                log.error("{}: handling the late answer to {} failed", config.deviceId(), answer.requestId(), e);
            }
        }
    }

    private LinkException sendFailure(Request request, Throwable cause) {
        return new LinkException(config.deviceId() + ": could not send " + request.op().wireName() + " "
                + request.id() + ": " + cause, cause);
    }

    private static Path persistenceDir(UnitConfig config) {
        return config.dataDir().resolve("mqtt");
    }
}
