package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.authority.UnitPermissions;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.testkit.ManualClock;
import vn.motcua.testkit.Mosquitto;

/**
 * Units bound to roles and counters, and ratings bound to what was served, end to end over a real broker: the
 * reproductions of issue 11's items 2 and 3. The district profile binds kiosk-1 and kiosk-2 (KIOSK), counter-N to
 * counter N, hall-1 (DISPLAY) and officers cb.N at counter N; counter 4 and 5 serve HT.
 */
class UnitBindingOverMqttTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");

    @TempDir
    Path dir;
    /** Both the hub and the units' ids read it: a press "later" is an id made after the clock moved. */
    private final ManualClock clock = new ManualClock(OffsetDateTime.parse("2026-11-23T09:00:00+07:00").toInstant(), HCM);
    private final Ulid ids = new Ulid(clock, new Random(11));
    private final Codec codec = new Codec();
    private final List<AutoCloseable> parts = new ArrayList<>();
    private Hub hub;

    private void start(BrokerKind kind) throws Exception {
        HubSettings settings = HubSettings.local(OFFICE, dir.resolve("hub"));
        if (kind == BrokerKind.MOSQUITTO) {
            Mosquitto mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            parts.add(mosquitto);
            settings = settings.withExternalBroker(mosquitto.url());
        }
        hub = Hub.start(settings, clock);
        parts.add(hub);
    }

    private RawDevice unit(String id) throws Exception {
        RawDevice unit = new RawDevice(hub.brokerUrl(), OFFICE.id(), id);
        parts.add(unit);
        return unit;
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : parts.reversed()) {
            part.close();
        }
    }

    private Request request(RequestBody body) {
        return Request.of(ids.next(), OffsetDateTime.now(clock), body);
    }

    private Response send(RawDevice unit, RequestBody body) throws Exception {
        return unit.send(request(body));
    }

    private static <T extends ResponseBody> T ok(Response response, Class<T> type) {
        assertThat(response).isInstanceOf(Response.Ok.class);
        return type.cast(((Response.Ok) response).body());
    }

    private static Response.Failure refused(Response response, ErrorCode code) {
        assertThat(response).isInstanceOfSatisfying(Response.Failure.class, f -> assertThat(f.code()).isEqualTo(code));
        return (Response.Failure) response;
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_unit_the_profile_does_not_list_is_refused_everything_and_changes_nothing(BrokerKind kind) throws Exception {
        start(kind);
        RawDevice kiosk = unit("kiosk-1");
        RawDevice counter2 = unit("counter-2");
        RawDevice counter4 = unit("counter-4");
        ok(send(counter2, new RequestBody.CounterSignIn(2, "cb.2")), ResponseBody.CounterUpdated.class);
        ok(send(counter4, new RequestBody.CounterSignIn(4, "cb.4")), ResponseBody.CounterUpdated.class);
        ok(send(kiosk, new RequestBody.TicketIssue("HT", Optional.empty())), ResponseBody.TicketIssued.class);
        ok(send(kiosk, new RequestBody.TicketIssue("HT", Optional.empty())), ResponseBody.TicketIssued.class);
        ok(send(counter4, new RequestBody.CounterNext(4)), ResponseBody.TicketCalled.class);
        // the answer goes out right after the commit, the board and the catalogue a moment later
        await().atMost(RawDevice.timeout()).until(() -> !hub.writer().board().recentCalls().isEmpty()
                && hub.writer().services().services().stream().anyMatch(s -> s.code().equals("HT") && s.waiting() == 1));
        Board board = hub.writer().board();
        ServiceCatalogue services = hub.writer().services();

        RawDevice rogue = unit("rogue-99");
        rogue.publishStatus(codec.encodeState(DeviceStatus.online(Set.of(Role.KIOSK), "rogue", OffsetDateTime.now(clock))));
        List<RequestBody> attempts = List.of(
                new RequestBody.CounterSignIn(3, "attacker"),
                new RequestBody.CounterNext(4),
                new RequestBody.CounterNoShow(4),
                new RequestBody.CounterSignOut(2),
                new RequestBody.LeaseRenew("HT", 50),
                new RequestBody.RatingSubmit(4, "RAT_HAI_LONG", Optional.empty()),
                new RequestBody.TicketIssue("HT", Optional.empty()),
                new RequestBody.TicketCancel("2-002"));
        for (RequestBody attempt : attempts) {
            Response.Failure failure = refused(send(rogue, attempt), ErrorCode.NOT_PERMITTED);
            assertThat(failure.message()).isEqualTo("this unit is not listed in the office's units");
        }

        assertThat(hub.writer().board()).as("no change was published").isSameAs(board);
        assertThat(hub.writer().services()).isSameAs(services);
        assertThat(hub.metrics().value(UnitPermissions.METRIC + "{device=\"" + UnitPermissions.UNLISTED + "\"}"))
                .isEqualTo(attempts.size());
        assertThat(hub.metrics().prometheusText()).doesNotContain("rogue-99");
        // the bound units still work as before
        ResponseBody.CounterUpdated signedOut = ok(send(counter2, new RequestBody.CounterSignOut(2)),
                ResponseBody.CounterUpdated.class);
        assertThat(signedOut.state().officer()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_listed_unit_acts_only_in_its_roles_for_its_counters_and_signs_in_only_staff_allowed_there(BrokerKind kind)
            throws Exception {
        start(kind);
        RawDevice kiosk = unit("kiosk-1");
        RawDevice counter4 = unit("counter-4");
        RawDevice hall = unit("hall-1");

        assertThat(refused(send(kiosk, new RequestBody.CounterNext(4)), ErrorCode.NOT_PERMITTED).message())
                .isEqualTo("counter.next needs a unit bound as COUNTER; this unit is bound as KIOSK");
        assertThat(refused(send(counter4, new RequestBody.TicketIssue("HT", Optional.empty())), ErrorCode.NOT_PERMITTED)
                .message()).isEqualTo("ticket.issue needs a unit bound as KIOSK; this unit is bound as COUNTER");
        refused(send(counter4, new RequestBody.LeaseRenew("HT", 10)), ErrorCode.NOT_PERMITTED);
        assertThat(refused(send(counter4, new RequestBody.CounterNext(3)), ErrorCode.NOT_PERMITTED).message())
                .isEqualTo("this unit is not bound to the counter in body.counter");
        assertThat(refused(send(counter4, new RequestBody.CounterSignIn(4, "attacker")), ErrorCode.NOT_PERMITTED)
                .message()).isEqualTo("body.officer is not on the office's staff list");
        assertThat(refused(send(counter4, new RequestBody.CounterSignIn(4, "cb.5")), ErrorCode.NOT_PERMITTED).message())
                .isEqualTo("body.officer may not work at the counter in body.counter");
        assertThat(refused(send(hall, new RequestBody.TicketCancel("2-001")), ErrorCode.NOT_PERMITTED).message())
                .isEqualTo("ticket.cancel needs a unit bound as KIOSK or COUNTER; this unit is bound as DISPLAY");

        ok(send(counter4, new RequestBody.CounterSignIn(4, "lan.nt")), ResponseBody.CounterUpdated.class);
        ok(send(counter4, new RequestBody.CounterSignIn(4, "cb.4")), ResponseBody.CounterUpdated.class);
        String ticket = ok(send(kiosk, new RequestBody.TicketIssue("HT", Optional.empty())),
                ResponseBody.TicketIssued.class).ticket();
        refused(send(counter4, new RequestBody.TicketCancel("2-999")), ErrorCode.UNKNOWN_TICKET); // permitted, then judged
        assertThat(ok(send(counter4, new RequestBody.CounterNext(4)), ResponseBody.TicketCalled.class).ticket())
                .isEqualTo(ticket);
        assertThat(hub.metrics().prometheusText()).contains(
                UnitPermissions.METRIC + "{device=\"kiosk-1\"} 1",
                UnitPermissions.METRIC + "{device=\"counter-4\"} 5",
                UnitPermissions.METRIC + "{device=\"hall-1\"} 1");
    }

    @Test
    void a_rating_counts_only_for_a_ticket_served_at_that_counter_and_pressed_within_the_window() throws Exception {
        start(BrokerKind.EMBEDDED);
        RawDevice kiosk = unit("kiosk-1");
        RawDevice counter4 = unit("counter-4");
        RawDevice counter5 = unit("counter-5");
        ok(send(counter4, new RequestBody.CounterSignIn(4, "cb.4")), ResponseBody.CounterUpdated.class);
        ok(send(counter5, new RequestBody.CounterSignIn(5, "cb.5")), ResponseBody.CounterUpdated.class);
        String ticket = ok(send(kiosk, new RequestBody.TicketIssue("HT", Optional.empty())),
                ResponseBody.TicketIssued.class).ticket();
        RequestBody rating = new RequestBody.RatingSubmit(4, "RAT_HAI_LONG", Optional.of(ticket));

        refused(send(counter4, rating), ErrorCode.NOT_RATEABLE); // waiting
        ok(send(counter4, new RequestBody.CounterNext(4)), ResponseBody.TicketCalled.class);
        refused(send(counter4, rating), ErrorCode.NOT_RATEABLE); // called, the citizen not yet at the counter
        ok(send(counter4, new RequestBody.CounterStart(4)), ResponseBody.CounterUpdated.class);
        ok(send(counter4, new RequestBody.CounterDone(4, Optional.empty())), ResponseBody.CounterUpdated.class);
        refused(send(counter5, new RequestBody.RatingSubmit(5, "RAT_HAI_LONG", Optional.of(ticket))),
                ErrorCode.NOT_RATEABLE); // served at 4, rated as 5
        Request pressedInTime = request(new RequestBody.RatingSubmit(4, "KHONG_HAI_LONG", Optional.of(ticket)));
        clock.advance(Duration.ofMinutes(11));
        Response.Failure late = refused(send(counter4, rating), ErrorCode.NOT_RATEABLE);
        assertThat(late.message()).isEqualTo("body.ticket finished more than 10 min (the rating window) before the key"
                + " was pressed");

        ResponseBody.RatingRecorded real = ok(counter4.send(pressedInTime), ResponseBody.RatingRecorded.class);

        assertThat(real).isEqualTo(new ResponseBody.RatingRecorded("KHONG_HAI_LONG", Optional.of(ticket)));
        refused(counter4.send(request(new RequestBody.RatingSubmit(4, "RAT_HAI_LONG", Optional.empty()))),
                ErrorCode.NOT_RATEABLE); // and nothing else finished at counter 4 in the last 10 minutes
    }

    @Test
    void only_a_listed_unit_that_drops_leaves_a_retained_offline_status_on_the_embedded_broker() throws Exception {
        start(BrokerKind.EMBEDDED);
        Topics topics = Topics.forSite(OFFICE.id());
        for (String id : List.of("observer-1", "kiosk-2")) { // the stranger drops first
            MqttAsyncClient client = new MqttAsyncClient(hub.brokerUrl(), id, new MemoryPersistence());
            client.connect().waitForCompletion(5_000);
            client.disconnectForcibly(0, 0, false); // no DISCONNECT packet: the connection is just lost
            client.close();
        }
        Map<String, byte[]> statuses = new ConcurrentHashMap<>();
        MqttAsyncClient watcher = new MqttAsyncClient(hub.brokerUrl(), "watcher", new MemoryPersistence());
        parts.add(watcher::close);
        watcher.connect().waitForCompletion(5_000);
        parts.add(() -> watcher.disconnect().waitForCompletion(5_000));
        watcher.subscribe(topics.everyDevice(DeviceChannel.STATUS), 1,
                (topic, message) -> statuses.put(topic, message.getPayload())).waitForCompletion(5_000);

        await().atMost(RawDevice.timeout()).untilAsserted(() -> assertThat(statuses)
                .containsKey(topics.device("kiosk-2", DeviceChannel.STATUS)));
        assertThat(codec.decodeState(statuses.get(topics.device("kiosk-2", DeviceChannel.STATUS)), DeviceStatus.class)
                .online()).isFalse();
        assertThat(statuses).doesNotContainKey(topics.device("observer-1", DeviceChannel.STATUS));
    }
}
