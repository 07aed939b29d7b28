package vn.motcua.hub.writer;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.store.HubStore;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.testkit.ManualClock;

/**
 * docs/protocol.md §14, a worked session, played through the real writer and store at the times it gives: its own
 * requests go in, and what the hub answers and publishes (catalogue, counter 4's state, the board with its sequence
 * and each counter's time) must be what the page shows. ProtocolDocExamplesTest checks that the page's examples are
 * well-formed; this checks that they are what the hub does.
 */
class WorkedSessionTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("src/test/resources/offices/worked-session.json"));
    private static final Pattern EXAMPLE = Pattern.compile("<!-- example: ([^>]*?) -->\\s*\\n```json\\n(.*?)\\n```",
            Pattern.DOTALL);

    @TempDir
    Path dir;
    private final Codec codec = new Codec();
    private final ManualClock clock = new ManualClock(at("07:00:00"), ZoneOffset.UTC);
    private final Ulid ids = new Ulid(clock, new Random(14));

    /** The retained topics as last published. */
    private static final class Retained implements StatePublisher {
        final Map<Integer, CounterState> counters = new ConcurrentHashMap<>();

        @Override
        public void counterState(CounterState state) {
            counters.put(state.counter(), state);
        }

        @Override
        public void board(Board board) {
        }

        @Override
        public void services(ServiceCatalogue catalogue) {
        }
    }

    @Test
    void the_worked_session_of_the_protocol_page_is_what_the_hub_answers_and_publishes() throws Exception {
        Session page = Session.read();
        Retained retained = new Retained();
        try (HubStore store = HubStore.open(dir.resolve("hub.db"));
             DeskWriter writer = new DeskWriter(OFFICE, store, clock, retained, DeskWriter.DEFAULT_MAX_BATCH,
                     StatusLinks.at("http://hub.local:8080"))) {
            // 1. 07:00, an empty log: every counter closed, no service taking tickets.
            assertThat(writer.board().sequence()).isZero();
            assertThat(writer.services()).isEqualTo(page.state(ServiceCatalogue.class, 0));

            // 2. The kiosk's three leases (changes 1-3), the sign-in at counter 4 (4), counter 1 resumed (5).
            clock.set(at("07:25:03"));
            for (String service : List.of("DD", "HT", "CT")) {
                ok(writer, "kiosk-01", ours(new RequestBody.LeaseRenew(service, 50)));
            }
            clock.set(at("07:30:12.011"));
            ok(writer, "counter-04", ours(new RequestBody.CounterSignIn(4, "lan.nt")));
            clock.set(at("07:31:05"));
            ok(writer, "counter-01", ours(new RequestBody.CounterResume(1)));

            // 3. 08:15:02.087, the citizen's ticket.
            clock.set(at("08:15:02.087"));
            assertThat(answer(writer, "kiosk-01", page.request(0))).isEqualTo(page.response(0));
            assertThat(writer.services()).isEqualTo(page.state(ServiceCatalogue.class, 1));

            // 4, 5. 08:15:40.012, the call: counter 4's state, the board (sequence 7), the catalogue.
            clock.set(at("08:15:40.012"));
            assertThat(answer(writer, "counter-04", page.request(1))).isEqualTo(page.response(1));
            assertThat(retained.counters.get(4)).isEqualTo(page.state(CounterState.class, 0));
            assertThat(writer.board()).isEqualTo(page.state(Board.class, 0));
            assertThat(writer.services()).isEqualTo(page.state(ServiceCatalogue.class, 2));

            // 6. 08:16:10.009, start: the answer carries the state the topic then shows.
            clock.set(at("08:16:10.009"));
            assertThat(answer(writer, "counter-04", page.request(2))).isEqualTo(page.response(2));
            assertThat(retained.counters.get(4)).isEqualTo(page.state(CounterState.class, 1));

            // 7. 08:24:30.015, done: the board (sequence 9) keeps the call.
            clock.set(at("08:24:30.015"));
            assertThat(answer(writer, "counter-04", page.request(3))).isEqualTo(page.response(3));
            assertThat(retained.counters.get(4)).isEqualTo(page.state(CounterState.class, 2));
            assertThat(writer.board()).isEqualTo(page.state(Board.class, 1));

            // 8. 08:24:41, the rating of 2-001.
            clock.set(at("08:24:41"));
            assertThat(answer(writer, "counter-04", page.request(4))).isEqualTo(page.response(4));
        }
    }

    /** The examples of §14, in page order, by kind. */
    private record Session(List<String> requests, List<String> responses, Map<String, List<String>> states) {

        static Session read() throws IOException {
            String doc = Files.readString(Path.of("../docs/protocol.md"), UTF_8);
            String section = doc.substring(doc.indexOf("## 14. A worked session"), doc.indexOf("## 15. "));
            List<String> requests = new ArrayList<>();
            List<String> responses = new ArrayList<>();
            Map<String, List<String>> states = new ConcurrentHashMap<>();
            Matcher m = EXAMPLE.matcher(section);
            while (m.find()) {
                String[] marker = m.group(1).trim().split("\\s+");
                switch (marker[0]) {
                    case "request" -> requests.add(m.group(2));
                    case "response" -> responses.add(m.group(2));
                    case "state" -> states.computeIfAbsent(marker[1], k -> new ArrayList<>()).add(m.group(2));
                    default -> { }
                }
            }
            return new Session(requests, responses, states);
        }

        Request request(int index) {
            return new Codec().decodeRequest(requests.get(index).getBytes(UTF_8));
        }

        Response response(int index) {
            return new Codec().decodeResponse(responses.get(index).getBytes(UTF_8));
        }

        <T extends Record> T state(Class<T> type, int index) {
            return new Codec().decodeState(states.get(type.getSimpleName()).get(index).getBytes(UTF_8), type);
        }
    }

    /** A request the page describes in words only; its id is made by the hub's clock, as a unit makes it. */
    private Request ours(RequestBody body) {
        return Request.of(ids.next(), OffsetDateTime.now(clock), body);
    }

    private void ok(DeskWriter writer, String device, Request request) throws InterruptedException {
        assertThat(answer(writer, device, request)).as(request.op().wireName()).isInstanceOf(Response.Ok.class);
    }

    /** The answer to {@code request}, once the writer has also published what it changed. */
    private Response answer(DeskWriter writer, String device, Request request) throws InterruptedException {
        BlockingQueue<byte[]> answer = new LinkedBlockingQueue<>();
        writer.submit(device, request, answer::add);
        byte[] response = answer.poll(10, TimeUnit.SECONDS);
        assertThat(response).as("answer within 10 s").isNotNull();
        awaitPublished(writer);
        return codec.decodeResponse(response);
    }

    /** A read queued behind the request runs after its batch, which publishes before the next batch starts. */
    private static void awaitPublished(DeskWriter writer) throws InterruptedException {
        BlockingQueue<Boolean> done = new LinkedBlockingQueue<>();
        writer.runBetweenBatches(() -> done.add(true));
        assertThat(done.poll(10, TimeUnit.SECONDS)).isTrue();
    }

    private static Instant at(String localTime) {
        return OffsetDateTime.parse("2026-11-23T" + localTime + "+07:00").toInstant();
    }
}
