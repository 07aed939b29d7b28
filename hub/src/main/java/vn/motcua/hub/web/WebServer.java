package vn.motcua.hub.web;

import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;

import io.javalin.Javalin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.codec.Codec;

/**
 * The hub's web server: the hall board page, its JSON API and its live stream. Read-only: it shows the
 * {@link LiveState} and never writes to the hub.
 *
 * <p>Routes: {@code GET /} (board page, {@code ?lang=en} for English), {@code /board.js}, {@code /board.css},
 * {@code /api/board}, {@code /api/services}, {@code /api/board/stream} (Server-Sent Events), {@code /api/calls?ticket=} (why a ticket was called), {@code /health}, {@code /metrics} (Prometheus text),
 * {@code /ticket/{label}} (a citizen's ticket status page, {@code ?lang=en} for English, with {@code /ticket.js},
 * {@code /ticket.css}) and {@code /api/tickets/{label}} (its JSON).
 * Every response carries {@link SecurityHeaders}; unknown paths get a JSON 404.
 *
 * <p>Threads: Jetty's request threads serve requests; each open stream has its own writer thread
 * (see {@link BoardStream}); the change listener runs on the hub's writer thread and never blocks.
 */
public final class WebServer implements AutoCloseable {

    /** How often an idle stream carries a comment, so proxies and NAT keep the connection. */
    static final Duration KEEP_ALIVE_EVERY = Duration.ofSeconds(15);
    private static final Logger LOG = LoggerFactory.getLogger(WebServer.class);
    /** A web server shown a state without a broker (tests, tools) has no broker link to report on. */
    private static final BooleanSupplier NO_BROKER = () -> true;

    private final Javalin app;
    private final BoardStream stream;
    private final AutoCloseable subscription;
    private final AtomicBoolean closed = new AtomicBoolean();

    private WebServer(Javalin app, BoardStream stream, AutoCloseable subscription) {
        this.app = app;
        this.stream = stream;
        this.subscription = subscription;
    }

    /**
     * Starts serving {@code state} on {@code host:port}; port 0 picks a free port (see {@link #port()}).
     *
     * @throws io.javalin.util.JavalinBindException if the port is taken
     */
    public static WebServer start(String host, int port, LiveState state) {
        return start(host, port, state, new Metrics(), CallHistory.none(), TicketLookup.none(), NO_BROKER,
                KEEP_ALIVE_EVERY);
    }

    /**
     * As {@link #start(String, int, LiveState)}, also serving {@code metrics} at {@code /metrics} and the call
     * reasons of {@code history} at {@code /api/calls}.
     */
    public static WebServer start(String host, int port, LiveState state, Metrics metrics, CallHistory history) {
        return start(host, port, state, metrics, history, TicketLookup.none(), NO_BROKER, KEEP_ALIVE_EVERY);
    }

    /** As {@link #start(String, int, LiveState, Metrics, CallHistory)}, also serving the ticket status pages. */
    public static WebServer start(String host, int port, LiveState state, Metrics metrics, CallHistory history,
                                  TicketLookup tickets) {
        return start(host, port, state, metrics, history, tickets, NO_BROKER, KEEP_ALIVE_EVERY);
    }

    /**
     * As {@link #start(String, int, LiveState, Metrics, CallHistory, TicketLookup)}; {@code /health} also says 503
     * while {@code brokerConnected} is false: the hub then hears no unit and no unit hears it.
     */
    public static WebServer start(String host, int port, LiveState state, Metrics metrics, CallHistory history,
                                  TicketLookup tickets, BooleanSupplier brokerConnected) {
        return start(host, port, state, metrics, history, tickets, brokerConnected, KEEP_ALIVE_EVERY);
    }

    static WebServer start(String host, int port, LiveState state, Duration keepAliveEvery) {
        return start(host, port, state, new Metrics(), CallHistory.none(), TicketLookup.none(), NO_BROKER,
                keepAliveEvery);
    }

    private static WebServer start(String host, int port, LiveState state, Metrics metrics, CallHistory history,
                                   TicketLookup tickets, BooleanSupplier brokerConnected, Duration keepAliveEvery) {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(state, "state");
        Codec codec = new Codec();
        Pages pages = Pages.load();
        StateApi api = new StateApi(state, codec);
        CallsApi calls = new CallsApi(history);
        TicketsApi ticketPages = new TicketsApi(tickets, pages.ticketPage());
        BoardStream stream = new BoardStream(state, codec, keepAliveEvery);
        Javalin app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.before(SecurityHeaders::apply);
            Pages.ROUTES.forEach((path, asset) -> config.routes.get(path, pages.handler(asset)));
            config.routes.get("/api/board", api::board);
            config.routes.get("/api/services", api::services);
            config.routes.get("/api/board/stream", stream::open);
            config.routes.get("/api/calls", calls::calls);
            config.routes.get("/ticket/{label}", ticketPages::page);
            config.routes.get("/api/tickets/{label}", ticketPages::api);
            config.routes.get("/health", ctx -> JsonReplies.health(ctx, state, brokerConnected));
            config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                    .result(metrics.prometheusText()));
            config.routes.error(404, JsonReplies::notFound);
            config.routes.exception(TicketLookup.Unavailable.class, TicketsApi::unavailable);
            config.routes.exception(Exception.class, JsonReplies::internal);
        });
        app.start(host, port);
        try {
            AutoCloseable subscription = state.onChange(stream::changed);
            LOG.info("web server listening on http://{}:{}/", host, app.port());
            return new WebServer(app, stream, subscription);
        } catch (RuntimeException e) {
            app.stop();
            throw e;
        }
    }

    /** The port actually bound. */
    public int port() {
        return app.port();
    }

    /** How many board streams are open; for tests and metrics. */
    int streamCount() {
        return stream.clientCount();
    }

    /** Stops listening to the state, ends every stream and stops the server. Idempotent. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            subscription.close();
        } catch (Exception e) {
            LOG.warn("could not unregister the web server's change listener", e);
        }
        stream.close();
        app.stop();
    }
}
