package vn.motcua.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.hub.metrics.Metrics;

/** {@code /ticket/{label}} and {@code /api/tickets/{label}} over real HTTP, backed by a real engine. */
class TicketsApiTest {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final ObjectMapper json = new ObjectMapper();
    private final OverloadedOffice office = new OverloadedOffice();
    private WebServer server;

    @BeforeEach
    void start() {
        server = start(office);
    }

    @AfterEach
    void stop() {
        server.close();
        http.close();
    }

    @Test
    void the_api_gives_the_ticket_s_wait_and_the_warning_from_the_engine() throws Exception {
        HttpResponse<String> last = get("/api/tickets/1-016");
        assertThat(last.statusCode()).isEqualTo(200);
        assertThat(last.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("application/json;charset=utf-8");
        JsonNode body = json.readTree(last.body());
        assertThat(body.get("label").asText()).isEqualTo("1-016");
        assertThat(body.get("serviceNameVi").asText()).isEqualTo("Đất đai");
        assertThat(body.get("state").asText()).isEqualTo("WAITING");
        assertThat(body.get("ahead").asInt()).isEqualTo(15);
        assertThat(body.get("estimateMin").asInt()).isEqualTo(54);
        assertThat(body.get("mayNotBeServedToday").asBoolean()).isTrue();
        assertThat(body.has("counter")).isFalse();

        office.counterOneCallsNextAndOneCitizenLeaves();
        JsonNode first = json.readTree(get("/api/tickets/1-001").body());
        assertThat(first.get("state").asText()).isEqualTo("CALLED");
        assertThat(first.get("counter").asInt()).isEqualTo(1);
        assertThat(json.readTree(get("/api/tickets/1-016").body()).get("mayNotBeServedToday").asBoolean()).isFalse();
    }

    @Test
    void an_unknown_or_malformed_label_is_a_404_that_says_so() throws Exception {
        HttpResponse<String> unknown = get("/api/tickets/1-099");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(json.readTree(unknown.body()).get("message").asText()).isEqualTo("no ticket 1-099 today");
        HttpResponse<String> malformed = get("/api/tickets/DROP%20TABLE");
        assertThat(malformed.statusCode()).isEqualTo(404);
        assertThat(json.readTree(malformed.body()).get("message").asText()).isEqualTo("not a ticket label like 2-014");
    }

    @Test
    void the_page_of_a_known_ticket_is_served_with_the_security_headers() throws Exception {
        HttpResponse<String> page = get("/ticket/1-016");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type").orElseThrow().replace(" ", "")).isEqualTo("text/html;charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).contains(SecurityHeaders.CONTENT_SECURITY_POLICY);
        assertThat(page.body()).contains("<script src=\"/ticket.js\" defer></script>").doesNotContain("<script>");
        assertThat(get("/ticket.js").statusCode()).isEqualTo(200);
        assertThat(get("/ticket.css").statusCode()).isEqualTo(200);
    }

    @Test
    void the_page_of_an_unknown_or_hostile_label_is_a_404_in_vietnamese_with_the_label_escaped() throws Exception {
        HttpResponse<String> unknown = get("/ticket/1-099");
        assertThat(unknown.statusCode()).isEqualTo(404);
        assertThat(unknown.body()).contains("Không tìm thấy số 1-099 hôm nay", "No ticket 1-099 today");
        HttpResponse<String> hostile = get("/ticket/%3Cimg%20src=x%20onerror=alert(1)%3E");
        assertThat(hostile.statusCode()).isEqualTo(404);
        assertThat(hostile.headers().firstValue("Content-Security-Policy")).isPresent();
        assertThat(hostile.body()).contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img");
    }

    @Test
    void a_busy_desk_is_a_503_to_retry_not_an_exception_trace() throws Exception {
        server.close();
        server = start(label -> {
            throw new TicketLookup.Unavailable("the ticket desk is busy; try again in a moment");
        });
        HttpResponse<String> busy = get("/api/tickets/1-001");
        assertThat(busy.statusCode()).isEqualTo(503);
        assertThat(busy.body()).contains("try again").doesNotContain("Exception");
    }

    @Test
    void a_server_without_a_desk_knows_no_ticket() throws Exception {
        server.close();
        server = start(TicketLookup.none());
        assertThat(get("/api/tickets/1-001").statusCode()).isEqualTo(404);
        assertThat(TicketLookup.none().status("1-001")).isEqualTo(Optional.empty());
    }

    private static WebServer start(TicketLookup tickets) {
        return WebServer.start("127.0.0.1", 0, new TestLiveState(Offices.morning(), Offices.catalogue(5)), new Metrics(),
                CallHistory.none(), tickets);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }
}
