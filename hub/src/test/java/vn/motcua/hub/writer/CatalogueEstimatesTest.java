package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
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

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.testkit.ManualClock;

/**
 * The catalogue the writer publishes after every commit: waiting counts always fresh, the per-service estimates (a
 * forward simulation each) worked out again at most every {@link DeskWriter#ESTIMATES_EVERY}. District office at
 * 09:00 on a Monday: land (DD) takes 18 min at its 5 counters, all idle.
 */
class CatalogueEstimatesTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final Instant NINE_AM = Instant.parse("2026-11-23T02:00:00Z");

    @TempDir
    Path dir;
    private final ManualClock clock = new ManualClock(NINE_AM.minus(DeskWriter.ESTIMATES_EVERY), ZoneOffset.UTC);
    /** Ids by the hub's clock, as a unit whose clock agrees with it makes them. */
    private final Ulid ids = new Ulid(clock, new Random(3));

    @Test
    void waiting_counts_follow_every_commit_and_estimates_the_timer() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, clock, NoPublisher.INSTANCE)) {
            SignedIn.everyCounter(writer, OFFICE);
            clock.set(NINE_AM); // the first ticket's commit works the estimates out, with every counter staffed
            for (int i = 0; i < 6; i++) {
                issue(writer, "DD");
            }
            // Six land tickets wait; the estimates are still those worked out at the first of them.
            await().atMost(Duration.ofSeconds(10)).until(() -> land(writer).waiting() == 6);
            assertThat(land(writer).estimateMin()).contains(0);

            clock.advance(DeskWriter.ESTIMATES_EVERY);
            issue(writer, "HT");
            // Worked out again: five counters take five at once, the sixth and a new one come 18 minutes later.
            await().atMost(Duration.ofSeconds(10)).until(() -> land(writer).estimateMin().equals(Optional.of(18)));
            assertThat(land(writer).waiting()).isEqualTo(6);
        }
    }

    private static ServiceCatalogue.Entry land(DeskWriter writer) {
        return writer.services().services().stream().filter(e -> e.code().equals("DD")).findFirst().orElseThrow();
    }

    private void issue(DeskWriter writer, String service) throws InterruptedException {
        Request request = Request.of(ids.next(), OffsetDateTime.now(), new RequestBody.TicketIssue(service, Optional.empty()));
        BlockingQueue<byte[]> answer = new LinkedBlockingQueue<>();
        writer.submit("kiosk-1", request, answer::add);
        assertThat(answer.poll(10, TimeUnit.SECONDS)).as("answer within 10 s").isNotNull();
    }
}
