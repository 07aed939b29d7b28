package vn.motcua.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OnBroker;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;

/**
 * Protocol §6.3: what a person waits for is sent once, at QoS 0, with a deadline by the hub's clock, and nothing can
 * carry it out after the unit gave up on it; durable messages keep their QoS 1 resend. Real Mosquitto, a stand-in hub,
 * and a proxy between unit and broker that can go silent.
 */
class InteractiveRequestsTest extends OnBroker {

    private static final Duration TIMEOUT = Duration.ofMillis(400);
    private static final RequestBody NEXT = new RequestBody.CounterNext(4);
    private static final RequestBody RECALL = new RequestBody.CounterRecall(4);

    private final List<AutoCloseable> parts = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeParts() throws Exception {
        for (AutoCloseable part : parts.reversed()) {
            part.close();
        }
    }

    @Test
    void an_interactive_request_goes_at_qos_0_with_a_deadline_that_leaves_its_answer_time_to_come_back()
            throws Exception {
        List<Integer> qos = watchRequests();
        hub.answerOk(request -> called());
        MqttLink link = connect(broker.url(), Clock.systemUTC());

        link.request(NEXT).get();

        Request sent = hub.requests().getFirst();
        await().atMost(Duration.ofSeconds(5)).until(() -> !qos.isEmpty());
        assertThat(qos).containsExactly(0);
        assertThat(sent.deadline()).hasValueSatisfying(deadline -> assertThat(Duration.between(sent.ts().orElseThrow(),
                deadline)).isBetween(TIMEOUT.minus(TIMEOUT.dividedBy(4)), TIMEOUT.minus(TIMEOUT.dividedBy(4)).plusMillis(50)));
    }

    @Test
    void a_durable_request_goes_at_qos_1_without_a_deadline() throws Exception {
        List<Integer> qos = watchRequests();
        hub.answerOk(request -> new ResponseBody.RatingRecorded("HAI_LONG", Optional.empty()));
        MqttLink link = connect(broker.url(), Clock.systemUTC());

        link.send(new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.empty())).get();

