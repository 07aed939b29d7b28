package vn.motcua.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ServiceCatalogue;

class WebServerTest {

    private static final List<String> ROUTES = List.of(
            "/", "/?lang=en", "/board.js", "/board.css", "/api/board", "/api/services", "/health", "/no/such/page");

    private final Codec codec = new Codec();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private TestLiveState state;
    private WebServer server;

    @BeforeEach
    void start() {
        state = new TestLiveState(Offices.morning(), Offices.catalogue(5));
        server = WebServer.start("127.0.0.1", 0, state);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void board_api_returns_the_live_board_in_the_wire_format() throws Exception {
        HttpResponse<byte[]> response = get("/api/board");

        assertThat(response.statusCode()).isEqualTo(200);
        assertContentType(response, "application/json; charset=utf-8");
        assertThat(codec.decodeState(response.body(), Board.class)).isEqualTo(state.board());
    }

    @Test
    void services_api_returns_the_live_catalogue_with_vietnamese_names_intact() throws Exception {
        HttpResponse<byte[]> response = get("/api/services");

        assertThat(response.statusCode()).isEqualTo(200);
        assertContentType(response, "application/json; charset=utf-8");
        ServiceCatalogue catalogue = codec.decodeState(response.body(), ServiceCatalogue.class);
        assertThat(catalogue).isEqualTo(state.services());
        assertThat(catalogue.services().get(0).nameVi()).isEqualTo("Đất đai");
    }

    @Test
    void apis_show_the_state_as_it_is_now() throws Exception {
        state.publish(Offices.counterSevenCalls(state.board(), "2-013"));
        state.publish(Offices.catalogue(9));

        assertThat(codec.decodeState(get("/api/board").body(), Board.class).sequence()).isEqualTo(42);
        assertThat(codec.decodeState(get("/api/services").body(), ServiceCatalogue.class).services().get(0).waiting())
                .isEqualTo(9);
    }

    @Test
    void api_answers_carry_the_hub_clock_which_the_board_uses_to_correct_its_own() throws Exception {
        HttpResponse<byte[]> response = get("/api/services");

        assertThat(response.headers().firstValue("Date")).isPresent();
        assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
    }

    @Test
    void health_reports_up() throws Exception {
        HttpResponse<byte[]> response = get("/health");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(text(response)).isEqualTo("{\"status\":\"UP\"}");
    }

    @Test
    void health_is_503_with_the_reason_while_commits_fail_and_up_again_after_one_succeeds() throws Exception {
        state.storeProblem(Optional.of("full"));
        HttpResponse<byte[]> down = get("/health");

        assertThat(down.statusCode()).isEqualTo(503);
        assertContentType(down, "application/json; charset=utf-8");
        assertThat(text(down)).isEqualTo("{\"status\":\"DOWN\",\"store\":\"full\"}");
        assertSecurityHeaders("/health while the store fails", down);
        assertThat(get("/api/board").statusCode()).as("the board keeps the committed state").isEqualTo(200);

        state.storeProblem(Optional.empty());
        assertThat(get("/health").statusCode()).isEqualTo(200);
    }

    @Test
    void health_is_503_while_the_broker_is_lost_naming_every_problem_and_up_again_when_it_is_back() throws Exception {
        AtomicBoolean broker = new AtomicBoolean(false);
        try (WebServer hub = WebServer.start("127.0.0.1", 0, state, new Metrics(), CallHistory.none(),
                TicketLookup.none(), broker::get)) {
            HttpResponse<byte[]> down = get(hub, "/health");
            assertThat(down.statusCode()).isEqualTo(503);
            assertThat(text(down)).isEqualTo("{\"status\":\"DOWN\",\"broker\":\"disconnected\"}");

            state.storeProblem(Optional.of("io"));
            assertThat(text(get(hub, "/health"))).isEqualTo("{\"status\":\"DOWN\",\"broker\":\"disconnected\","
                    + "\"store\":\"io\"}");

            state.storeProblem(Optional.empty());
            broker.set(true);
            HttpResponse<byte[]> up = get(hub, "/health");
            assertThat(up.statusCode()).isEqualTo(200);
            assertThat(text(up)).isEqualTo("{\"status\":\"UP\"}");
        }
    }

    @Test
    void every_route_sends_the_security_headers() throws Exception {
        for (String route : ROUTES) {
            assertSecurityHeaders(route, get(route));
        }
        try (EventStream stream = EventStream.open(uri("/api/board/stream"))) {
            assertSecurityHeaders("/api/board/stream", stream.response());
        }
    }

    @Test
    void unknown_paths_get_a_json_404() throws Exception {
        HttpResponse<byte[]> response = get("/admin/../etc/passwd");

        assertThat(response.statusCode()).isEqualTo(404);
        assertContentType(response, "application/json; charset=utf-8");
        assertThat(text(response)).startsWith("{\"error\":\"NOT_FOUND\"");
    }

    @Test
    void the_page_links_its_script_and_style_as_files_so_the_policy_can_forbid_inline_code() throws Exception {
        String html = text(get("/"));

        assertThat(html).contains("<script src=\"/board.js\" defer></script>", "href=\"/board.css\"");
        assertThat(html).doesNotContain("<style", "style=", "onload=", "onclick=", "javascript:");
        assertThat(html.split("<script", -1)).hasSize(2);
        assertContentType(get("/board.js"), "text/javascript; charset=utf-8");
        assertContentType(get("/board.css"), "text/css; charset=utf-8");
    }

    @Test
    void the_page_script_never_writes_markup() throws Exception {
        String script = text(get("/board.js"));

        assertThat(script).doesNotContain("innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(");
    }

    @Test
    void a_failing_state_is_a_json_500_that_still_carries_the_security_headers() throws Exception {
        LiveState broken = new LiveState() {
            @Override
            public Board board() {
                throw new IllegalStateException("desk not ready");
            }

            @Override
            public ServiceCatalogue services() {
                throw new IllegalStateException("desk not ready");
            }

            @Override
            public AutoCloseable onChange(Runnable listener) {
                return () -> { };
            }
        };
        try (WebServer failing = WebServer.start("127.0.0.1", 0, broken)) {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + failing.port() + "/api/board")).build(),
                    HttpResponse.BodyHandlers.ofByteArray());

