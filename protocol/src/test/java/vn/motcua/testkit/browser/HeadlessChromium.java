package vn.motcua.testkit.browser;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A real headless Chromium for page tests (the hub's hall board, the kiosk's touch page), driven over the DevTools
 * protocol. Start one per test class ({@link #launch()}), open a {@link BrowserPage} per test, close both.
 *
 * <p>Needs Debian's {@code chromium} at {@value #BINARY}; without it the test fails with how to install it, never
 * skips. Each browser gets a fresh profile directory, removed on close; closing also ends every process Chromium
 * started.
 */
public final class HeadlessChromium implements AutoCloseable {

    static final String BINARY = "/usr/bin/chromium";
    private static final Pattern DEVTOOLS = Pattern.compile("DevTools listening on (ws://\\S+)");
    private static final int STDERR_LINES_KEPT = 60;

    private final Process process;
    private final Path profile;
    private final DevTools devTools;
    private final Deque<String> stderrTail;

    private HeadlessChromium(Process process, Path profile, DevTools devTools, Deque<String> stderrTail) {
        this.process = process;
        this.profile = profile;
        this.devTools = devTools;
        this.stderrTail = stderrTail;
    }

    /** Starts Chromium and connects to it; throws with a clear message if it is missing or does not start. */
    public static HeadlessChromium launch() throws IOException {
        if (!Files.isExecutable(Path.of(BINARY))) {
            throw new IllegalStateException("The page tests drive a real Chromium, but " + BINARY + " is missing. "
                    + "Install it with: apt-get install -y chromium");
        }
        Path profile = Files.createTempDirectory("motcua-chromium-");
        Process process = new ProcessBuilder(List.of(BINARY,
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-breakpad", "--no-default-browser-check", "--no-proxy-server", "--mute-audio",
                "--hide-scrollbars", "--force-color-profile=srgb", "--window-size=1920,1080",
                "--user-data-dir=" + profile, "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0",
                "about:blank"))
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        Deque<String> tail = new ArrayDeque<>();
        CompletableFuture<URI> endpoint = new CompletableFuture<>();
        Thread.ofPlatform().daemon(true).name("chromium-stderr").start(() -> drain(process, tail, endpoint));
        try {
            URI uri = endpoint.get(30, TimeUnit.SECONDS);
            return new HeadlessChromium(process, profile, DevTools.connect(uri), tail);
        } catch (InterruptedException | ExecutionException | TimeoutException | RuntimeException e) {
            if (e instanceof InterruptedException) {
                Thread.currentThread().interrupt();
            }
            stop(process);
            deleteTree(profile);
            throw new IllegalStateException("Chromium did not open its DevTools endpoint; its last output:\n"
                    + String.join("\n", snapshot(tail)), e);
        }
    }

    /** Opens a tab of {@code width}×{@code height} CSS pixels, as a screen with a mouse (the hall TV). */
    public BrowserPage newPage(int width, int height) {
        return open(width, height, false);
    }

    /**
     * Opens a tab of {@code width}×{@code height} CSS pixels on a touch screen (the kiosk's): the page sees touch
     * support, and {@link BrowserPage#tap} is turned into the click a finger makes.
     */
    public BrowserPage newTouchPage(int width, int height) {
        return open(width, height, true);
    }

    private BrowserPage open(int width, int height, boolean touch) {
        String targetId = devTools.call(null, "Target.createTarget", DevTools.params().put("url", "about:blank"))
                .path("targetId").asText();
        String sessionId = devTools.call(null, "Target.attachToTarget", DevTools.params()
                .put("targetId", targetId).put("flatten", true)).path("sessionId").asText();
        return BrowserPage.open(devTools, targetId, sessionId, width, height, touch);
    }

    /** The last lines Chromium wrote to stderr, for failure messages. */
    public List<String> log() {
        return snapshot(stderrTail);
    }

    @Override
    public void close() {
        try {
            devTools.send(null, "Browser.close", null);
        } catch (RuntimeException ignored) {
            // already going away; the process is stopped below either way
        }
        devTools.close();
        stop(process);
        deleteTree(profile);
    }

    private static void drain(Process process, Deque<String> tail, CompletableFuture<URI> endpoint) {
        try (BufferedReader err = new BufferedReader(
                new InputStreamReader(process.getErrorStream(), StandardCharsets.UTF_8))) {
            for (String line = err.readLine(); line != null; line = err.readLine()) {
                Matcher matcher = DEVTOOLS.matcher(line);
                if (matcher.find()) {
                    endpoint.complete(URI.create(matcher.group(1)));
                }
                synchronized (tail) {
                    tail.addLast(line);
                    if (tail.size() > STDERR_LINES_KEPT) {
                        tail.removeFirst();
                    }
                }
            }
        } catch (IOException ignored) {
            // the process ended
        } finally {
            endpoint.completeExceptionally(new IllegalStateException("Chromium exited with " + exitCode(process)));
        }
    }

    private static String exitCode(Process process) {
        try {
            return process.waitFor(1, TimeUnit.SECONDS) ? Integer.toString(process.exitValue()) : "(still running)";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "(unknown)";
        }
    }

    private static List<String> snapshot(Deque<String> tail) {
        synchronized (tail) {
            return List.copyOf(tail);
        }
    }

    /** Stops Chromium and every process it started (renderers, GPU, crash handler). */
    private static void stop(Process process) {
        List<ProcessHandle> children = process.descendants().toList();
        try {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
                if (!process.waitFor(5, TimeUnit.SECONDS)) {
                    process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
        children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    /** Best effort: a profile left in the temp directory is untidy, not a test failure. */
    private static void deleteTree(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            System.err.println("could not remove the Chromium profile " + root + ": " + e);
        }
    }
}
