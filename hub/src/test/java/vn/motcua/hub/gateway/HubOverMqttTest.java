package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.writer.SignedIn;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Event;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/** The hub end to end over a real broker: the embedded one and a Mosquitto process. */
class HubOverMqttTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));

    @TempDir
    Path dir;
    private final Ulid ids = Ulid.generator();
    private final Codec codec = new Codec();
    private Mosquitto mosquitto;
    private Hub hub;
    private RawDevice kiosk;
    private RawDevice counter;

    private void start(BrokerKind kind) throws Exception {
        HubSettings settings = HubSettings.local(OFFICE, dir.resolve("hub"));
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            settings = settings.withExternalBroker(mosquitto.url());
        }
        hub = Hub.start(settings, Clock.systemUTC());
        SignedIn.everyCounter(hub.writer(), OFFICE);
        kiosk = new RawDevice(hub.brokerUrl(), OFFICE.id(), "kiosk-1");
        counter = new RawDevice(hub.brokerUrl(), OFFICE.id(), "counter-4");
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : new AutoCloseable[] {kiosk, counter, hub, mosquitto}) {
            if (part != null) {
                part.close();
            }
        }
    }

    private Request request(RequestBody body) {
        return Request.of(ids.next(), OffsetDateTime.now(), body);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_ticket_is_issued_called_and_shown_on_the_retained_board(BrokerKind kind) throws Exception {
        start(kind);
        Response issued = kiosk.send(request(new RequestBody.TicketIssue("HT", Optional.empty())));
        assertThat(issued).isInstanceOf(Response.Ok.class);
        ResponseBody.TicketIssued ticket = (ResponseBody.TicketIssued) ((Response.Ok) issued).body();
        assertThat(ticket.ticket()).isEqualTo("2-001");
        assertThat(ticket.ahead()).isZero();

        Response called = counter.send(request(new RequestBody.CounterNext(4)));
        assertThat(((Response.Ok) called).body()).isInstanceOfSatisfying(ResponseBody.TicketCalled.class,
                c -> assertThat(c.ticket()).isEqualTo("2-001"));

        await().atMost(RawDevice.timeout()).untilAsserted(() -> {
            CounterState state = codec.decodeState(counter.lastRetained(counter.topics().counterState(4)), CounterState.class);
            assertThat(state.current()).hasValueSatisfying(c -> assertThat(c.ticket()).isEqualTo("2-001"));
            Board board = codec.decodeState(counter.lastRetained(counter.topics().board()), Board.class);
            assertThat(board.recentCalls()).first().satisfies(call -> {
                assertThat(call.ticket()).isEqualTo("2-001");
                assertThat(call.counter()).isEqualTo(4);
            });
        });
        assertThat(hub.writer().board().recentCalls()).extracting(Board.Call::ticket).containsExactly("2-001");
        String why = get("/api/calls?ticket=2-001");
        assertThat(why).contains("\"policy\":\"effective-wait\"", "\"counter\":4", "2-001: waited 0 min");
    }

    private String get(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hub.httpPort() + path)).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void broken_requests_get_error_responses_and_the_hub_keeps_serving(BrokerKind kind) throws Exception {
        start(kind);
        kiosk.sendRaw("{not json");
        assertThat(failure(kiosk.nextResponse()).code()).isEqualTo(ErrorCode.MALFORMED_JSON);

        String id = ids.next();
        kiosk.sendRaw("{\"v\":1,\"id\":\"" + id + "\",\"op\":\"ticket.teleport\",\"body\":{}}");
        Response.Failure unknown = failure(kiosk.nextResponse());
        assertThat(unknown.code()).isEqualTo(ErrorCode.UNKNOWN_OPERATION);
        assertThat(unknown.id()).contains(id);

        byte[] oversized = new byte[Protocol.MAX_MESSAGE_BYTES + 1];
        Arrays.fill(oversized, (byte) ' ');
        System.arraycopy("{\"v\":1}".getBytes(StandardCharsets.UTF_8), 0, oversized, 0, 7);
        kiosk.sendRaw(oversized);
        assertThat(failure(kiosk.nextResponse()).code()).isEqualTo(ErrorCode.MESSAGE_TOO_LARGE);

        Response stillServing = kiosk.send(request(new RequestBody.TicketIssue("DD", Optional.empty())));
        assertThat(stillServing).isInstanceOf(Response.Ok.class);
        String metrics = get("/metrics");
        assertThat(metrics).contains("motcua_requests_rejected_total{code=\"MALFORMED_JSON\"} 1",
                "motcua_requests_rejected_total{code=\"UNKNOWN_OPERATION\"} 1",
                "motcua_requests_rejected_total{code=\"MESSAGE_TOO_LARGE\"} 1");
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_resent_request_gets_the_original_answer_and_issues_no_second_ticket(BrokerKind kind) throws Exception {
        start(kind);
        Request once = request(new RequestBody.TicketIssue("CT", Optional.empty()));
        Response first = kiosk.send(once);
        Response again = kiosk.send(once);
        assertThat(again).isEqualTo(first);
        Response next = kiosk.send(request(new RequestBody.TicketIssue("CT", Optional.empty())));
        assertThat(((ResponseBody.TicketIssued) ((Response.Ok) next).body()).ticket()).isEqualTo("3-002");
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_restarted_hub_continues_numbering_and_shows_the_same_counters(BrokerKind kind) throws Exception {
        start(kind);
        kiosk.send(request(new RequestBody.TicketIssue("HT", Optional.empty())));
        counter.send(request(new RequestBody.CounterNext(4)));
        kiosk.close();
        counter.close();
        hub.close();

        hub = Hub.start(mosquitto == null ? HubSettings.local(OFFICE, dir.resolve("hub"))
                : HubSettings.local(OFFICE, dir.resolve("hub")).withExternalBroker(mosquitto.url()), Clock.systemUTC());
        kiosk = new RawDevice(hub.brokerUrl(), OFFICE.id(), "kiosk-1");
        counter = new RawDevice(hub.brokerUrl(), OFFICE.id(), "counter-4");
        Response issued = kiosk.send(request(new RequestBody.TicketIssue("HT", Optional.empty())));
        assertThat(((ResponseBody.TicketIssued) ((Response.Ok) issued).body()).ticket()).isEqualTo("2-002");
        assertThat(hub.writer().board().counters()).filteredOn(c -> c.counter() == 4).singleElement()
                .satisfies(c -> assertThat(c.current()).hasValueSatisfying(cur -> assertThat(cur.ticket()).isEqualTo("2-001")));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void unit_presence_and_printer_events_show_in_the_metrics(BrokerKind kind) throws Exception {
        start(kind);
        kiosk.publishStatus(codec.encodeState(DeviceStatus.online(Set.of(Role.KIOSK), "motcua-device test",
                OffsetDateTime.now())));
        kiosk.publishEvent(codec.encode(new Event(ids.next(), OffsetDateTime.now(),
                new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true))));
        kiosk.publishEvent("{\"v\":1,\"type\":\"printer.status\"}".getBytes(StandardCharsets.UTF_8));
        kiosk.publishEvent(codec.encode(new Event(ids.next(), OffsetDateTime.now(), new EventBody.Health(600, 9, 3))));
        await().atMost(RawDevice.timeout()).untilAsserted(() -> {
            assertThat(hub.metrics().value("motcua_device_events_total{type=\"printer.status\"}")).isEqualTo(1);
            assertThat(hub.metrics().prometheusText()).contains("motcua_printer_paper{device=\"kiosk-1\"} 1",
                    "motcua_device_outbox_depth{device=\"kiosk-1\"} 3",
                    "motcua_device_heap_used_mb{device=\"kiosk-1\"} 9",
                    "motcua_device_uptime_seconds{device=\"kiosk-1\"} 600");
            assertThat(hub.metrics().value("motcua_device_messages_rejected_total{code=\"INVALID_FIELD\"}")).isEqualTo(1);
            assertThat(hub.metrics().prometheusText()).contains("motcua_devices_online 1");
        });
    }

    private static Response.Failure failure(Response response) {
        assertThat(response).isInstanceOf(Response.Failure.class);
        return (Response.Failure) response;
    }
}
