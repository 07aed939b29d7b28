package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;

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
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/**
 * A kiosk's offline round trip through the hub over a real broker: it leases numbers, prints while "offline", and
 * syncs the tickets on reconnect; the hub queues them by printed time and keeps them across a restart. The hub's
 * clock stands at 10:00 on an office day, so the printed times are of that day whenever the test runs.
 */
class OfflineTicketsOverMqttTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final OffsetDateTime TEN = OffsetDateTime.parse("2026-11-23T10:00:00+07:00");
    private static final Clock CLOCK = Clock.fixed(TEN.toInstant(), ZoneOffset.UTC);

    @TempDir
    Path dir;
    /** Ids by the hub's clock, as a unit whose clock agrees with it makes them. */
    private final Ulid ids = new Ulid(CLOCK, new Random(3));
    private final List<AutoCloseable> parts = new ArrayList<>();
    private Mosquitto mosquitto;
    private Hub hub;

    @AfterEach
    void stop() throws Exception {
        stopParts();
        if (mosquitto != null) {
            mosquitto.close();
        }
    }

    /** The devices, then the hub; the broker stays up for a Mosquitto hub's restart. */
    private void stopParts() throws Exception {
        for (AutoCloseable part : parts.reversed()) {
            part.close();
        }
        parts.clear();
    }

    private void startHub(BrokerKind kind) throws Exception {
        HubSettings settings = HubSettings.local(OFFICE, dir.resolve("hub"));
        if (kind == BrokerKind.MOSQUITTO) {
            if (mosquitto == null) {
                mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            }
            settings = settings.withExternalBroker(mosquitto.url());
        }
        hub = Hub.start(settings, CLOCK);
        parts.add(hub);
        SignedIn.everyCounter(hub.writer(), OFFICE);
    }

    private RawDevice device(String id) throws Exception {
        RawDevice device = new RawDevice(hub.brokerUrl(), OFFICE.id(), id);
        parts.add(device);
        return device;
    }

    private Request request(RequestBody body) {
        return Request.of(ids.next(), TEN, body);
    }

    private Request offline(int number, OffsetDateTime printed) {
        return request(new RequestBody.TicketIssueOffline("HT", number, printed, Optional.empty()));
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_kiosk_leases_numbers_syncs_its_offline_tickets_and_the_hub_queues_them_by_printed_time_across_a_restart(
            BrokerKind kind) throws Exception {
        startHub(kind);
        RawDevice kiosk = device("kiosk-1");
        RawDevice otherKiosk = device("kiosk-2");
        assertThat(ok(kiosk.send(request(new RequestBody.LeaseRenew("HT", 10)))))
                .isEqualTo(new ResponseBody.LeaseGranted("HT", 990, 999, LocalDate.of(2026, 11, 23)));
        ResponseBody.TicketIssued online = (ResponseBody.TicketIssued) ok(kiosk.send(
                request(new RequestBody.TicketIssue("HT", Optional.empty()))));
        assertThat(online.ticket()).isEqualTo("2-001");

        Request printedEarlier = offline(990, TEN.minusMinutes(10));
        Response answer = kiosk.send(printedEarlier);
        ResponseBody.TicketIssued synced = (ResponseBody.TicketIssued) ok(answer);
        assertThat(synced.ticket()).isEqualTo("2-990");
        assertThat(synced.number()).isEqualTo(990);
        assertThat(synced.ahead()).as("the online ticket was issued after it was printed").isZero();
        assertThat(synced.issuedAt().toInstant()).isEqualTo(TEN.minusMinutes(10).toInstant());
        assertThat(kiosk.send(printedEarlier)).as("the same request again: the original answer").isEqualTo(answer);
        assertThat(failure(kiosk.send(offline(990, TEN.minusMinutes(10)))).code()).as("the number again, a new request")
                .isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(failure(otherKiosk.send(offline(991, TEN.minusMinutes(5)))).code()).as("not kiosk-2's block")
                .isEqualTo(ErrorCode.INVALID_FIELD);

        stopParts();
        startHub(kind);
        kiosk = device("kiosk-1");
        RawDevice counter = device("counter-4");
        assertThat(ok(kiosk.send(request(new RequestBody.LeaseRenew("HT", 10)))))
                .as("the leases came back with the log").isEqualTo(new ResponseBody.LeaseGranted("HT", 980, 989,
                        LocalDate.of(2026, 11, 23)));
        assertThat(failure(kiosk.send(offline(990, TEN.minusMinutes(10)))).code()).isEqualTo(ErrorCode.INVALID_STATE);
        assertThat(((ResponseBody.TicketCalled) ok(counter.send(request(new RequestBody.CounterNext(4))))).ticket())
                .as("printed before 2-001 was issued, so called first").isEqualTo("2-990");
        assertThat(((ResponseBody.TicketCalled) ok(counter.send(request(new RequestBody.CounterNext(4))))).ticket())
                .isEqualTo("2-001");
        assertThat(stored("SELECT label || (CASE offline WHEN 1 THEN ' offline' ELSE ' online' END) FROM tickets"
                + " ORDER BY label")).containsExactly("2-001 online", "2-990 offline");
        assertThat(stored("SELECT device_id || ' ' || service || ' ' || first || '-' || last || ' ' || day FROM leases"
                + " ORDER BY first DESC")).containsExactly("kiosk-1 HT 990-999 2026-11-23", "kiosk-1 HT 980-989 2026-11-23");
    }

    /** Rows of the hub's tables as reports read them, one text each. */
    private List<String> stored(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("hub/hub.db"));
             Statement s = db.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static ResponseBody ok(Response response) {
        assertThat(response).isInstanceOf(Response.Ok.class);
        return ((Response.Ok) response).body();
    }

    private static Response.Failure failure(Response response) {
        assertThat(response).isInstanceOf(Response.Failure.class);
        return (Response.Failure) response;
    }
}
