package vn.motcua.hub.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.message.ServingPhase;

class BoardStreamTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final Codec codec = new Codec();
    private final TestLiveState state = new TestLiveState(Offices.morning(), Offices.catalogue(5));
    private WebServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_new_stream_receives_the_current_catalogue_and_then_the_board_at_once() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state);

        try (EventStream stream = EventStream.open(streamUri())) {
            EventStream.Event first = stream.nextEvent(WAIT);
            EventStream.Event second = stream.nextEvent(WAIT);

            assertThat(first.name()).isEqualTo("services");
            assertThat(codec.decodeState(first.data().getBytes(StandardCharsets.UTF_8), ServiceCatalogue.class))
                    .isEqualTo(Offices.catalogue(5));
            assertThat(second.name()).isEqualTo("board");
            assertThat(second.id()).isEqualTo("41");
            assertThat(decode(second)).isEqualTo(Offices.morning());
            assertThat(decode(second).office()).isEqualTo("Bộ phận Một cửa UBND huyện Nghi Lộc");
        }
    }

    @Test
    void every_committed_change_reaches_an_open_stream() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state);
        try (EventStream stream = EventStream.open(streamUri())) {
            skipGreeting(stream);

            Board next = Offices.counterSevenCalls(state.board(), "2-013");
            state.publish(next);

            EventStream.Event event = stream.nextEvent(WAIT);
            assertThat(event.id()).isEqualTo("42");
            assertThat(decode(event)).isEqualTo(next);
        }
    }

    @Test
    void a_catalogue_only_change_sends_the_catalogue_alone() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state);
        try (EventStream stream = EventStream.open(streamUri())) {
            skipGreeting(stream);

            state.publish(Offices.catalogue(6));
            state.publish(Offices.counterSevenCalls(state.board(), "2-013"));

            EventStream.Event event = stream.nextEvent(WAIT);
            assertThat(event.name()).isEqualTo("services");
            assertThat(codec.decodeState(event.data().getBytes(StandardCharsets.UTF_8), ServiceCatalogue.class))
                    .isEqualTo(Offices.catalogue(6));
            assertThat(stream.nextEvent(WAIT).id()).as("the board change after it, no repeat before").isEqualTo("42");
        }
    }

    @Test
    void an_idle_stream_carries_keep_alive_comments() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state, Duration.ofMillis(100));
        try (EventStream stream = EventStream.open(streamUri())) {
            skipGreeting(stream);

            EventStream.Event idle = stream.next(WAIT);

            assertThat(idle.isComment()).isTrue();
            assertThat(idle.data()).isEqualTo("keep-alive");
        }
    }

    @Test
    void a_stream_whose_client_went_away_is_dropped() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state);
        try (EventStream stream = EventStream.open(streamUri())) {
            skipGreeting(stream);
            assertThat(server.streamCount()).isEqualTo(1);
        }

        // the server learns of a vanished client only when a write fails, so keep committing changes
        await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            state.publish(Offices.counterSevenCalls(state.board(), "2-013"));
            return server.streamCount() == 0;
        });
    }

    @Test
    void a_stalled_screen_neither_blocks_the_writer_thread_nor_delays_other_screens() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state);
        Board big = bigBoard();
        try (Socket stalled = openAndNeverRead(); EventStream healthy = EventStream.open(streamUri())) {
            skipGreeting(healthy);
            await().atMost(WAIT).until(() -> server.streamCount() == 2);

            // ~30 MB of boards for a client that reads nothing: far beyond any socket buffer
            Board last = assertTimeoutPreemptively(WAIT, () -> {
                Board board = big;
                for (int i = 0; i < 2_000; i++) {
                    board = new Board(board.office(), board.sequence() + 1, board.counters(), board.recentCalls(),
                            board.updatedAt());
                    state.publish(board);
                }
                return board;
            }, "publishing must not wait for a stalled screen");

            String lastId = Long.toString(last.sequence());
            EventStream.Event event = healthy.nextEvent(WAIT);
            while (!event.id().equals(lastId)) {
                event = healthy.nextEvent(WAIT);
            }
            assertThat(decode(event)).isEqualTo(last);
            assertThat(stalled.isConnected()).isTrue();
        }
    }

    @Test
    void closing_the_server_ends_open_streams() throws Exception {
        server = WebServer.start("127.0.0.1", 0, state);
        try (EventStream stream = EventStream.open(streamUri())) {
            skipGreeting(stream);

            server.close();

            stream.awaitEnd(WAIT);
            assertThat(state.listenerCount()).isZero();
        }
    }

    @Test
    void closing_the_server_while_screens_come_and_go_leaves_no_stream_thread_running() throws Exception {
        for (int round = 0; round < 5; round++) {
            server = WebServer.start("127.0.0.1", 0, state);
            List<AutoCloseable> screens = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                EventStream stream = EventStream.open(streamUri());
                screens.add(stream);
                if (i % 2 == 0) {
                    stream.close(); // gone before the server notices
                }
            }
            screens.add(openAndNeverRead());
            state.publish(Offices.counterSevenCalls(state.board(), "2-013"));

            server.close();
            for (AutoCloseable screen : screens) {
                screen.close();
            }
        }

        await().atMost(WAIT).until(() -> Thread.getAllStackTraces().keySet().stream()
                .noneMatch(thread -> thread.getName().startsWith("board-stream-")));
    }

    /** Reads what every new stream starts with: the catalogue, then the board. */
    private static void skipGreeting(EventStream stream) throws InterruptedException {
        assertThat(stream.nextEvent(WAIT).name()).isEqualTo("services");
        assertThat(stream.nextEvent(WAIT).name()).isEqualTo("board");
    }

    /** A board near the 16 KB message limit: 60 counters, all serving. */
    private static Board bigBoard() {
        List<CounterState> counters = new ArrayList<>();
        for (int n = 1; n <= 60; n++) {
            counters.add(new CounterState(n, CounterStatus.OPEN, Optional.of(new CounterState.Current(
                    "1-%03d".formatted(n), "DD", ServingPhase.SERVING, 0, Offices.T0)),
                    Offices.T0));
        }
        return new Board(Offices.OFFICE, 100, counters, Offices.morning().recentCalls(), Offices.T0);
    }

    private Socket openAndNeverRead() throws Exception {
        Socket socket = new Socket("127.0.0.1", server.port());
        socket.setReceiveBufferSize(4096);
        OutputStream out = socket.getOutputStream();
        out.write(("GET /api/board/stream HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept: text/event-stream\r\n\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        out.flush();
        InputStream in = socket.getInputStream();
        assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
        return socket;
    }

    private Board decode(EventStream.Event event) {
        return codec.decodeState(event.data().getBytes(StandardCharsets.UTF_8), Board.class);
    }

    private URI streamUri() {
        return URI.create("http://127.0.0.1:" + server.port() + "/api/board/stream");
    }
}
