package vn.motcua.device;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallback;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topic;
import vn.motcua.protocol.topic.Topics;

/**
 * A stand-in hub for device tests: a plain Paho client on the real broker that records the requests and events of the
 * site under test and answers requests with what the test's responder returns (nothing, when it returns empty). It also publishes
 * retained state. Requests that break the contract are answered as the hub would, with the codec's error. One hub
 * serves a whole test class (Paho needs ~300 ms per connect); {@link #reset} points it at the next test's site.
 * Paho calls {@link #messageArrived} on its callback thread; the rest is called from the test thread.
 */
public final class TestHub implements MqttCallback, AutoCloseable {

    private record Received(String site, Request request) {
    }

    private record ReceivedEvent(String site, Event event) {
    }

    private final MqttAsyncClient client;
    private final Codec codec = new Codec();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final List<ReceivedEvent> events = new CopyOnWriteArrayList<>();
    private volatile String site = "";
    private volatile Function<Request, Optional<Response>> responder = request -> Optional.empty();

    private TestHub(MqttAsyncClient client) {
        this.client = client;
    }

    public static TestHub start(String brokerUrl) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "test-hub", new MemoryPersistence());
        TestHub hub = new TestHub(client);
        client.setCallback(hub);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(5_000);
        client.subscribe(new String[] {"motcua/v1/+/dev/+/" + DeviceChannel.REQUEST.segment(),
                "motcua/v1/+/dev/+/" + DeviceChannel.EVENT.segment()}, new int[] {Protocol.QOS, Protocol.QOS})
                .waitForCompletion(5_000);
        return hub;
    }

    /** Serves {@code site} from now on: silent, with no requests recorded. */
    public void reset(String site) {
        this.site = site;
        this.responder = request -> Optional.empty();
    }

    /** From now on, answer each request with what {@code responder} returns; empty means stay silent. */
    public void answer(Function<Request, Optional<Response>> responder) {
        this.responder = responder;
    }

    /**
     * From now on, answer each request with success and the body {@code answer} makes. A request whose operation cannot
     * carry that body (a kiosk's lease.renew when the test only thought of tickets) is answered NOT_SUPPORTED, as a
     * hub without that operation would.
     */
    public void answerOk(Function<Request, ResponseBody> answer) {
        answer(request -> {
            ResponseBody body = answer.apply(request);
            return Optional.of(request.op().responseType().isInstance(body)
                    ? new Response.Ok(request.id(), request.op(), body)
                    : Response.Failure.of(request, ErrorCode.NOT_SUPPORTED, "the stand-in hub does not answer "
                    + request.op().wireName()));
        });
    }

    /** Every well-formed request from the current site, in arrival order. */
    public List<Request> requests() {
        String current = site;
        return received.stream().filter(r -> r.site().equals(current)).map(Received::request).toList();
    }

    /** Every event from the current site, in arrival order. */
    public List<Event> events() {
        String current = site;
        return events.stream().filter(e -> e.site().equals(current)).map(ReceivedEvent::event).toList();
    }

    /** Publishes retained state and waits until the broker has it. */
    public void publishState(String topic, Record state) throws MqttException {
        publishRaw(topic, codec.encodeState(state), true);
    }

    /** Publishes any bytes (malformed ones included) and waits until the broker has them. */
    public void publishRaw(String topic, byte[] payload, boolean retained) throws MqttException {
        client.publish(topic, payload, Protocol.QOS, retained).waitForCompletion(5_000);
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) throws MqttException {
        Optional<Topic.Device> from = Topic.parse(topic).filter(Topic.Device.class::isInstance)
                .map(Topic.Device.class::cast);
        if (from.isEmpty() || !from.get().site().equals(site)) {
            return; // a late request of an earlier test
        }
        if (from.get().channel() == DeviceChannel.EVENT) {
            events.add(new ReceivedEvent(site, codec.decodeEvent(message.getPayload())));
            return;
        }
        String responseTopic = Topics.forSite(site).device(from.get().deviceId(), DeviceChannel.RESPONSE);
        Optional<Response> response;
        try {
            Request request = codec.decodeRequest(message.getPayload());
            received.add(new Received(site, request));
            response = responder.apply(request);
        } catch (ProtocolException e) {
            response = Optional.of(Response.Failure.of(e));
        }
        if (response.isPresent()) {
            client.publish(responseTopic, codec.encode(response.get()), Protocol.QOS, false); // no wait on this thread
        }
    }

    @Override
    public void connectionLost(Throwable cause) {
        System.err.println("the test hub lost the broker: " + cause); // tests then fail on the answers that are missing
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // The test hub does not track its deliveries.
    }

    @Override
    public void close() throws MqttException {
        if (client.isConnected()) {
            client.disconnect().waitForCompletion(5_000);
        }
        client.close();
    }
}
