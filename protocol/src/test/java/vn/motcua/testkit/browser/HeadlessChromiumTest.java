package vn.motcua.testkit.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The shared browser helper against a real headless Chromium and small pages served with a strict CSP. */
@ExtendWith(ChromiumPerClass.class)
class HeadlessChromiumTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final String CSP = "default-src 'self'";
    private static final Map<String, String> FILES = Map.of(
            "/", "text/html", "/broken", "text/html", "/page.js", "text/javascript", "/broken.js", "text/javascript");
    private static final Map<String, String> BODIES = Map.of(
            "/", """
                    <!doctype html><html lang="vi"><head><meta charset="utf-8"><title>Trang thử</title></head>
                    <body><h1>Xin chào</h1><p class="n">1</p><p class="n">Hai</p>
                    <button id="touch">Chạm vào đây</button><p id="hidden" hidden>ẩn</p>
                    <script src="/page.js"></script></body></html>""",
            "/page.js", """
                    document.getElementById('touch').addEventListener('click', () => {
                      const done = document.createElement('p');
                      done.textContent = 'Đã chạm';
                      document.body.appendChild(done);
                    });""",
            "/broken", """
                    <!doctype html><html><head><meta charset="utf-8"></head><body><p>Hỏng</p>
                    <script>window.inline = true</script><script src="/broken.js"></script></body></html>""",
            "/broken.js", """
                    console.error('lỗi trong console');
                    setTimeout(() => alert('hộp thoại'), 0);
                    throw new Error('lỗi không bắt');""");

    private static HttpServer server;
    private static HeadlessChromium classBrowser;

    private BrowserPage page;

    @BeforeAll
    static void startServer(HeadlessChromium chromium) throws IOException {
        classBrowser = chromium;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", HeadlessChromiumTest::serve);
        server.start();
    }

    @AfterAll
    static void stopServing() {
        server.stop(0);
    }

    @AfterEach
    void closePage() {
        if (page != null) {
            page.close();
        }
    }

    @Test
    void a_page_is_read_as_a_viewer_sees_it_at_the_size_it_was_opened_with(HeadlessChromium chromium) {
        page = chromium.newPage(1280, 720);
        page.navigate(url("/"));

        page.awaitText("Xin chào", WAIT);
        assertThat(page.evaluate("[innerWidth, innerHeight]").toString()).isEqualTo("[1280,720]");
        assertThat(page.text("document.documentElement.lang")).isEqualTo("vi");
        assertThat(page.texts("p.n")).containsExactly("1", "Hai");
        assertThat(page.bodyText()).contains("Chạm vào đây").doesNotContain("ẩn");
        assertThat(page.text("window.missing")).isEmpty();
        assertThat(page.evaluate("navigator.maxTouchPoints").asInt()).isZero();
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void bad_calls_fail_saying_what_went_wrong(HeadlessChromium chromium) {
        page = chromium.newPage(800, 600);
        page.navigate(url("/"));

        assertThatThrownBy(() -> page.evaluate("no.such.thing")).hasMessageContaining("page script failed")
                .hasMessageContaining("no is not defined");
        assertThatThrownBy(() -> page.strings("document.title")).hasMessageContaining("not an array");
        assertThatThrownBy(() -> page.tap("#absent")).hasMessageContaining("nothing on the page matches #absent");
        assertThatThrownBy(() -> page.navigate("http://127.0.0.1:1/"))
                .hasMessageContaining("Chromium could not load http://127.0.0.1:1/");
        assertThatThrownBy(() -> page.awaitText("không bao giờ", Duration.ofMillis(300)))
                .hasMessageContaining("the page to show không bao giờ");
    }

    @Test
    void exceptions_console_errors_dialogs_and_csp_violations_are_recorded_as_problems(HeadlessChromium chromium) {
        page = chromium.newPage(800, 600);
        page.navigate(url("/broken"));

        await().atMost(WAIT).untilAsserted(() -> assertThat(page.problems())
                .extracting(BrowserPage.Problem::kind)
                .contains("exception", "console.error", "dialog", "log:security"));
        assertThat(page.problems()).anySatisfy(p -> assertThat(p.text()).contains("Content Security Policy"))
                .anySatisfy(p -> assertThat(p.text()).contains("lỗi không bắt"))
                .anySatisfy(p -> assertThat(p.text()).contains("lỗi trong console"))
                .anySatisfy(p -> assertThat(p.text()).isEqualTo("alert: hộp thoại"));
        assertThat(page.evaluate("window.inline === true").asBoolean()).as("inline script ran").isFalse();
    }

    @Test
    void a_tap_on_a_touch_page_is_the_click_a_finger_makes(HeadlessChromium chromium) {
        page = chromium.newTouchPage(800, 480);
        page.navigate(url("/"));
        assertThat(page.evaluate("navigator.maxTouchPoints > 0").asBoolean()).isTrue();

        page.tap("#touch");

        page.awaitText("Đã chạm", WAIT);
        assertThat(page.problems()).isEmpty();
    }

    @Test
    void a_screenshot_is_a_png_of_the_viewport_saved_where_asked(HeadlessChromium chromium, @TempDir Path dir)
            throws Exception {
        page = chromium.newPage(800, 480);
        page.navigate(url("/"));

        Path file = page.saveScreenshot(dir.resolve("shots").resolve("page.png"));

        byte[] png = Files.readAllBytes(file);
        assertThat(Arrays.copyOf(png, 8)).containsExactly(0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n');
        ByteBuffer header = ByteBuffer.wrap(png, 16, 8); // IHDR: width, height
        assertThat(List.of(header.getInt(), header.getInt())).containsExactly(800, 480);
    }

    @Test
    void every_method_of_a_class_is_given_the_same_browser(HeadlessChromium chromium) {
        assertThat(chromium).isSameAs(classBrowser);
    }

    @Test
    void closing_ends_chromium_and_every_process_it_started() throws Exception {
        List<ProcessHandle> before = ProcessHandle.current().descendants().toList();
        List<ProcessHandle> started;
        try (HeadlessChromium own = HeadlessChromium.launch(); BrowserPage tab = own.newPage(640, 480)) {
            tab.navigate(url("/"));
            started = ProcessHandle.current().descendants().filter(process -> !before.contains(process)).toList();
            assertThat(started).as("Chromium and its helpers").hasSizeGreaterThan(1);
        }

        await().atMost(WAIT).untilAsserted(() -> assertThat(started).noneMatch(ProcessHandle::isAlive));
    }

    private static String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    private static void serve(HttpExchange exchange) throws IOException {
        String path = exchange.getRequestURI().getPath();
        String body = BODIES.get(path);
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        if (body != null) {
            exchange.getResponseHeaders().add("Content-Type", FILES.get(path) + "; charset=utf-8");
            exchange.getResponseHeaders().add("Content-Security-Policy", CSP);
        }
        // Chromium asks for /favicon.ico by itself; a 404 there would be a problem the pages did not make
        int status = body != null ? 200 : path.equals("/favicon.ico") ? 204 : 404;
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }
}
