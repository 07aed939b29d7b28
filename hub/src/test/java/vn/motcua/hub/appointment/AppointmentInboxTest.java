package vn.motcua.hub.appointment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.hub.writer.DeskWriter;
import vn.motcua.hub.writer.NoPublisher;
import vn.motcua.hub.writer.SignedIn;
import vn.motcua.hub.writer.StatePublisher;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;

class AppointmentInboxTest {

    private static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    // 09:00 in Ho Chi Minh City on Monday 23 November 2026.
    private static final Instant NOW = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dir;
    private final Codec codec = new Codec();

    private static final StatePublisher NOWHERE = NoPublisher.INSTANCE;

    @Test
    void a_dropped_booking_file_is_imported_once_and_its_token_checks_in_at_the_kiosk() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(DISTRICT, store, Clock.fixed(NOW, ZoneOffset.UTC), NOWHERE);
             AppointmentInbox inbox = AppointmentInbox.start(dir, writer, new Metrics())) {
            SignedIn.everyCounter(writer, DISTRICT); // a check-in issues a ticket: its service must be staffed
            Path drop = dir.resolve("inbox/appointments/portal-20261123.json");
            String bookings = """
                    {"appointments":[
                      {"token":"A7Q4K2M5N6P7R8S9","service":"HT","slot":"2026-11-23T09:10:00+07:00"},
                      {"token":"A7Q4K2M5N6P7R8S9","service":"HT","slot":"2026-11-23T09:40:00+07:00"}]}""";
            Files.writeString(drop.resolveSibling("portal.tmp"), bookings);
            settled(drop.resolveSibling("portal.tmp"));
            Files.move(drop.resolveSibling("portal.tmp"), drop);
            inbox.scan();

            assertThat(drop).doesNotExist();
            assertThat(Files.readString(dir.resolve("inbox/appointments/imported/portal-20261123.json.result.txt")))
                    .contains("A7Q4K2M5N6P7R8S9: booked", "A7Q4K2M5N6P7R8S9: refused, INVALID_STATE");
            Response checkedIn = send(writer, new RequestBody.AppointmentCheckin("A7Q4K2M5N6P7R8S9"));
            assertThat(((Response.Ok) checkedIn).body()).isInstanceOfSatisfying(ResponseBody.TicketIssued.class,
                    t -> assertThat(t.service()).isEqualTo("HT"));
            Response again = send(writer, new RequestBody.AppointmentCheckin("A7Q4K2M5N6P7R8S9"));
            assertThat(((Response.Failure) again).code()).isEqualTo(ErrorCode.INVALID_STATE);
        }
    }

    @Test
    void a_broken_file_is_set_aside_with_the_reason_and_nothing_is_booked() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(DISTRICT, store, Clock.fixed(NOW, ZoneOffset.UTC), NOWHERE);
             AppointmentInbox inbox = AppointmentInbox.start(dir, writer, new Metrics())) {
            Files.writeString(dir.resolve("inbox/appointments/bad.json"), """
                    {"appointments":[{"token":"GOODTOKEN1","service":"HT","slot":"2026-11-23T09:10:00+07:00"},
                                     {"token":"<script>","service":"HT","slot":"tomorrow"}]}""");
            settled(dir.resolve("inbox/appointments/bad.json"));
            inbox.scan();
            assertThat(Files.readString(dir.resolve("inbox/appointments/rejected/bad.json.error.txt")))
                    .contains("appointments[1].token");
            Response checkIn = send(writer, new RequestBody.AppointmentCheckin("GOODTOKEN1"));
            assertThat(((Response.Failure) checkIn).code()).isEqualTo(ErrorCode.INVALID_FIELD);
        }
    }

    /**
     * Copied in place (scp, a share), a file may be read while it is still being written: the inbox leaves a file
     * changed in the last few seconds for a later scan, so its first half is not rejected as broken JSON.
     */
    @Test
    void a_file_still_being_written_is_left_for_a_later_scan() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(DISTRICT, store, Clock.fixed(NOW, ZoneOffset.UTC), NOWHERE);
             AppointmentInbox inbox = AppointmentInbox.start(dir, writer, new Metrics())) {
            Path copying = dir.resolve("inbox/appointments/portal.json");
            Files.writeString(copying, "{\"appointments\":[{\"token\":\"GOODTOKEN2\",\"serv");
            inbox.scan();
            assertThat(copying).exists();
            assertThat(dir.resolve("inbox/appointments/rejected/portal.json.error.txt")).doesNotExist();

            Files.writeString(copying, "{\"appointments\":[{\"token\":\"GOODTOKEN2\",\"service\":\"HT\","
                    + "\"slot\":\"2026-11-23T09:10:00+07:00\"}]}");
            settled(copying);
            inbox.scan();
            assertThat(Files.readString(dir.resolve("inbox/appointments/imported/portal.json.result.txt")))
                    .contains("GOODTOKEN2: booked");
        }
    }

    /** As if the file had been written a minute ago. */
    private static void settled(Path file) throws IOException {
        Files.setLastModifiedTime(file, FileTime.from(Instant.now().minus(Duration.ofMinutes(1))));
    }

    private Response send(DeskWriter writer, RequestBody body) throws InterruptedException {
        BlockingQueue<byte[]> answer = new LinkedBlockingQueue<>();
        writer.submit("kiosk-1", Request.of(new Ulid(Clock.fixed(NOW, ZoneOffset.UTC), new Random()).next(),
                OffsetDateTime.now(), body), answer::add);
        byte[] response = answer.poll(10, TimeUnit.SECONDS);
        assertThat(response).as("an answer within 10 s").isNotNull();
        return codec.decodeResponse(response);
    }
}
