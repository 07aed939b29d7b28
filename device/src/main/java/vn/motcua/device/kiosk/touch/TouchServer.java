package vn.motcua.device.kiosk.touch;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.link.MqttLink;

/**
 * The kiosk's touch page, served by the kiosk itself on {@code 127.0.0.1} so it works while the hub is down, for the
 * Chromium in kiosk mode on the kiosk's own screen. The JDK's {@code com.sun.net.httpserver}: a page, two static files
 * and two JSON calls need no web framework on a small Pi.
 *
 * <p>Routes: {@code GET /} (the page, carrying this start's token), {@code GET /touch.css}, {@code GET /touch.js},
 * {@code GET /api/services}, {@code POST /api/tickets} (and an empty {@code /favicon.ico}). Every request passes
 * {@link TouchGuard}; every answer carries a strict Content-Security-Policy. A bad request gets a 4xx JSON error and
 * a failure inside a 500; the server itself never stops for either.
 *
 * <p>Threads: requests run on a few {@code touch-<deviceId>} threads; a press waits there for its ticket.
 */
public final class TouchServer implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(TouchServer.class);

    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self'; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'none'; "
            + "form-action 'none'";
    private static final Map<String, String> SECURITY_HEADERS = Map.of(
            "Content-Security-Policy", CONTENT_SECURITY_POLICY,
            "X-Content-Type-Options", "nosniff",
            "Referrer-Policy", "no-referrer",
            "Cross-Origin-Resource-Policy", "same-origin",
            "Cache-Control", "no-store");
    /** A press is {@code {"service": …, "priority": …}}: a few dozen bytes. */
    static final int MAX_BODY_BYTES = 1024;
    private static final int THREADS = 3;
    private static final String JSON = "application/json; charset=utf-8";

    private final HttpServer server;
    private final ExecutorService threads;
    private final TouchGuard guard;
    private final TouchApi api;
    private final ObjectMapper json = new ObjectMapper();
    private final byte[] page;
    private final byte[] css;
    private final byte[] script;

    private TouchServer(HttpServer server, ExecutorService threads, KioskUnit kiosk, MqttLink link) {
        this.server = server;
        this.threads = threads;
        this.guard = new TouchGuard(server.getAddress().getPort(), new SecureRandom());
        this.api = new TouchApi(json, kiosk, link.config(), link::hubReachable);
        this.page = resource("touch.html").replace("{{token}}", guard.token()).getBytes(StandardCharsets.UTF_8);
        this.css = resource("touch.css").getBytes(StandardCharsets.UTF_8);
        this.script = resource("touch.js").getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Serves {@code kiosk}'s touch page on {@code 127.0.0.1:port} ({@code 0}: any free port, for tests).
     *
     * @throws UncheckedIOException when the port cannot be bound (in use by another program)
     */
    public static TouchServer start(int port, KioskUnit kiosk, MqttLink link) {
        String deviceId = link.config().deviceId();
        HttpServer server;
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot serve the touch page on 127.0.0.1:" + port + ": " + e.getMessage(),
                    e);
        }
        ExecutorService threads = Executors.newFixedThreadPool(THREADS,
                Thread.ofPlatform().name("touch-" + deviceId + "-", 1).daemon().factory());
        TouchServer touch = new TouchServer(server, threads, kiosk, link);
        server.createContext("/", touch::handle);
        server.setExecutor(threads);
        server.start();
        log.info("{}: touch page on {}", deviceId, touch.uri());
        return touch;
    }

    /** The page's address, e.g. {@code http://127.0.0.1:8081/}. */
    public URI uri() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/");
    }

    /** Stops serving; a press in progress still prints (the kiosk owns it). */
    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }

    private record Reply(int status, String contentType, byte[] body) {
    }

    private void handle(HttpExchange exchange) {
        try (exchange) {
            Reply reply;
            try {
                reply = route(exchange);
            } catch (RuntimeException | IOException e) {
                log.error("touch page: {} {} failed", exchange.getRequestMethod(), exchange.getRequestURI(), e);
                reply = json(api.error(500, "INTERNAL", "the kiosk failed to answer"));
            }
            SECURITY_HEADERS.forEach(exchange.getResponseHeaders()::set);
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
            exchange.sendResponseHeaders(reply.status(), reply.body().length == 0 ? -1 : reply.body().length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(reply.body());
            }
        } catch (IOException e) {
            log.debug("touch page: the browser went away: {}", e.toString()); // nothing to answer to
        }
    }

    private Reply route(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getRawPath();
        boolean isApi = path.startsWith("/api/");
        Optional<String> refusal = guard.refusal(exchange.getRequestHeaders(), method, isApi);
        if (refusal.isPresent()) {
            log.warn("touch page: refused {} {} ({}; Host {}, Origin {})", method, path, refusal.get(),
                    exchange.getRequestHeaders().getFirst("Host"), exchange.getRequestHeaders().getFirst("Origin"));
            return json(api.error(403, refusal.get(), "refused"));
        }
        String expected = path.equals("/api/tickets") ? "POST" : "GET";
        if (!method.equals(expected)) {
            return json(api.error(405, "METHOD_NOT_ALLOWED", path + " takes " + expected));
        }
        return switch (path) {
            case "/" -> new Reply(200, "text/html; charset=utf-8", page);
            case "/touch.css" -> new Reply(200, "text/css; charset=utf-8", css);
            case "/touch.js" -> new Reply(200, "text/javascript; charset=utf-8", script);
            case "/favicon.ico" -> new Reply(204, "image/x-icon", new byte[0]); // asked for by the browser, none needed
            case "/api/services" -> json(api.services());
            case "/api/tickets" -> press(exchange);
            default -> json(api.error(404, "NOT_FOUND", "no such page"));
        };
    }

    private Reply press(HttpExchange exchange) throws IOException {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            return json(api.error(415, "BAD_REQUEST", "the body must be application/json"));
        }
        byte[] body;
        try (InputStream in = exchange.getRequestBody()) {
            body = in.readNBytes(MAX_BODY_BYTES + 1);
        }
        if (body.length > MAX_BODY_BYTES) {
            return json(api.error(413, "BAD_REQUEST", "the body is larger than " + MAX_BODY_BYTES + " bytes"));
        }
        return json(api.ticket(body));
    }

    private Reply json(TouchApi.Answer answer) {
        try {
            return new Reply(answer.status(), JSON, json.writeValueAsBytes(answer.body()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a JSON tree that cannot be written", e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = TouchServer.class.getResourceAsStream("/touch/" + name)) {
            if (in == null) {
                throw new IllegalStateException("the firmware jar lacks /touch/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
