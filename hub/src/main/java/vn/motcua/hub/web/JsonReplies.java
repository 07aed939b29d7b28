package vn.motcua.hub.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.BooleanSupplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.javalin.http.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** JSON bodies of the web layer that are not wire records: health and errors. */
final class JsonReplies {

    static final String JSON = "application/json; charset=utf-8";
    private static final Logger LOG = LoggerFactory.getLogger(JsonReplies.class);
    private static final JsonMapper MAPPER = JsonMapper.builder().build();
    private static final int MAX_PATH_SHOWN = 200;

    private JsonReplies() {
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.status(status).contentType(JSON).header("Cache-Control", "no-store").result(body);
    }

    /**
     * 200 {@code {"status":"UP"}}, or 503 {@code {"status":"DOWN",…}} naming what is wrong: {@code "broker":
     * "disconnected"} while the hub's client has lost the broker, {@code "store":"full"} (or {@code io}, {@code other})
     * while the writer's commits fail.
     */
    static void health(Context ctx, LiveState state, BooleanSupplier brokerConnected) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("status", "DOWN");
        if (!brokerConnected.getAsBoolean()) {
            body.put("broker", "disconnected");
        }
        state.storeProblem().ifPresent(problem -> body.put("store", problem));
        if (body.size() > 1) {
            json(ctx, 503, write(body));
        } else {
            json(ctx, 200, write(Map.of("status", "UP")));
        }
    }

    /** Set on a 404 whose handler wrote its own answer (an unknown ticket), which the generic one must not replace. */
    static final String ANSWERED = "motcua.answered";

    static void notFound(Context ctx) {
        if (ctx.attribute(ANSWERED) != null) {
            return;
        }
        SecurityHeaders.apply(ctx);
        String path = ctx.path().length() > MAX_PATH_SHOWN ? ctx.path().substring(0, MAX_PATH_SHOWN) + "…" : ctx.path();
        json(ctx, 404, error("NOT_FOUND", "no page or API at " + path));
    }

    static void notAcceptable(Context ctx) {
        json(ctx, 406, error("NOT_ACCEPTABLE", "this is a Server-Sent Events stream; send Accept: text/event-stream"));
    }

    static void busy(Context ctx) {
        json(ctx, 503, error("TOO_MANY_STREAMS", "too many open board streams; try again later"));
    }

    /**
     * An exception escaping a handler is a bug: logged in full, answered without details. Must never throw itself:
     * Javalin re-queues its error handling for as long as the handler throws, so a request that Jetty has already
     * finished and recycled (a board stream whose screen went away) would loop forever.
     */
    static void internal(Exception e, Context ctx) {
        String request;
        try {
            request = ctx.method() + " " + ctx.path();
        } catch (RuntimeException finished) {
            LOG.debug("exception after the request was finished: {}", e.toString());
            return;
        }
        LOG.error("web request {} failed", request, e);
        try {
            SecurityHeaders.apply(ctx);
            json(ctx, 500, error("INTERNAL", "internal error; see the hub log"));
        } catch (RuntimeException finished) {
            LOG.debug("cannot answer {} any more: {}", request, finished.toString());
        }
    }

    private static byte[] error(String code, String message) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("error", code);
        body.put("message", message);
        return write(body);
    }

    static byte[] write(Object body) {
        try {
            return MAPPER.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + body, e);
        }
    }
}
