package vn.motcua.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One tab of a {@link HeadlessChromium}. Records what went wrong in the page (script exceptions, console errors,
 * browser log errors such as Content-Security-Policy violations, and any {@code alert}) as {@link #problems()}.
 *
 * <p>Every read ({@link #evaluate}, {@link #bodyText}, {@link #texts}) asks the page afresh and returns at once, so it
 * may be polled inside Awaitility's {@code untilAsserted}.
 *
 * <p>Threads: methods are called from the test thread; the problem list is filled on the DevTools thread.
 */
public final class BrowserPage implements AutoCloseable {

    /** Something the page should not have done; {@code kind} is e.g. {@code exception}, {@code log:security}. */
    public record Problem(String kind, String text) {
    }

    private final DevTools devTools;
    private final String targetId;
    private final String sessionId;
    private final List<Problem> problems = new CopyOnWriteArrayList<>();

    private BrowserPage(DevTools devTools, String targetId, String sessionId) {
        this.devTools = devTools;
        this.targetId = targetId;
        this.sessionId = sessionId;
    }

    static BrowserPage open(DevTools devTools, String targetId, String sessionId, int width, int height,
            boolean touch) {
        BrowserPage page = new BrowserPage(devTools, targetId, sessionId);
        devTools.onEvents(sessionId, page::onEvent);
        page.call("Page.enable");
        page.call("Runtime.enable");
        page.call("Log.enable");
        devTools.call(sessionId, "Emulation.setDeviceMetricsOverride", DevTools.params()
                .put("width", width).put("height", height).put("deviceScaleFactor", 1).put("mobile", false));
        if (touch) {
            devTools.call(sessionId, "Emulation.setTouchEmulationEnabled", DevTools.params().put("enabled", true));
        }
        return page;
    }

    /** Loads {@code url} and waits until the document has loaded (not for what its scripts fetch later). */
    public void navigate(String url) {
        JsonNode result = devTools.call(sessionId, "Page.navigate", DevTools.params().put("url", url));
        if (result.hasNonNull("errorText")) {
            throw new IllegalStateException("Chromium could not load " + url + ": " + result.get("errorText").asText());
        }
        evaluate("new Promise(resolve => document.readyState === 'complete' ? resolve(true)"
                + " : window.addEventListener('load', () => resolve(true)))");
    }

    /** Evaluates {@code expression} in the page (awaiting a promise) and returns its value as JSON. */
    public JsonNode evaluate(String expression) {
        JsonNode result = devTools.call(sessionId, "Runtime.evaluate", DevTools.params()
                .put("expression", expression).put("returnByValue", true).put("awaitPromise", true));
        if (result.has("exceptionDetails")) {
            throw new IllegalStateException("page script failed: " + expression + " → "
                    + result.get("exceptionDetails").path("exception").path("description").asText(
                            result.get("exceptionDetails").path("text").asText()));
        }
        return result.path("result").path("value");
    }

    /** The text of {@code expression}'s value; empty if it is undefined or null. */
    public String text(String expression) {
        JsonNode value = evaluate(expression);
        return value.isMissingNode() || value.isNull() ? "" : value.asText();
    }

    /** What a viewer reads: {@code document.body.innerText} (hidden elements excluded). */
    public String bodyText() {
        return text("document.body ? document.body.innerText : ''");
    }

    /** The {@code textContent} of every element matching the CSS {@code selector}, in document order. */
    public List<String> texts(String selector) {
        return strings("[...document.querySelectorAll(" + DevTools.JSON.valueToTree(selector)
                + ")].map(e => e.textContent)");
    }

    /** The value of {@code expression}, which must be an array, as strings. */
    public List<String> strings(String expression) {
        JsonNode array = evaluate(expression);
        if (!array.isArray()) {
            throw new IllegalStateException("not an array: " + expression + " → " + array);
        }
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.asText()));
        return values;
    }

    /** Waits up to {@code atMost} until {@link #bodyText()} contains {@code text}; fails showing what it shows. */
    public void awaitText(String text, Duration atMost) {
        await("the page to show " + text).atMost(atMost).untilAsserted(() -> assertThat(bodyText()).contains(text));
    }

    /**
     * Touches the centre of the first element matching the CSS {@code selector} with one finger and lifts it, as on
     * the kiosk's screen; on a {@linkplain HeadlessChromium#newTouchPage touch page} the page receives the tap's
     * click. Fails if nothing matches.
     */
    public void tap(String selector) {
        JsonNode centre = evaluate("(() => { const e = document.querySelector(" + DevTools.JSON.valueToTree(selector)
                + "); if (!e) return null; const r = e.getBoundingClientRect();"
                + " return {x: r.x + r.width / 2, y: r.y + r.height / 2}; })()");
        if (!centre.isObject()) {
            throw new IllegalStateException("nothing on the page matches " + selector);
        }
        ObjectNode start = DevTools.params().put("type", "touchStart");
        start.putArray("touchPoints").addObject().put("x", centre.get("x").asDouble())
                .put("y", centre.get("y").asDouble());
        devTools.call(sessionId, "Input.dispatchTouchEvent", start);
        ObjectNode end = DevTools.params().put("type", "touchEnd");
        end.putArray("touchPoints");
        devTools.call(sessionId, "Input.dispatchTouchEvent", end);
    }

    /** A PNG of the viewport. */
    public byte[] screenshot() {
        JsonNode result = devTools.call(sessionId, "Page.captureScreenshot", DevTools.params().put("format", "png"));
        return Base64.getDecoder().decode(result.path("data").asText());
    }

    /**
     * Writes {@link #screenshot()} to {@code file}, creating its directory: for a person to judge the layout (the
     * tests judge the text).
     */
    public Path saveScreenshot(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, screenshot());
    }

    /** Script exceptions, console errors, browser-log errors (CSP violations, failed loads) and dialogs so far. */
    public List<Problem> problems() {
        return List.copyOf(problems);
    }

    @Override
    public void close() {
        devTools.stopEvents(sessionId);
        devTools.call(null, "Target.closeTarget", DevTools.params().put("targetId", targetId));
    }

    private void call(String method) {
        devTools.call(sessionId, method, null);
    }

    /** On the DevTools thread: never waits for a reply. */
    private void onEvent(JsonNode message) {
        JsonNode params = message.path("params");
        switch (message.path("method").asText()) {
            case "Runtime.exceptionThrown" -> {
                JsonNode details = params.path("exceptionDetails");
                problems.add(new Problem("exception",
                        details.path("exception").path("description").asText(details.path("text").asText())));
            }
            case "Runtime.consoleAPICalled" -> {
                if (params.path("type").asText().equals("error")) {
                    problems.add(new Problem("console.error", params.path("args").toString()));
                }
            }
            case "Log.entryAdded" -> {
                JsonNode entry = params.path("entry");
                if (entry.path("level").asText().equals("error")) {
                    problems.add(new Problem("log:" + entry.path("source").asText(), entry.path("text").asText()));
                }
            }
            case "Page.javascriptDialogOpening" -> {
                problems.add(new Problem("dialog", params.path("type").asText() + ": " + params.path("message").asText()));
                devTools.send(sessionId, "Page.handleJavaScriptDialog", DevTools.params().put("accept", false));
            }
            default -> {
                // other events are not problems
            }
        }
    }
}
