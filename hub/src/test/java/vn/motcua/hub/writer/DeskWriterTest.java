package vn.motcua.hub.writer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.testkit.ManualClock;

class DeskWriterTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));

    @TempDir
    Path dir;
    private final Codec codec = new Codec();
    private final Ulid ids = Ulid.generator();
    private final Random random = new Random(7);

    /** Keeps what would go out on the retained topics. */
    private static final class Published implements StatePublisher {
        final List<Board> boards = new CopyOnWriteArrayList<>();

        @Override
        public void counterState(CounterState state) {
        }

        @Override
        public void board(Board board) {
            boards.add(board);
        }

        @Override
        public void services(ServiceCatalogue catalogue) {
        }
    }

    @Test
    void many_counters_pressing_next_at_once_never_get_the_same_citizen() throws Exception {
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, Clock.systemUTC(), new Published())) {
            SignedIn.everyCounter(writer, OFFICE);
            int tickets = 200;
            Map<String, byte[]> responses = new ConcurrentHashMap<>();
            CountDownLatch issued = new CountDownLatch(tickets);
            for (int i = 0; i < tickets; i++) {
                writer.submit("kiosk-1", request(new RequestBody.TicketIssue("DD", Optional.empty())), r -> issued.countDown());
            }
            assertThat(issued.await(20, TimeUnit.SECONDS)).isTrue();
            // Counters 1, 2, 3, 9 and 10 all serve DD; each presses next from its own thread, 60 times.
            List<Integer> counters = List.of(1, 2, 3, 9, 10);
            CountDownLatch start = new CountDownLatch(1);
            List<Thread> threads = counters.stream().map(counter -> Thread.ofPlatform().start(() -> {
                awaitQuietly(start);
                for (int press = 0; press < 60; press++) {
                    Request next = request(new RequestBody.CounterNext(counter));
                    writer.submit("counter-" + counter, next, r -> responses.put(next.id(), r));
                }
            })).toList();
            start.countDown();
            for (Thread thread : threads) {
                thread.join();
            }
            await().atMost(Duration.ofSeconds(20)).until(() -> responses.size() == 300);
            List<String> called = responses.values().stream().map(codec::decodeResponse)
                    .filter(Response.Ok.class::isInstance)
                    .map(r -> ((ResponseBody.TicketCalled) ((Response.Ok) r).body()).ticket()).toList();
            assertThat(called).hasSize(tickets).doesNotHaveDuplicates();
        }
    }

    @Test
    void nothing_is_answered_before_it_is_on_disk_and_a_new_writer_recovers_it() throws Exception {
        Request issue = request(new RequestBody.TicketIssue("HT", Optional.empty()));
        CountDownLatch answered = new CountDownLatch(1);
        AtomicBoolean committedWhenAnswered = new AtomicBoolean();
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, Clock.systemUTC(), new Published())) {
            SignedIn.everyCounter(writer, OFFICE);
            writer.submit("kiosk-1", issue, response -> {
                // At the moment of answering, the ticket is already committed: a second connection sees it.
                try (HubStore reader = HubStore.open(dir.resolve("hub.db"))) {
                    committedWhenAnswered.set(reader.processedResponse("kiosk-1", issue.id()).isPresent());
                }
                answered.countDown();
            });
            assertThat(answered.await(10, TimeUnit.SECONDS)).isTrue();
            assertThat(committedWhenAnswered).isTrue();
        }
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, Clock.systemUTC(), new Published())) {
            assertThat(writer.services().services()).filteredOn(s -> s.code().equals("HT"))
                    .singleElement().satisfies(s -> assertThat(s.waiting()).isEqualTo(1));
        }
    }

    @Test
    void an_office_day_follows_ho_chi_minh_city_midnight_on_a_utc_server_and_survives_a_restart() throws Exception {
        assertThat(java.util.TimeZone.getDefault().getID()).as("surefire runs the hub's tests in UTC").isEqualTo("UTC");
        Office commune = OfficeLoader.load(Path.of("../config/offices/commune-office.json")); // closing rule: carry over
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T16:59:30Z"), ZoneOffset.UTC); // 23:59:30 in HCMC
        Ulid onClock = new Ulid(clock, new Random(5)); // ids by the hub's clock, or it refuses them as stale
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(commune, store, clock, new Published())) {
            SignedIn.everyCounter(writer, commune);
            assertThat(issue(writer, onClock, "HT")).isEqualTo("1-001");
            assertThat(issue(writer, onClock, "HT")).isEqualTo("1-002");
            clock.set(Instant.parse("2026-11-23T17:00:30Z")); // 00:00:30 on Tuesday in HCMC
            // The new day starts with every counter closed; once they are staffed again, Monday's two waiting
            // citizens were carried over first, in issue order, with new numbers.
            SignedIn.everyCounter(writer, commune);
            assertThat(issue(writer, onClock, "HT")).isEqualTo("1-003");
            // State is published right after the answers go out: wait for it rather than race it.
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                    assertThat(writer.services().services()).filteredOn(s -> s.code().equals("HT"))
                            .singleElement().satisfies(s -> assertThat(s.waiting()).isEqualTo(3)));
        }
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(commune, store, clock, new Published())) {
            assertThat(issue(writer, onClock, "HT")).as("numbering continues after a restart").isEqualTo("1-004");
        }
    }

    @Test
    void the_board_is_numbered_by_the_log_goes_on_from_there_after_a_restart_and_keeps_each_counters_own_time()
            throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC); // 08:00 in HCMC
        Board beforeRestart;
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, clock, new Published())) {
            assertThat(writer.board().sequence()).as("an empty log").isZero();
            ok(writer, "counter-4", new RequestBody.CounterSignIn(4, "lan.nt"));
            clock.set(Instant.parse("2026-11-23T01:05:00Z"));
            ok(writer, "counter-5", new RequestBody.CounterSignIn(5, "cb.5"));
            clock.set(Instant.parse("2026-11-23T01:10:00Z"));
            ok(writer, "kiosk-1", new RequestBody.TicketIssue("HT", Optional.empty())); // changes no counter: the board's times stay, its number moves on
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.board().sequence() == 3);
            beforeRestart = writer.board();
            assertThat(updatedAt(beforeRestart, 4)).isEqualTo(OffsetDateTime.parse("2026-11-23T08:00:00+07:00"));
            assertThat(updatedAt(beforeRestart, 5)).isEqualTo(OffsetDateTime.parse("2026-11-23T08:05:00+07:00"));
            assertThat(updatedAt(beforeRestart, 1)).as("closed since the office day started")
                    .isEqualTo(OffsetDateTime.parse("2026-11-23T00:00:00+07:00"));
            assertThat(beforeRestart.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T08:05:00+07:00"));
        }
        clock.set(Instant.parse("2026-11-23T02:00:00Z")); // an hour later
        Published published = new Published();
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, clock, published)) {
            assertThat(published.boards).as("the board a restarted hub publishes first").first()
                    .isEqualTo(beforeRestart);
            ok(writer, "counter-4", new RequestBody.CounterNext(4));
            await().atMost(Duration.ofSeconds(10)).until(() -> writer.board().sequence() == 4);
            assertThat(updatedAt(writer.board(), 4)).isEqualTo(OffsetDateTime.parse("2026-11-23T09:00:00+07:00"));
            assertThat(updatedAt(writer.board(), 5)).isEqualTo(OffsetDateTime.parse("2026-11-23T08:05:00+07:00"));
            assertThat(writer.board().updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-23T09:00:00+07:00"));
        }
    }

    @Test
    void a_hub_started_on_a_new_office_day_opens_it_at_once_with_every_counter_closed() throws Exception {
        ManualClock clock = new ManualClock(Instant.parse("2026-11-23T01:00:00Z"), ZoneOffset.UTC); // Monday 08:00
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, clock, new Published())) {
            ok(writer, "counter-4", new RequestBody.CounterSignIn(4, "lan.nt"));
        }
        clock.set(Instant.parse("2026-11-24T00:30:00Z")); // Tuesday 07:30: the hub was down over midnight
        Published published = new Published();
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, clock, published)) {
            assertThat(published.boards.getLast().counters()).allSatisfy(c -> {
                assertThat(c.status()).isEqualTo(CounterStatus.CLOSED);
                assertThat(c.officer()).isEmpty();
                assertThat(c.updatedAt()).isEqualTo(OffsetDateTime.parse("2026-11-24T07:30:00+07:00"));
            });
            assertThat(published.boards.getLast().sequence()).as("the day's opening is the log's second change")
                    .isEqualTo(2);
        }
    }

    private static OffsetDateTime updatedAt(Board board, int counter) {
        return board.counters().stream().filter(c -> c.counter() == counter).findFirst().orElseThrow().updatedAt();
    }

    /** Sends {@code body} as {@code device} and returns the answer's body; fails on a refusal. */
    private ResponseBody ok(DeskWriter writer, String device, RequestBody body) throws InterruptedException {
        java.util.concurrent.BlockingQueue<byte[]> answer = new java.util.concurrent.LinkedBlockingQueue<>();
        // ids by the writer's (manual) clock: it refuses ids it cannot vouch for
        Ulid onClock = new Ulid(Clock.fixed(writer.now().toInstant(), ZoneOffset.UTC), random);
        writer.submit(device, Request.of(onClock.next(), writer.now(), body), answer::add);
        byte[] response = answer.poll(10, TimeUnit.SECONDS);
        assertThat(response).as("answer within 10 s").isNotNull();
        Response decoded = codec.decodeResponse(response);
        assertThat(decoded).isInstanceOf(Response.Ok.class);
        return ((Response.Ok) decoded).body();
    }

    private String issue(DeskWriter writer, Ulid ids, String service) throws InterruptedException {
        Request request = Request.of(ids.next(), OffsetDateTime.now(), new RequestBody.TicketIssue(service, Optional.empty()));
        java.util.concurrent.BlockingQueue<byte[]> answer = new java.util.concurrent.LinkedBlockingQueue<>();
        writer.submit("kiosk-1", request, answer::add);
        byte[] response = answer.poll(10, TimeUnit.SECONDS);
        assertThat(response).as("answer within 10 s").isNotNull();
        return ((ResponseBody.TicketIssued) ((Response.Ok) codec.decodeResponse(response)).body()).ticket();
    }

    private Request request(RequestBody body) {
        return Request.of(ids.next(), OffsetDateTime.now(), body);
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
