package vn.motcua.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;

/** Durable sending through the outbox, against a real Mosquitto and a stand-in hub. */
class OutboxDeliveryTest extends OnBroker {

    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(300);

    private final List<MqttLink> links = new CopyOnWriteArrayList<>();
    private final DeviceMetrics metrics = new DeviceMetrics();

    @AfterEach
    void closeLinks() {
        links.forEach(MqttLink::close);
    }

    private MqttLink connect() {
        UnitConfig config = UnitConfig.counter(site, "counter-4", broker.url(), 4, dataDir)
                .withRequestTimeout(SHORT_TIMEOUT);
        MqttLink link = MqttLink.connect(config, "test-1", metrics, Duration.ofSeconds(10));
        links.add(link);
        return link;
    }

    private static RequestBody.RatingSubmit rating(String level) {
        return new RequestBody.RatingSubmit(4, level, Optional.empty());
    }

    private static ResponseBody recorded(Request request) {
        RequestBody.RatingSubmit body = (RequestBody.RatingSubmit) request.body();
        return new ResponseBody.RatingRecorded(body.level(), Optional.empty());
    }

    @Test
    void a_durable_request_completes_with_the_answer_and_leaves_the_outbox() throws Exception {
        hub.answerOk(OutboxDeliveryTest::recorded);
        MqttLink link = connect();

        ResponseBody answer = link.send(rating("SATISFIED")).get();

        assertThat(answer).isEqualTo(new ResponseBody.RatingRecorded("SATISFIED", Optional.empty()));
        assertThat(link.outboxDepth()).isZero();
        assertThat(metrics.count("outbox.delivered")).isEqualTo(1);
    }

    @Test
    void an_unanswered_request_is_sent_again_with_the_same_id_and_bytes_until_the_hub_answers() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        hub.answer(request -> seen.incrementAndGet() < 3 ? Optional.empty()
                : Optional.of(new Response.Ok(request.id(), request.op(), recorded(request))));
        MqttLink link = connect();

        link.send(rating("SATISFIED")).get();

        List<Request> sent = hub.requests();
        assertThat(sent).hasSize(3);
        assertThat(sent).extracting(Request::id).containsOnly(sent.getFirst().id());
        assertThat(sent).extracting(Request::ts).containsOnly(sent.getFirst().ts());
        assertThat(metrics.count("outbox.resent")).isEqualTo(2);
    }

    @Test
    void messages_are_delivered_in_the_order_stored_one_at_a_time() throws Exception {
        hub.answerOk(OutboxDeliveryTest::recorded);
        MqttLink link = connect();
        List<String> levels = List.of("VERY_SATISFIED", "SATISFIED", "NEUTRAL", "UNSATISFIED", "SATISFIED");

        List<CompletableFuture<ResponseBody>> answers = levels.stream().map(l -> link.send(rating(l))).toList();
        link.publishEvent(new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true));
        CompletableFuture.allOf(answers.toArray(CompletableFuture[]::new)).get();

        assertThat(hub.requests()).extracting(r -> ((RequestBody.RatingSubmit) r.body()).level())
                .containsExactlyElementsOf(levels);
        await().atMost(Duration.ofSeconds(5)).until(() -> hub.events().size() == 1 && link.outboxDepth() == 0);
    }

    @Test
    void what_is_stored_while_the_hub_is_silent_reaches_it_after_a_restart_in_order_with_the_same_ids()
            throws Exception {
        MqttLink first = connect();
        for (String level : List.of("VERY_SATISFIED", "NEUTRAL", "UNSATISFIED")) {
            first.send(rating(level));
        }
        assertThat(first.outboxDepth()).isEqualTo(3);
        await().atMost(Duration.ofSeconds(5)).until(() -> !hub.requests().isEmpty());
        String firstId = hub.requests().getFirst().id();
        first.close();

        hub.answerOk(OutboxDeliveryTest::recorded);
        MqttLink second = connect();

        await().atMost(Duration.ofSeconds(10)).until(() -> second.outboxDepth() == 0);
        List<Request> answered = hub.requests().stream().filter(r -> !r.id().equals(firstId)).toList();
        assertThat(answered).extracting(r -> ((RequestBody.RatingSubmit) r.body()).level())
                .containsExactly("NEUTRAL", "UNSATISFIED");
        assertThat(hub.requests()).extracting(Request::id).filteredOn(firstId::equals).hasSizeGreaterThan(1);
    }

    @Test
    void a_refused_message_is_dropped_counted_and_does_not_block_the_next() throws Exception {
        hub.answer(request -> ((RequestBody.RatingSubmit) request.body()).level().equals("BAD")
                ? Optional.of(Response.Failure.of(request, ErrorCode.INVALID_FIELD, "no such level"))
                : Optional.of(new Response.Ok(request.id(), request.op(), recorded(request))));
        MqttLink link = connect();

        CompletableFuture<ResponseBody> refused = link.send(rating("BAD"));
        ResponseBody next = link.send(rating("SATISFIED")).get();

        assertThat(next).isInstanceOf(ResponseBody.RatingRecorded.class);
        assertThat(refused).isCompletedExceptionally();
        assertThat(metrics.count("outbox.refused.invalid_field")).isEqualTo(1);
        assertThat(link.outboxDepth()).isZero();
    }

    @Test
    void an_internal_error_keeps_the_message_and_sends_it_again() throws Exception {
        AtomicInteger seen = new AtomicInteger();
        hub.answer(request -> Optional.of(seen.incrementAndGet() == 1
                ? Response.Failure.of(request, ErrorCode.INTERNAL, "disk busy, retry")
                : new Response.Ok(request.id(), request.op(), recorded(request))));
        MqttLink link = connect();

        link.send(rating("SATISFIED")).get();

        assertThat(hub.requests()).hasSize(2);
        assertThat(hub.requests().get(1).id()).isEqualTo(hub.requests().get(0).id());
        assertThat(metrics.count("outbox.retried")).isEqualTo(1);
    }

    @Test
    void an_interactive_request_is_not_queued_while_the_link_is_down() throws Exception {
        MqttLink link = connect();
        link.dropAbruptly();

        CompletableFuture<ResponseBody> answer = link.request(new RequestBody.CounterNext(4));

        assertThat(answer).isCompletedExceptionally();
        assertThat(answer).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(HubUnreachableException.class)
                .withMessage(HubUnreachableException.MESSAGE);
    }

    @Test
    void a_late_answer_to_an_expired_interactive_request_goes_to_the_unclaimed_listener() throws Exception {
        MqttLink link = connect();
        List<Response.Ok> late = new CopyOnWriteArrayList<>();
        link.onUnclaimedAnswer(late::add);

        CompletableFuture<ResponseBody> answer = link.request(new RequestBody.TicketIssue("DD", Optional.empty()));
        await().atMost(Duration.ofSeconds(5)).until(answer::isCompletedExceptionally);
        Request expired = hub.requests().getFirst();
        hub.publishRaw(topics.device("counter-4", DeviceChannel.RESPONSE),
                new Codec().encode(new Response.Ok(expired.id(), Operation.TICKET_ISSUE, Samples.ticket())), false);

        await().atMost(Duration.ofSeconds(5)).until(() -> late.size() == 1);
        assertThat(late.getFirst().body()).isEqualTo(Samples.ticket());
    }
}
