package vn.motcua.hub.recovery;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;

/**
 * A test unit that speaks the wire format with a plain Paho client (persistent session, QoS 1, TCP_NODELAY) and
 * keeps a ledger: every request it made (id and exact bytes, so a resend is the same bytes) and every answer it
 * got (raw bytes, decoded, arrival time). At most {@code window} requests are unanswered at a time while it runs
 * a load, like a kiosk with a small window of requests in flight.
 */
final class LoadDevice implements AutoCloseable {

    /** A request as made: its id, its body and the bytes published. */
    record Sent(String id, RequestBody body, byte[] payload) {
    }

    /** One answer as received. */
    record Answer(byte[] payload, Response response, long receivedNanos) {
    }

    /** Called on Paho's callback thread for the first answer to each request. */
    interface FirstAnswerListener {
        void firstAnswer(LoadDevice device, String id, Response response);
    }

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private final String deviceId;
    private final Topics topics;
    private final MqttAsyncClient client;
    private final Codec codec = new Codec();
    private final Ulid ids = Ulid.generator();
    private final Map<String, Sent> sent = new ConcurrentHashMap<>();
    private final Map<String, List<Answer>> answers = new ConcurrentHashMap<>();
    private final Map<String, Long> resentAt = new ConcurrentHashMap<>();
    private final List<String> strayAnswers = new CopyOnWriteArrayList<>();
    private final Semaphore window;
    private final FirstAnswerListener listener;

    LoadDevice(String brokerUrl, String site, String deviceId, int window, FirstAnswerListener listener)
            throws MqttException {
        this.deviceId = deviceId;
        this.topics = Topics.forSite(site);
        this.window = new Semaphore(window);
        this.listener = listener;
        this.client = new MqttAsyncClient(brokerUrl, deviceId, new MemoryPersistence());
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(false);
        options.setKeepAliveInterval(10);
        options.setConnectionTimeout(10);
        options.setMaxInflight(10_000);
        options.setSocketFactory(new NoDelaySocketFactory());
        client.connect(options).waitForCompletion(10_000);
        client.subscribe(topics.device(deviceId, DeviceChannel.RESPONSE), 1, this::arrived).waitForCompletion(10_000);
    }

    private void arrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        byte[] payload = message.getPayload();
        Response response;
        try {
            response = codec.decodeResponse(payload);
        } catch (RuntimeException e) {
            strayAnswers.add("undecodable answer " + Codec.preview(payload) + ": " + e.getMessage());
            return;
        }
        Optional<String> id = response.id();
        if (id.isEmpty() || !sent.containsKey(id.get())) {
            strayAnswers.add("answer to no request of " + deviceId + ": " + Codec.preview(payload));
            return;
        }
        boolean first = !answers.containsKey(id.get()); // Paho calls back on one thread per client
        answers.computeIfAbsent(id.get(), k -> new CopyOnWriteArrayList<>()).add(new Answer(payload, response, now));
        if (first) {
            window.release();
            listener.firstAnswer(this, id.get(), response);
        }
    }

    String deviceId() {
        return deviceId;
    }

    /** Makes a new id and publishes the request; the ledger has it before the broker does. */
    String send(RequestBody body) throws MqttException {
        String id = ids.next();
        Request request = Request.of(id, OffsetDateTime.now(OFFICE_ZONE), body);
        if (request.op().interactive()) {
            // The crash test resends unanswered tickets after the hub's restart: this unit waits for an answer as long
            // as the hub honours (protocol §6.2), where a kiosk gives up after its few seconds.
            request = request.withDeadline(request.ts().orElseThrow().plus(Protocol.MAX_DEADLINE));
        }
        byte[] payload = codec.encode(request);
        sent.put(id, new Sent(id, body, payload));
        client.publish(topics.device(deviceId, DeviceChannel.REQUEST), payload, 1, false);
        return id;
    }

    /**
     * Sends a new request if fewer than {@code window} are unanswered, waiting up to {@code waitMillis} for room.
     * Returns whether it sent one.
     */
    boolean sendWithinWindow(RequestBody body, long waitMillis) throws MqttException, InterruptedException {
        if (!window.tryAcquire(waitMillis, TimeUnit.MILLISECONDS)) {
            return false;
        }
        send(body);
        return true;
    }

    /** Publishes a request again: same id, same bytes (protocol §6.3). */
    void resend(String id) throws MqttException {
        Sent request = sent.get(id);
        if (request == null) {
            throw new IllegalArgumentException(deviceId + " never sent " + id);
        }
        resentAt.put(id, System.nanoTime());
        client.publish(topics.device(deviceId, DeviceChannel.REQUEST), request.payload(), 1, false);
    }

    /** Every request id this device made, in the order it made them (ULIDs of one generator sort by creation). */
    List<String> sentIds() {
        List<String> ids = new ArrayList<>(sent.keySet());
        Collections.sort(ids);
        return ids;
    }

    Sent sent(String id) {
        return sent.get(id);
    }

    boolean answered(String id) {
        return answers.containsKey(id);
    }

    List<Answer> answers(String id) {
        return answers.getOrDefault(id, List.of());
    }

    /** The ids answered so far. */
    List<String> answeredIds() {
        List<String> ids = new ArrayList<>(answers.keySet());
        Collections.sort(ids);
        return ids;
    }

    /** Whether a resent request has been answered after its (last) resend; true for requests never resent. */
    boolean answeredSinceResend(String id) {
        Long at = resentAt.get(id);
        return at == null ? answered(id) : answers(id).stream().anyMatch(a -> a.receivedNanos() >= at);
    }

    List<String> resentIds() {
        List<String> ids = new ArrayList<>(resentAt.keySet());
        Collections.sort(ids);
        return ids;
    }

    List<String> strayAnswers() {
        return List.copyOf(strayAnswers);
    }

    @Override
    public void close() {
        try {
            if (client.isConnected()) {
                client.disconnect(0).waitForCompletion(2_000);
            }
        } catch (MqttException e) {
            // the broker may be gone already; closing is all that is left to do
        }
        try {
            client.close(true);
        } catch (MqttException e) {
            // nothing to release any more
        }
    }
}
