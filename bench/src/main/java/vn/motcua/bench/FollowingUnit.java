package vn.motcua.bench;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.protocol.transport.NoDelaySocketFactory;

/**
 * A unit as the recovery bench sees it: a real Paho client (clean session, keep-alive 10 s, TCP_NODELAY, as a motcua
 * unit connects) that follows what a unit of its kind follows — a counter unit its counter's retained state, a kiosk
 * the services catalogue, both the hub's presence — and keeps the latest of each with its arrival time; it also sends
 * requests on its own topic and hands back the answers.
 */
final class FollowingUnit implements MqttCallback, AutoCloseable {

    final String id;
    /** The counter it follows, 0 for a kiosk. */
    final int counter;
    private final Codec codec = new Codec();
    private final Ulid ids = Ulid.generator();
    private final MqttAsyncClient client;
    private final String requestTopic;
    private final String responseTopic;
    private final String stateTopic;
    private final String hubStatusTopic;
    private final Map<String, CompletableFuture<Response>> answers = new ConcurrentHashMap<>();
    private volatile CounterState state;
    private volatile boolean hubOnline;
    private volatile long hubStatusNanos;
    private volatile long stateNanos;
    final AtomicLong statesReceived = new AtomicLong();

    FollowingUnit(String brokerUrl, Topics topics, String id, int counter) throws MqttException {
        this.id = id;
        this.counter = counter;
        this.requestTopic = topics.device(id, DeviceChannel.REQUEST);
        this.responseTopic = topics.device(id, DeviceChannel.RESPONSE);
        this.stateTopic = counter > 0 ? topics.counterState(counter) : topics.services();
        this.hubStatusTopic = topics.hubStatus();
        this.client = new MqttAsyncClient(brokerUrl, id, new MemoryPersistence());
        client.setCallback(this);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setSocketFactory(new NoDelaySocketFactory());
        options.setCleanSession(true);
        options.setKeepAliveInterval(10);
        options.setConnectionTimeout(10);
        client.connect(options).waitForCompletion(15_000);
        client.subscribe(new String[] {responseTopic, stateTopic, hubStatusTopic}, new int[] {1, 1, 1})
                .waitForCompletion(15_000);
    }

    /** Sends {@code body} as a new request; the future completes with the answer. */
    CompletableFuture<Response> send(RequestBody body) throws MqttException {
        Request request = Request.of(ids.next(), OffsetDateTime.now(ZoneOffset.ofHours(7)), body);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        answers.put(request.id(), answer);
        client.publish(requestTopic, codec.encode(request), 1, false);
        return answer;
    }

    Optional<CounterState> state() {
        return Optional.ofNullable(state);
    }

    long stateNanos() {
        return stateNanos;
    }

    boolean hubOnline() {
        return hubOnline;
    }

    /** When the latest presence arrived ({@link System#nanoTime()}). */
    long hubStatusNanos() {
        return hubStatusNanos;
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        long now = System.nanoTime();
        if (topic.equals(hubStatusTopic)) {
            hubOnline = message.getPayload().length > 0
                    && codec.decodeState(message.getPayload(), DeviceStatus.class).online();
            hubStatusNanos = now;
        } else if (topic.equals(stateTopic)) {
            statesReceived.incrementAndGet();
            if (counter > 0 && message.getPayload().length > 0) {
                state = codec.decodeState(message.getPayload(), CounterState.class);
            }
            stateNanos = now;
        } else if (topic.equals(responseTopic)) {
            Response response = codec.decodeResponse(message.getPayload());
            CompletableFuture<Response> answer = answers.remove(response.id().orElse(""));
            if (answer != null) {
                answer.complete(response);
            }
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.err.println("bench: " + id + " lost its connection: " + cause);
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
    }

    @Override
    public void close() {
        Clients.close(client, id);
    }
}
