package vn.motcua.hub.web;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

import io.javalin.http.sse.SseClient;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * One open board stream and the thread that writes to it.
 *
 * <p>Threads: {@link #wake()} and {@link #stop()} are called from any thread and never block; {@code gone} is set by
 * Jetty when it finishes the request itself. Everything else runs on this client's own thread, which owns the
 * {@link SseClient} and the "last sent" fields. It is a platform thread, not a virtual one: Javalin's emitter writes
 * inside {@code synchronized}, which on Java 21 would pin a carrier thread for as long as a stalled screen stops
 * reading.
 */
final class StreamClient {

    private static final Logger LOG = LoggerFactory.getLogger(StreamClient.class);
    private static final Object WAKE = new Object();
    private static final long STACK_BYTES = 256 * 1024;

    private final BoardStream stream;
    private final SseClient sse;
    private final Duration keepAliveEvery;
    /** One slot: a wake-up already waiting means "send the latest", so further ones add nothing. */
    private final BlockingQueue<Object> mailbox = new ArrayBlockingQueue<>(1);
    private volatile boolean stopped;
    /** Jetty finished the request (client gone, server stopping): the response must not be touched again. */
    private volatile boolean gone;
    private volatile Thread thread;
    private BoardStream.Encoded<Board> lastBoard;
    private BoardStream.Encoded<ServiceCatalogue> lastServices;

    StreamClient(BoardStream stream, SseClient sse, Duration keepAliveEvery) {
        this.stream = stream;
        this.sse = sse;
        this.keepAliveEvery = keepAliveEvery;
        sse.ctx().req().getAsyncContext().addListener(new JettyFinished());
    }

    void start(String name) {
        thread = Thread.ofPlatform().name(name).daemon(true).stackSize(STACK_BYTES).start(this::run);
    }

    /** Asks for the latest state to be sent; returns at once. */
    void wake() {
        mailbox.offer(WAKE);
    }

    /** Asks the thread to end the stream; returns at once. */
    void stop() {
        stopped = true;
        mailbox.offer(WAKE);
    }

    /** Waits up to {@code timeout} for the thread to end; true if it did. */
    boolean await(Duration timeout) throws InterruptedException {
        Thread running = thread;
        return running == null || running.join(timeout);
    }

    private void run() {
        try {
            if (!stopped) {
                sendIfChanged();
            }
            while (!stopped && !gone && !sse.terminated()) {
                Object signal = mailbox.poll(keepAliveEvery.toNanos(), TimeUnit.NANOSECONDS);
                if (stopped || gone || sse.terminated()) {
                    break;
                }
                if (signal == null) {
                    sse.sendComment("keep-alive");
                } else {
                    sendIfChanged();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            if (gone) {
                LOG.debug("board stream ended while writing: {}", e.toString());
            } else {
                LOG.warn("board stream failed; closing it", e);
            }
        } finally {
            end();
        }
    }

    /** Completes the response if Jetty has not already finished it; forgets this client either way. */
    private void end() {
        try {
            if (!gone) {
                sse.close();
            }
        } finally {
            stream.forget(this);
        }
    }

    /**
     * Sends what changed since the last send: the catalogue first, then the board, so that a page showing the board
     * already knows the names of the services on it. Both go on this one stream, in order: the page needs no second
     * request that could fail or hang on its own while the stream works (the race of a board showing service codes
     * after a reconnect).
     */
    private void sendIfChanged() {
        BoardStream.Encoded<ServiceCatalogue> services = stream.latestServices();
        BoardStream.Encoded<Board> board = stream.latest();
        if (lastServices == null || !lastServices.state().equals(services.state())) {
            sse.sendEvent(BoardStream.SERVICES_EVENT, services.json());
            lastServices = services;
        }
        if (lastBoard == null || !lastBoard.state().equals(board.state())) {
            sse.sendEvent(BoardStream.EVENT, board.json(), Long.toString(board.state().sequence()));
            lastBoard = board;
        }
    }

    /** Jetty's word that the request is over; called on a Jetty thread. */
    private final class JettyFinished implements AsyncListener {
        @Override
        public void onComplete(AsyncEvent event) {
            finished();
        }

        @Override
        public void onTimeout(AsyncEvent event) {
            finished();
        }

        @Override
        public void onError(AsyncEvent event) {
            finished();
        }

        @Override
        public void onStartAsync(AsyncEvent event) {
            // the listener stays registered; nothing to do
        }

        private void finished() {
            gone = true;
            stop();
        }
    }
}
