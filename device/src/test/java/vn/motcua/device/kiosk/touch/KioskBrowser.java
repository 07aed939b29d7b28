package vn.motcua.device.kiosk.touch;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A real headless Chromium showing one page at a kiosk screen's size, driven over the DevTools protocol on the page's
 * own WebSocket (no sessions: one tab is all a kiosk has). It evaluates script, taps by touch events at an element's
 * centre, and records what went wrong in the page (script exceptions, console and browser-log errors, CSP violations
 * among them).
 *
 * <p>Needs Debian's {@code chromium} at {@value #BINARY}; without it the test fails saying how to install it.
 * Threads: calls from the test thread; replies and events arrive on the WebSocket's thread.
 */
final class KioskBrowser implements AutoCloseable {

    static final String BINARY = "/usr/bin/chromium";
    private static final Duration START = Duration.ofSeconds(30);
    private static final Duration CALL = Duration.ofSeconds(20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Process process;
    private final Path profile;
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final AtomicInteger ids = new AtomicInteger();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private WebSocket socket;

    private KioskBrowser(Process process, Path profile) {
        this.process = process;
        this.profile = profile;
    }

    /** Starts Chromium with a fresh profile and a {@code width}×{@code height} screen. */
    static KioskBrowser launch(int width, int height) throws IOException, InterruptedException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException("The touch page test drives a real Chromium, but " + BINARY
                    + " is missing. Install it with: apt-get install -y chromium");
        }
        Path profile = Files.createTempDirectory("motcua-kiosk-chromium-");
        Process process = new ProcessBuilder(List.of(BINARY, "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--no-default-browser-check", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--no-proxy-server", "--mute-audio",
                "--window-size=" + width + "," + height, "--user-data-dir=" + profile,
                "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD)
                .start();
        KioskBrowser browser = new KioskBrowser(process, profile);
        try {
            browser.connect(width, height);
            return browser;
        } catch (RuntimeException | IOException | InterruptedException e) {
            browser.close();
            throw e;
        }
    }

    /** Chromium writes the port it chose to {@code DevToolsActivePort} in its profile; the tab is listed there. */
    private void connect(int width, int height) throws IOException, InterruptedException {
        Path portFile = profile.resolve("DevToolsActivePort");
        await("Chromium's DevTools port").atMost(START).until(() -> Files.exists(portFile)
                && !Files.readAllLines(portFile).isEmpty());
        int port = Integer.parseInt(Files.readAllLines(portFile).getFirst().strip());
        HttpResponse<String> targets = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/json/list")).build(), HttpResponse.BodyHandlers.ofString());
        URI page = null;
        for (JsonNode target : JSON.readTree(targets.body())) {
            if (page == null && target.path("type").asText().equals("page")) {
                page = URI.create(target.get("webSocketDebuggerUrl").asText());
            }
        }
        if (page == null) {
            throw new IllegalStateException("Chromium lists no page: " + targets.body());
        }
        socket = http.newWebSocketBuilder().buildAsync(page, new Receiver()).join();
        call("Page.enable", null);
        call("Runtime.enable", null);
        call("Log.enable", null);
        call("Emulation.setDeviceMetricsOverride", JSON.createObjectNode().put("width", width)
                .put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
        call("Emulation.setTouchEmulationEnabled", JSON.createObjectNode().put("enabled", true));
    }

    /** Loads {@code url} and waits for its load event (not for what its script fetches later). */
    void navigate(URI url) {
        JsonNode result = call("Page.navigate", JSON.createObjectNode().put("url", url.toString()));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not load " + url + ": " + result.get("errorText"));
        }
        evaluate("new Promise(done => document.readyState === 'complete' ? done(true)"
                + " : addEventListener('load', () => done(true)))");
    }

    /** The value of {@code expression} (a promise is awaited), as JSON. */
    JsonNode evaluate(String expression) {
        JsonNode result = call("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + expression + " → " + result.get("exceptionDetails"));
        }
        return result.path("result").path("value");
    }

    /** What a citizen reads: the body's rendered text, hidden elements left out. */
    String bodyText() {
        return evaluate("document.body.innerText").asText();
    }

    /** Touches the centre of the first element matching {@code selector} with one finger, as on the screen. */
    void tap(String selector) {
        JsonNode box = evaluate("(() => { const r = document.querySelector(" + JSON.valueToTree(selector)
                + ").getBoundingClientRect(); return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        ObjectNode start = JSON.createObjectNode().put("type", "touchStart");
        start.putArray("touchPoints").addObject().put("x", box.get("x").asDouble()).put("y", box.get("y").asDouble());
        call("Input.dispatchTouchEvent", start);
        ObjectNode end = JSON.createObjectNode().put("type", "touchEnd");
        end.putArray("touchPoints");
        call("Input.dispatchTouchEvent", end);
    }

    /** Saves what the screen shows as a PNG, for a person to judge the layout (the tests judge the text). */
    void screenshot(Path file) throws IOException {
        String png = call("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")).get("data").asText();
        Files.createDirectories(file.getParent());
        Files.write(file, Base64.getDecoder().decode(png));
    }

    /** Script exceptions, console errors and browser-log errors (CSP violations, failed loads) so far. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private JsonNode call(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        message.set("params", params == null ? JSON.createObjectNode() : params);
        CompletableFuture<JsonNode> reply = new CompletableFuture<>();
        pending.put(id, reply);
        synchronized (this) { // the WebSocket takes one text frame at a time
            socket.sendText(message.toString(), true).join();
        }
        try {
            return reply.get(CALL.toMillis(), TimeUnit.MILLISECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("Chromium did not answer " + method + ": " + e, e);
        }
    }

    private void received(String text) {
        JsonNode message;
        try {
            message = JSON.readTree(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (message.has("id")) {
            CompletableFuture<JsonNode> reply = pending.remove(message.get("id").asInt());
            if (reply != null && message.has("error")) {
                reply.completeExceptionally(new IllegalStateException(message.get("error").toString()));
            } else if (reply != null) {
                reply.complete(message.path("result"));
            }
            return;
        }
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> problems.add("exception: " + params.path("exceptionDetails"));
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    problems.add("console: " + params.path("args"));
                }
            }
            case "Log.entryAdded" -> {
                if (params.path("entry").path("level").asText().equals("error")) {
                    problems.add("log:" + params.path("entry").path("source").asText() + ": "
                            + params.path("entry").path("text").asText());
                }
            }
            case "Page.javascriptDialogOpening" -> problems.add("dialog: " + params.path("message").asText());
            default -> {
                // other events are not problems
            }
        }
    }

    @Override
    public void close() {
        if (socket != null) {
            socket.abort();
        }
        http.close();
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        try (Stream<Path> paths = Files.walk(profile)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove the Chromium profile " + profile + ": " + e); // untidy, not a failure
        }
    }

    /** Reassembles text frames into whole messages. */
    private final class Receiver implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                received(text);
            }
            webSocket.request(1);
            return null;
        }
    }
}