            assertThat(response.statusCode()).isEqualTo(500);
            assertThat(text(response)).isEqualTo("{\"error\":\"INTERNAL\",\"message\":\"internal error; see the hub log\"}");
            assertSecurityHeaders("/api/board (failing)", response);
        }
    }

    @Test
    void the_stream_refuses_a_client_that_does_not_accept_an_event_stream() throws Exception {
        HttpResponse<byte[]> response = get("/api/board/stream");

        assertThat(response.statusCode()).isEqualTo(406);
        assertThat(text(response)).startsWith("{\"error\":\"NOT_ACCEPTABLE\"");
    }

    @Test
    void closing_the_server_unregisters_its_listener_and_is_idempotent() {
        assertThat(state.listenerCount()).isEqualTo(1);

        server.close();
        server.close();

        assertThat(state.listenerCount()).isZero();
    }

    /** Jetty writes {@code type;charset=x} without the space; both spellings mean the same. */
    private static void assertContentType(HttpResponse<?> response, String expected) {
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(type ->
                assertThat(type.replace(" ", "")).isEqualToIgnoringCase(expected.replace(" ", "")));
    }

    private static void assertSecurityHeaders(String route, HttpResponse<?> response) {
        assertThat(response.headers().firstValue("Content-Security-Policy")).as(route)
                .hasValue("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                        + "connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'");
        assertThat(response.headers().firstValue("X-Content-Type-Options")).as(route).hasValue("nosniff");
        assertThat(response.headers().firstValue("Referrer-Policy")).as(route).hasValue("no-referrer");
    }

    private HttpResponse<byte[]> get(String path) throws IOException, InterruptedException {
        return get(server, path);
    }

    private HttpResponse<byte[]> get(WebServer on, String path) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + on.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + server.port() + path);
    }

    private static String text(HttpResponse<byte[]> response) {
        return new String(response.body(), StandardCharsets.UTF_8);
    }
}
