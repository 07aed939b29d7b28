package vn.motcua.hub.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

import io.javalin.http.Context;
import io.javalin.http.Handler;

/**
 * The hall board page, the ticket status page and their scripts and styles, read once from the classpath ({@code /web/…}) and served from memory.
 * A fixed list, not a directory: nothing else on the classpath can be reached through it.
 */
final class Pages {

    /** A resource and how it is served. */
    record Asset(String resource, String contentType) {
    }

    static final Map<String, Asset> ROUTES = Map.of(
            "/", new Asset("board.html", "text/html; charset=utf-8"),
            "/board.js", new Asset("board.js", "text/javascript; charset=utf-8"),
            "/board.css", new Asset("board.css", "text/css; charset=utf-8"),
            "/ticket.js", new Asset("ticket.js", "text/javascript; charset=utf-8"),
            "/ticket.css", new Asset("ticket.css", "text/css; charset=utf-8"));

    /** The ticket status page, served by {@link TicketsApi} under {@code /ticket/{label}} once the ticket is found. */
    static final String TICKET_PAGE = "ticket.html";

    private final Map<String, byte[]> bodies;

    private Pages(Map<String, byte[]> bodies) {
        this.bodies = bodies;
    }

    /** Reads every asset now, so a packaging mistake fails the start, not the first request. */
    static Pages load() {
        Map<String, byte[]> bodies = new HashMap<>();
        ROUTES.values().forEach(asset -> bodies.put(asset.resource(), read(asset.resource())));
        bodies.put(TICKET_PAGE, read(TICKET_PAGE));
        return new Pages(Map.copyOf(bodies));
    }

    /** The ticket status page. */
    byte[] ticketPage() {
        return bodies.get(TICKET_PAGE);
    }

    /** The handler serving {@code asset}. */
    Handler handler(Asset asset) {
        byte[] body = bodies.get(asset.resource());
        return ctx -> serve(ctx, asset, body);
    }

    private static void serve(Context ctx, Asset asset, byte[] body) {
        // no-cache, not no-store: the TV revalidates on reload and so picks up a new release
        ctx.contentType(asset.contentType()).header("Cache-Control", "no-cache").result(body);
    }

    private static byte[] read(String name) {
        try (InputStream in = Pages.class.getResourceAsStream("/web/" + name)) {
            if (in == null) {
                throw new IllegalStateException("web resource /web/" + name + " is missing from the classpath");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read web resource /web/" + name, e);
        }
    }
}
