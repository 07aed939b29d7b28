package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.HubSettings;
import vn.motcua.hub.engine.TicketState;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;

/** The status link added at the writer, and the ticket status read through the writer's queue. */
class StatusLinksTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    /** Monday 16:00 in Hà Nội: with the default cut-off the last call is at 16:50. */
    private static final Instant FOUR_PM = Instant.parse("2026-11-23T09:00:00Z");
    private static final StatePublisher NOWHERE = NoPublisher.INSTANCE;

    @TempDir
    Path dir;
    private final Codec codec = new Codec();
    /** Ids by the hub's clock, as a unit whose clock agrees with it makes them. */
    private final Ulid ids = new Ulid(Clock.fixed(FOUR_PM, ZoneOffset.UTC), new Random(3));

    @Test
    void an_issued_ticket_carries_its_status_link_and_its_status_is_read_through_the_writer() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, Clock.fixed(FOUR_PM, ZoneOffset.UTC), NOWHERE,
                     DeskWriter.DEFAULT_MAX_BATCH, StatusLinks.at("http://192.168.1.10:8080/"))) {
            SignedIn.everyCounter(writer, OFFICE);
            ResponseBody.TicketIssued first = issue(writer);
            assertThat(first.statusUrl()).contains("http://192.168.1.10:8080/ticket/1-001");
            assertThat(first.mayNotBeServedToday()).isFalse();
            for (int i = 0; i < 14; i++) {
                issue(writer);
            }
            ResponseBody.TicketIssued sixteenth = issue(writer);
            assertThat(sixteenth.mayNotBeServedToday()).isTrue();
            assertThat(writer.status("1-016")).hasValueSatisfying(s -> {
                assertThat(s.state()).isEqualTo(TicketState.WAITING);
                assertThat(s.ahead()).isEqualTo(15);
                assertThat(s.estimateMin()).isEqualTo(sixteenth.estimateMin());
                assertThat(s.mayNotBeServedToday()).isTrue();
            });
            assertThat(writer.status("1-017")).isEmpty();
        }
    }

    @Test
    void without_a_public_url_answers_go_out_as_the_engine_made_them() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, Clock.fixed(FOUR_PM, ZoneOffset.UTC), NOWHERE)) {
            SignedIn.everyCounter(writer, OFFICE);
            assertThat(issue(writer).statusUrl()).isEmpty();
        }
    }

    @Test
    void a_public_url_that_is_not_an_http_address_is_refused_before_the_hub_starts() {
        for (String bad : new String[] {"hub.local:8080", "ftp://hub.local", "http://", "http://hub.local/?x=1", "ht tp://x"}) {
            assertThatThrownBy(() -> HubSettings.local(OFFICE, dir).withPublicUrl(bad))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageStartingWith("the public URL must be an http:// or https:// address");
        }
        assertThat(HubSettings.local(OFFICE, dir).withPublicUrl("https://motcua.nghiloc.gov.vn").publicUrl())
                .contains("https://motcua.nghiloc.gov.vn");
    }

    private ResponseBody.TicketIssued issue(DeskWriter writer) throws InterruptedException {
        Request request = Request.of(ids.next(), OffsetDateTime.now(), new RequestBody.TicketIssue("DD", Optional.empty()));
        BlockingQueue<byte[]> answer = new LinkedBlockingQueue<>();
        writer.submit("kiosk-1", request, answer::add);
        byte[] response = answer.poll(10, TimeUnit.SECONDS);
        assertThat(response).as("answer within 10 s").isNotNull();
        return (ResponseBody.TicketIssued) ((Response.Ok) codec.decodeResponse(response)).body();
    }
}
