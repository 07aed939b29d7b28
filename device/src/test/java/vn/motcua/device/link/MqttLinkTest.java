package vn.motcua.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;

import org.eclipse.paho.client.mqttv3.MqttClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Retained;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.topic.DeviceChannel;

class MqttLinkTest extends OnBroker {

    private static final RequestBody ISSUE_DD = new RequestBody.TicketIssue("DD", Optional.empty());

    private final Codec codec = new Codec();
    private final List<MqttLink> links = new CopyOnWriteArrayList<>();

    @AfterEach
    void closeLinks() {
        links.forEach(MqttLink::close);
    }

    private UnitConfig kioskConfig() {
        return UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir);
    }

    private MqttLink connect(UnitConfig config) {
        MqttLink link = MqttLink.connect(config, "test-1", Duration.ofSeconds(10));
        links.add(link);
        return link;
    }

    private String statusTopic() {
        return topics.device("kiosk-1", DeviceChannel.STATUS);
    }

    @Test
    void a_request_completes_with_the_hubs_answer() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        MqttLink link = connect(kioskConfig());

        ResponseBody answer = link.request(ISSUE_DD).get();

        assertThat(answer).isEqualTo(Samples.ticket());
        Request sent = hub.requests().getFirst();
        assertThat(sent.op()).isEqualTo(Operation.TICKET_ISSUE);
        assertThat(sent.body()).isEqualTo(ISSUE_DD);
        assertThat(Ulid.isCanonical(sent.id())).isTrue();
        assertThat(sent.ts()).hasValueSatisfying(ts -> assertThat(ts.getOffset().getTotalSeconds()).isEqualTo(7 * 3600));
    }

    @Test
    void a_refused_request_fails_with_the_hubs_error_code() {
        hub.answer(request -> Optional.of(Response.Failure.of(request, ErrorCode.SERVICE_CLOSED, "Hết giờ tiếp nhận")));
        MqttLink link = connect(kioskConfig());

        CompletableFuture<ResponseBody> answer = link.request(ISSUE_DD);

        assertThat(answer).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(RequestFailedException.class, refused -> {
                    assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_CLOSED);
                    assertThat(refused.operation()).isEqualTo(Operation.TICKET_ISSUE);
                    assertThat(refused.hubMessage()).isEqualTo("Hết giờ tiếp nhận");
                });
    }

    @Test
    void an_unanswered_request_times_out() {
        MqttLink link = connect(kioskConfig().withRequestTimeout(Duration.ofMillis(300)));

        CompletableFuture<ResponseBody> answer = link.request(ISSUE_DD);

        assertThat(answer).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(RequestTimeoutException.class).withMessageContaining("ticket.issue");
        assertThat(hub.requests()).hasSize(1);
    }

    @Test
    void malformed_and_unknown_answers_are_dropped_and_the_link_keeps_working() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        MqttLink link = connect(kioskConfig());
        String responses = topics.device("kiosk-1", DeviceChannel.RESPONSE);

        hub.publishRaw(responses, "{not json".getBytes(StandardCharsets.UTF_8), false);
        hub.publishRaw(responses, "{\"v\":1,\"ok\":true}".getBytes(StandardCharsets.UTF_8), false);
        hub.publishRaw(responses, codec.encode(new Response.Ok(Ulid.generator().next(), Operation.TICKET_ISSUE,
                Samples.ticket())), false);

        assertThat(link.request(ISSUE_DD).get()).isEqualTo(Samples.ticket());
    }

    @Test
    void an_event_reaches_the_hub_with_its_own_id() {
        MqttLink link = connect(kioskConfig());

        link.publishEvent(new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true));

        await().atMost(Duration.ofSeconds(5)).until(() -> hub.events().size() == 1);
        assertThat(hub.events().getFirst().body()).isEqualTo(new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true));
        assertThat(Ulid.isCanonical(hub.events().getFirst().id())).isTrue();
    }

    @Test
    void connecting_leaves_a_retained_online_status_with_roles_and_firmware() throws Exception {
        connect(kioskConfig());

        DeviceStatus status = Retained.status(broker.url(), statusTopic()).orElseThrow();

        assertThat(status.online()).isTrue();
        assertThat(status.roles()).contains(Set.of(Role.KIOSK));
        assertThat(status.firmware()).contains("test-1");
    }

    @Test
    void an_abrupt_drop_leaves_a_retained_offline_status_from_the_will() throws Exception {
        MqttLink link = connect(kioskConfig());

        link.dropAbruptly();

        await().atMost(Duration.ofSeconds(5)).until(() -> Retained.status(broker.url(), statusTopic())
                .map(DeviceStatus::online), online -> online.equals(Optional.of(false)));
    }

    @Test
    void closing_the_link_leaves_a_retained_offline_status() throws Exception {
        MqttLink link = connect(kioskConfig());

        link.close();

        assertThat(Retained.status(broker.url(), statusTopic())).hasValue(DeviceStatus.offline());
        assertThat(link.request(ISSUE_DD)).isCompletedExceptionally();
    }

    @Test
    void state_listeners_get_the_retained_message_and_later_changes() throws Exception {
        String topic = topics.counterState(3);
        hub.publishState(topic, Samples.serving(3, "1-023"));
        MqttLink link = connect(UnitConfig.counter(site, "counter-3", broker.url(), 3, dataDir));
        List<byte[]> seen = new CopyOnWriteArrayList<>();

        link.onState(topic, seen::add);
        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 1);
        hub.publishState(topic, Samples.paused(3));

        await().atMost(Duration.ofSeconds(5)).until(() -> seen.size() == 2);
        assertThat(codec.decodeState(seen.get(1), CounterState.class))
                .isEqualTo(Samples.paused(3));
    }

    @Test
    void after_the_broker_drops_the_session_the_link_reconnects_and_subscribes_again() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        String topic = topics.services();
        MqttLink link = connect(kioskConfig());
        List<byte[]> seen = new CopyOnWriteArrayList<>();
        link.onState(topic, seen::add);

        // A clean-session client with the same id takes the session over: the broker drops the link and forgets
        // its subscriptions. Only a resubscribe on reconnect brings the next state in.
        MqttClient usurper = new MqttClient(broker.url(), "kiosk-1", new MemoryPersistence());
        MqttConnectOptions clean = new MqttConnectOptions();
        clean.setCleanSession(true);
        usurper.connect(clean);
        usurper.disconnect();
        usurper.close();
        await().atMost(Duration.ofSeconds(10)).until(link::isConnected);
        hub.publishState(topic, Samples.catalogue());

        await().atMost(Duration.ofSeconds(5)).until(() -> !seen.isEmpty());
        assertThat(link.request(ISSUE_DD).get()).isEqualTo(Samples.ticket());
        assertThat(Retained.status(broker.url(), statusTopic()).map(DeviceStatus::online)).contains(true);
    }

    @Test
    void connect_gives_up_with_a_clear_error_when_no_broker_listens() throws IOException {
        int deadPort;
        try (ServerSocket probe = new ServerSocket(0)) {
            deadPort = probe.getLocalPort();
        }
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-9", "tcp://127.0.0.1:" + deadPort, List.of("DD"), dataDir);

        assertThatThrownBy(() -> MqttLink.connect(config, "test-1", Duration.ofSeconds(1)))
                .isInstanceOf(LinkException.class)
                .hasMessageContaining("kiosk-9: could not connect to tcp://127.0.0.1:" + deadPort);
    }

    @Test
    void every_mqtt_socket_has_tcp_nodelay_on() throws IOException {
        LinkSecurity plain = LinkSecurity.load(kioskConfig());
        try (Socket socket = LinkOptions.connect("t", new byte[0], plain).getSocketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }
}
