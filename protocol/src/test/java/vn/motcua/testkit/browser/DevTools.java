package vn.motcua.testkit.browser;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A Chrome DevTools Protocol connection to the browser endpoint, with flattened sessions: commands to a page carry its
 * {@code sessionId}, and events are routed to the page they came from.
 *
 * <p>Threads: {@link #call} may be used from any thread (not from an event sink); replies and events arrive on the
 * WebSocket's thread, which completes the waiting call or runs the session's event sink.
 */
final class DevTools implements AutoCloseable {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration CALL_TIMEOUT = Duration.ofSeconds(30);

    private final HttpClient http = HttpClient.newHttpClient();
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final Map<String, Consumer<JsonNode>> sinks = new ConcurrentHashMap<>();
    private final WebSocket socket;
    private final Object sending = new Object();

    private DevTools(URI browserEndpoint) throws InterruptedException, ExecutionException, TimeoutException {
        socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(browserEndpoint, new Receiver()).get(10, TimeUnit.SECONDS);
    }

    static DevTools connect(URI browserEndpoint) throws InterruptedException, ExecutionException, TimeoutException {
        return new DevTools(browserEndpoint);
    }

    /** Sends {@code method} (to the browser if {@code sessionId} is null) and waits for its result. */
    JsonNode call(String sessionId, String method, ObjectNode params) {
        try {
            return send(sessionId, method, params).get(CALL_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Chromium did not answer " + method + " within " + CALL_TIMEOUT, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("Chromium failed " + method + ": " + e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for " + method, e);
        }
    }

    /** Sends without waiting; safe from an event sink. */
    CompletableFuture<JsonNode> send(String sessionId, String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        if (sessionId != null) {
            message.put("sessionId", sessionId);
        }
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (sending) { // one text frame at a time
            socket.sendText(write(message), true).join();
        }
        return reply;
    }

    void onEvents(String sessionId, Consumer<JsonNode> sink) {
        sinks.put(sessionId, sink);
    }

    void stopEvents(String sessionId) {
        sinks.remove(sessionId);
    }

    static ObjectNode params() {
        return JSON.createObjectNode();
    }

    @Override
    public void close() {
        socket.abort();
        http.close();
        failAll(new IllegalStateException("DevTools connection closed"));
    }

    private void failAll(Throwable cause) {
        pending.values().forEach(reply -> reply.completeExceptionally(cause));
        pending.clear();
    }

    private void dispatch(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            return; // not ours to judge; the call waiting for it times out with a clear message
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply == null) {
                return;
            }
            if (message.has("error")) {
                reply.completeExceptionally(new IllegalStateException(message.get("error").toString()));
            } else {
                reply.complete(message.path("result"));
            }
        } else if (message.has("sessionId")) {
            Consumer<JsonNode> sink = sinks.get(message.get("sessionId").asText());
            if (sink != null) {
                sink.accept(message);
            }
        }
    }

    private static String write(JsonNode node) {
        try {
            return JSON.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reassembles text frames (screenshots arrive in many parts) into whole messages. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                dispatch(text);
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            failAll(new IllegalStateException("Chromium closed the DevTools connection: " + statusCode + " " + reason));
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            failAll(error);
        }
    }
}
