package vn.motcua.hub.web;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.javalin.http.Context;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * {@code GET /api/board/stream}: Server-Sent Events carrying the service catalogue ({@code services}) and the board
 * ({@code board}), each once on connect and again after every change of it; the catalogue goes first.
 *
 * <p>Threads: {@link #changed()} runs on the hub's writer thread and only drops a wake-up into each client's one-slot
 * mailbox, which never waits for I/O. Each open stream has its own {@link StreamClient} thread that reads the latest
 * board and writes it, so a slow or stalled screen delays nobody but itself, and receives the newest board rather
 * than a backlog. The set of clients is concurrent; clients remove themselves when their stream closes.
 */
final class BoardStream implements AutoCloseable {

    static final String EVENT = "board";
    static final String SERVICES_EVENT = "services";
    /** Far more screens than any office has; a guard against runaway reconnect loops holding threads. */
    static final int MAX_CLIENTS = 256;
    static final Duration CLOSE_WAIT = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(BoardStream.class);

    private final LiveState state;
    private final Codec codec;
    private final Duration keepAliveEvery;
    private final Set<StreamClient> clients = ConcurrentHashMap.newKeySet();
    private final AtomicReference<Encoded<Board>> lastBoard = new AtomicReference<>();
    private final AtomicReference<Encoded<ServiceCatalogue>> lastServices = new AtomicReference<>();
    private final AtomicLong opened = new AtomicLong();
    private final SseHandler sse = new SseHandler(this::attach);
    private volatile boolean closed;

    /** A board or catalogue and its JSON, so that many screens share one encoding of the same state. */
    record Encoded<T extends Record>(T state, String json) {
    }

    BoardStream(LiveState state, Codec codec, Duration keepAliveEvery) {
        this.state = state;
        this.codec = codec;
        this.keepAliveEvery = keepAliveEvery;
    }

    /** The route handler; runs on a Jetty request thread. */
    void open(Context ctx) throws Exception {
        String accept = ctx.header("Accept");
        if (accept == null || !accept.contains("text/event-stream")) {
            JsonReplies.notAcceptable(ctx);
        } else if (closed || clients.size() >= MAX_CLIENTS) {
            JsonReplies.busy(ctx);
        } else {
            sse.handle(ctx);
        }
    }

    /** The LiveState listener, on the hub's writer thread: wakes every client, never blocks. */
    void changed() {
        for (StreamClient client : clients) {
            client.wake();
        }
    }

    /** How many streams are open now. */
    int clientCount() {
        return clients.size();
    }

    /**
     * Ends every open stream and waits up to {@link #CLOSE_WAIT} for their threads, so that they finish their
     * responses before the server stops; new streams are refused.
     */
    @Override
    public void close() {
        closed = true;
        List<StreamClient> open = List.copyOf(clients);
        open.forEach(StreamClient::stop);
        long deadline = System.nanoTime() + CLOSE_WAIT.toNanos();
        try {
            for (StreamClient client : open) {
                if (!client.await(Duration.ofNanos(Math.max(0, deadline - System.nanoTime())))) {
                    LOG.debug("a board stream is still writing; the server stop will cut it");
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Called by a client's own thread once its response is finished. */
    void forget(StreamClient client) {
        clients.remove(client);
    }

    /** The board to send now, with its JSON encoded once for all clients. */
    Encoded<Board> latest() {
        return encoded(state.board(), lastBoard);
    }

    /** The catalogue to send now, likewise. */
    Encoded<ServiceCatalogue> latestServices() {
        return encoded(state.services(), lastServices);
    }

    private <T extends Record> Encoded<T> encoded(T now, AtomicReference<Encoded<T>> last) {
        Encoded<T> known = last.get();
        if (known != null && known.state().equals(now)) {
            return known;
        }
        Encoded<T> fresh = new Encoded<>(now, new String(codec.encodeState(now), StandardCharsets.UTF_8));
        last.set(fresh);
        return fresh;
    }

    /** Runs on Javalin's async executor once the event-stream headers are sent. */
    private void attach(SseClient sse) {
        sse.keepAlive(); // hold the response open after this method returns
        StreamClient client = new StreamClient(this, sse, keepAliveEvery);
        clients.add(client);
        sse.onClose(client::stop); // Javalin closes it when a write fails
        if (closed) {
            client.stop();
        }
        client.start("board-stream-" + opened.incrementAndGet());
        LOG.debug("board stream opened from {}, {} open", sse.ctx().ip(), clients.size());
    }
}