        await().atMost(Duration.ofSeconds(5)).until(() -> !qos.isEmpty());
        assertThat(qos).containsExactly(1);
        assertThat(hub.requests().getFirst().deadline()).isEmpty();
    }

    @Test
    void an_interactive_request_that_timed_out_is_not_delivered_when_the_link_comes_back() throws Exception {
        HoldingProxy proxy = HoldingProxy.to(broker.port());
        parts.add(proxy);
        hub.answerOk(request -> called());
        MqttLink link = connect(proxy.url(), Clock.systemUTC());

        proxy.hold();
        CompletableFuture<ResponseBody> lost = link.request(NEXT);
        assertThat(lost).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(RequestTimeoutException.class);
        proxy.cut();
        await().atMost(Duration.ofSeconds(10)).until(() -> link.isConnected() && link.request(RECALL)
                .handle((body, failure) -> failure == null).get());

        // A resend of the lost press would have reached the hub before the recall that came after it.
        assertThat(hub.requests()).extracting(Request::body).containsOnly(RECALL);
    }

    @Test
    void a_durable_request_lost_in_the_same_partition_is_delivered_when_the_link_comes_back() throws Exception {
        HoldingProxy proxy = HoldingProxy.to(broker.port());
        parts.add(proxy);
        hub.answerOk(request -> new ResponseBody.RatingRecorded("HAI_LONG", Optional.empty()));
        MqttLink link = connect(proxy.url(), Clock.systemUTC());

        proxy.hold();
        CompletableFuture<ResponseBody> rating = link.send(new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.empty()));
        proxy.cut();

        assertThat(rating).succeedsWithin(Duration.ofSeconds(15));
        assertThat(hub.requests()).isNotEmpty().extracting(Request::id).containsOnly(hub.requests().getFirst().id());
    }

    @Test
    void a_unit_minutes_behind_the_hub_makes_ids_and_deadlines_by_the_hubs_clock_after_its_first_answer()
            throws Exception {
        Duration behind = Duration.ofMinutes(7);
        hub.answer(request -> Optional.of(new Response.Ok(request.id(), request.op(), called())
                .answeredAt(OffsetDateTime.now())));
        MqttLink link = connect(broker.url(), Clock.offset(Clock.systemUTC(), behind.negated()));

        link.request(NEXT).get();
        Instant before = Instant.now();
        link.request(NEXT).get();

        Request first = hub.requests().get(0);
        Request second = hub.requests().get(1);
        assertThat(first.deadline().orElseThrow().toInstant()).as("before any answer: the unit's own clock")
                .isBefore(before.minus(behind).plus(TIMEOUT).plusSeconds(1));
        assertThat(second.deadline().orElseThrow().toInstant()).as("after one answer: the hub's clock")
                .isBetween(before.plus(TIMEOUT).minusSeconds(1), before.plus(TIMEOUT).plusSeconds(1));
        assertThat(Instant.ofEpochMilli(Ulid.timestampMillis(second.id())))
                .isBetween(before.minusSeconds(1), before.plusSeconds(1));
        assertThat(second.ts().orElseThrow().toInstant()).as("ts stays the unit's own clock")
                .isBefore(before.minus(behind).plusSeconds(1));
    }

    @Test
    void each_kind_of_sending_refuses_the_other_kind_of_operation() throws Exception {
        MqttLink link = connect(broker.url(), Clock.systemUTC());

        assertThatThrownBy(() -> link.request(new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.empty())))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("rating.submit is durable");
        assertThatThrownBy(() -> link.send(NEXT))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("counter.next is interactive");
        assertThat(link.outboxDepth()).isZero();
    }

    @Test
    void a_second_copy_of_an_answer_already_taken_is_dropped_not_treated_as_late() throws Exception {
        Codec codec = new Codec();
        List<byte[]> answers = new CopyOnWriteArrayList<>();
        hub.answer(request -> {
            Response ok = new Response.Ok(request.id(), request.op(), called());
            answers.add(codec.encode(ok));
            return Optional.of(ok);
        });
        MqttLink link = connect(broker.url(), Clock.systemUTC());
        List<String> late = new CopyOnWriteArrayList<>();
        link.onUnclaimedAnswer(answer -> late.add(answer.requestId()));
        link.request(NEXT).get();

        String responses = topics.device("counter-4", DeviceChannel.RESPONSE);
        hub.publishRaw(responses, answers.getFirst(), false);
        String neverSent = Ulid.generator().next();
        hub.publishRaw(responses, codec.encode(new Response.Ok(neverSent, Operation.COUNTER_NEXT, called())), false);

        // the broker keeps one publisher's order: once the truly late answer is in, the repeat was seen first
        await().atMost(Duration.ofSeconds(5)).until(() -> !late.isEmpty());
        assertThat(late).containsExactly(neverSent);
    }

    // ---- harness --------------------------------------------------------------------------------------------------

    private MqttLink connect(String brokerUrl, Clock clock) {
        UnitConfig config = UnitConfig.counter(site, "counter-4", brokerUrl, 4, dataDir).withRequestTimeout(TIMEOUT);
        MqttLink link = MqttLink.connect(config, "test-1", new DeviceMetrics(), Duration.ofSeconds(10), clock);
        parts.add(link);
        return link;
    }

    /** The QoS at which each request of the unit reaches a subscriber that asked for QoS 1. */
    private List<Integer> watchRequests() throws MqttException {
        List<Integer> qos = new CopyOnWriteArrayList<>();
        MqttClient watcher = new MqttClient(broker.url(), "watcher-" + site, new MemoryPersistence());
        watcher.connect();
        watcher.subscribe(topics.device("counter-4", DeviceChannel.REQUEST), 1, (topic, message) -> qos.add(message.getQos()));
        parts.add(() -> {
            watcher.disconnect();
            watcher.close();
        });
        return qos;
    }

    private static ResponseBody.TicketCalled called() {
        return new ResponseBody.TicketCalled("1-001", "DD", 4, 0, OffsetDateTime.now());
    }
}
