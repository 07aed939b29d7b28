package vn.motcua.device.kiosk.touch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;

/** The touch page's HTTP API and its guards, over a real kiosk on a real Mosquitto with the stand-in hub. */
class TouchServerTest extends OnBroker {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern TOKEN = Pattern.compile("<meta name=\"motcua-token\" content=\"([A-Za-z0-9_-]{43})\">");

    private final HttpClient http = HttpClient.newHttpClient();
    private final SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
    private MqttLink link;
    private KioskUnit kiosk;
    private TouchServer touch;
    private String token;

    @AfterEach
    void stop() {
        touch.close();
        kiosk.close();
        link.close();
        http.close();
    }

    private void startKiosk(TicketPrinter ticketPrinter, Duration requestTimeout) throws Exception {
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir)
                .withRequestTimeout(requestTimeout);
        link = MqttLink.connect(config, "test-1", Duration.ofSeconds(10));
        kiosk = new KioskUnit(link, ticketPrinter);
        touch = TouchServer.start(0, kiosk, link);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(touch.uri()).build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher matcher = TOKEN.matcher(page.body());
        assertThat(matcher.find()).as("the page carries its token").isTrue();
        token = matcher.group(1);
    }

    private void startKiosk() throws Exception {
        startKiosk(printer, Duration.ofSeconds(5));
    }

    private String origin() {
        return "http://127.0.0.1:" + touch.uri().getPort();
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(touch.uri().resolve("/api/tickets"))
                .header("Content-Type", "application/json").header(TouchGuard.TOKEN_HEADER, token)
                .header("Origin", origin()).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode services() throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(touch.uri().resolve("/api/services"))
                .header(TouchGuard.TOKEN_HEADER, token).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        return JSON.readTree(response.body());
    }

    private static JsonNode json(HttpResponse<String> response) throws IOException {
        return JSON.readTree(response.body());
    }

    private List<Request> ticketRequests() {
        return hub.requests().stream().filter(r -> r.op() == Operation.TICKET_ISSUE).toList();
    }

    private static ServiceCatalogue landOpenCivilStatusClosed() {
        return new ServiceCatalogue(Samples.OFFICE, List.of(
                new ServiceCatalogue.Entry("DD", "1", "Đất đai", "Land", true, 5, Optional.of(12)),
                new ServiceCatalogue.Entry("HT", "2", "Hộ tịch", "Civil status", false, 0, Optional.empty())),
                Samples.MORNING);
    }

    @Test
    void the_page_is_served_with_a_strict_content_security_policy_and_no_inline_script() throws Exception {
        startKiosk();

        HttpResponse<String> page = http.send(HttpRequest.newBuilder(touch.uri()).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.headers().firstValue("Content-Type")).contains("text/html; charset=utf-8");
        assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp -> assertThat(csp)
                .startsWith("default-src 'self'; script-src 'self';").doesNotContain("unsafe"));
        assertThat(page.headers().firstValue("Cache-Control")).contains("no-store");
        assertThat(page.body()).contains("<html lang=\"vi\">", "<script src=\"/touch.js\" defer></script>")
                .doesNotContain("<script>", "style=", "onclick", "http://", "https://");
        assertThat(TOKEN.matcher(page.body()).results().map(m -> m.group(1))).containsExactly(token);
    }

    @Test
    void services_come_from_the_catalogue_in_key_order_with_queue_figures_and_the_priority_choices()
            throws Exception {
        hub.answerOk(request -> Samples.ticket()); // refuses the kiosk's lease requests at once
        hub.publishState(topics.services(), landOpenCivilStatusClosed());
        startKiosk();
        await().atMost(Duration.ofSeconds(5)).until(() -> kiosk.catalogue().isPresent());

        JsonNode services = services();

        assertThat(services.get("office").asText()).isEqualTo(Samples.OFFICE);
        assertThat(services.get("online").asBoolean()).isTrue();
        assertThat(services.get("services").toString()).isEqualTo("[{\"code\":\"DD\",\"nameVi\":\"Đất đai\","
                + "\"nameEn\":\"Land\",\"open\":true,\"waiting\":5,\"estimateMin\":12},{\"code\":\"HT\","
                + "\"nameVi\":\"Hộ tịch\",\"nameEn\":\"Civil status\",\"open\":false,\"waiting\":0}]");
        assertThat(services.get("priorities").findValuesAsText("code")).containsExactly("ELDERLY", "DISABLED",
                "PREGNANT");
        assertThat(services.get("priorities").findValuesAsText("nameVi")).containsExactly("Người cao tuổi",
                "Người khuyết tật", "Phụ nữ mang thai");
    }

    @Test
    void without_the_link_the_services_say_offline_and_show_no_stale_queue_figures() throws Exception {
        hub.answerOk(request -> Samples.ticket()); // refuses the kiosk's lease requests at once
        hub.publishState(topics.services(), Samples.catalogue());
        startKiosk();
        await().atMost(Duration.ofSeconds(5)).until(() -> kiosk.catalogue().isPresent());

        link.close();

        JsonNode services = services();
        assertThat(services.get("online").asBoolean()).isFalse();
        assertThat(services.get("services").get(0).toString()).isEqualTo("{\"code\":\"DD\",\"nameVi\":\"Đất đai\","
                + "\"nameEn\":\"Land\",\"open\":true}");
    }

    @Test
    void before_the_catalogue_arrives_a_service_is_its_code_with_no_queue_figures() throws Exception {
        startKiosk();

        assertThat(services().get("services").toString()).isEqualTo(
                "[{\"code\":\"DD\",\"nameVi\":\"DD\",\"open\":true},{\"code\":\"HT\",\"nameVi\":\"HT\",\"open\":true}]");
    }

    @Test
    void a_press_prints_the_ticket_the_hub_issued_and_answers_its_number() throws Exception {
        hub.publishState(topics.services(), Samples.catalogue());
        hub.answerOk(request -> Samples.ticket());
        startKiosk();
        await().atMost(Duration.ofSeconds(5)).until(() -> kiosk.catalogue().isPresent());

        HttpResponse<String> response = post("{\"service\": \"DD\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).toString()).isEqualTo("{\"ticket\":\"1-023\",\"service\":\"DD\",\"nameVi\":"
                + "\"Đất đai\",\"nameEn\":\"Land\",\"offline\":false,\"ahead\":5,\"estimateMin\":12}");
        assertThat(printer.printed()).extracting(t -> t.ticket()).containsExactly("1-023");
        assertThat(ticketRequests()).extracting(Request::body)
                .containsExactly(new RequestBody.TicketIssue("DD", Optional.empty()));
    }

    @Test
    void a_chosen_priority_goes_with_the_press() throws Exception {
        hub.answerOk(request -> new ResponseBody.TicketIssued("2-004", "HT", 4, 0, Optional.empty(), Samples.MORNING,
                Optional.of("PREGNANT"), Optional.empty()));
        startKiosk();

        HttpResponse<String> response = post("{\"service\": \"HT\", \"priority\": \"PREGNANT\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("priorityVi").asText()).isEqualTo("Phụ nữ mang thai");
        assertThat(ticketRequests()).extracting(Request::body)
                .containsExactly(new RequestBody.TicketIssue("HT", Optional.of("PREGNANT")));
    }

    @Test
    void bad_requests_get_400_with_a_json_error_and_the_server_keeps_serving() throws Exception {
        startKiosk();

        assertError(post("{\"service\": \"CT\"}"), 400, "UNKNOWN_SERVICE");
        assertError(post("{\"service\": 7}"), 400, "UNKNOWN_SERVICE");
        assertError(post("{}"), 400, "UNKNOWN_SERVICE");
        assertError(post("{\"service\": \"DD\", \"priority\": \"MERIT\"}"), 400, "BAD_PRIORITY");
        assertError(post("{\"service\": \"DD\", \"count\": 100}"), 400, "BAD_REQUEST");
        assertError(post("{\"service\": "), 400, "BAD_REQUEST");
        assertError(post("[\"DD\"]"), 400, "BAD_REQUEST");
        assertError(post(""), 400, "BAD_REQUEST");
        assertError(post("{\"service\": \"" + "D".repeat(2000) + "\"}"), 413, "BAD_REQUEST");
        assertError(http.send(HttpRequest.newBuilder(touch.uri().resolve("/api/tickets"))
                .header(TouchGuard.TOKEN_HEADER, token).header("Origin", origin())
                .POST(HttpRequest.BodyPublishers.ofString("service=DD")).build(),
                HttpResponse.BodyHandlers.ofString()), 415, "BAD_REQUEST");
        assertError(http.send(HttpRequest.newBuilder(touch.uri().resolve("/api/services"))
                .header(TouchGuard.TOKEN_HEADER, token).header("Origin", origin())
                .DELETE().build(), HttpResponse.BodyHandlers.ofString()), 405, "METHOD_NOT_ALLOWED");
        assertError(http.send(HttpRequest.newBuilder(touch.uri().resolve("/admin")).build(),
                HttpResponse.BodyHandlers.ofString()), 404, "NOT_FOUND");

        assertThat(ticketRequests()).isEmpty();
        assertThat(printer.printed()).isEmpty();
        assertThat(services().get("services")).hasSize(2);
    }

    @Test
    void a_press_without_this_starts_token_or_from_another_origin_is_refused() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        startKiosk();
        HttpRequest.Builder press = HttpRequest.newBuilder(touch.uri().resolve("/api/tickets"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"service\": \"DD\"}"));

        assertError(send(press.copy().header("Origin", origin())), 403, "BAD_TOKEN");
        assertError(send(press.copy().header("Origin", origin()).header(TouchGuard.TOKEN_HEADER,
                token.substring(1) + "A")), 403, "BAD_TOKEN");
        assertError(send(press.copy().header(TouchGuard.TOKEN_HEADER, token).header("Origin",
                "https://evil.example")), 403, "BAD_ORIGIN");
        assertError(send(press.copy().header(TouchGuard.TOKEN_HEADER, token).header("Origin", "null")), 403,
                "BAD_ORIGIN");
        assertError(send(press.copy().header(TouchGuard.TOKEN_HEADER, token)), 403, "BAD_ORIGIN");
        assertError(send(HttpRequest.newBuilder(touch.uri().resolve("/api/services"))), 403, "BAD_TOKEN");

        assertThat(ticketRequests()).isEmpty();
        assertThat(printer.printed()).isEmpty();
    }

    @Test
    void a_request_for_another_host_name_is_refused_so_dns_rebinding_cannot_read_the_token() throws Exception {
        startKiosk();

        String answer = rawGet("/", "evil.example:" + touch.uri().getPort());

        assertThat(answer).startsWith("HTTP/1.1 403").contains("BAD_HOST").doesNotContain(token);
        assertThat(rawGet("/", "localhost:" + touch.uri().getPort())).startsWith("HTTP/1.1 200").contains(token);
    }

    @Test
    void a_service_the_catalogue_says_is_closed_is_refused_without_asking_the_hub() throws Exception {
        hub.answerOk(request -> Samples.ticket()); // refuses the kiosk's lease requests at once
        hub.publishState(topics.services(), landOpenCivilStatusClosed());
        startKiosk();
        await().atMost(Duration.ofSeconds(5)).until(() -> kiosk.catalogue().isPresent());

        assertError(post("{\"service\": \"HT\"}"), 409, "SERVICE_CLOSED");

        assertThat(ticketRequests()).isEmpty();
        assertThat(printer.printed()).isEmpty();
    }

    @Test
    void the_hubs_refusal_is_answered_with_its_reason_and_nothing_is_printed() throws Exception {
        hub.answer(request -> Optional.of(Response.Failure.of(request, ErrorCode.SERVICE_CLOSED, "Hết giờ")));
        startKiosk();

        assertError(post("{\"service\": \"DD\"}"), 409, "SERVICE_CLOSED");
        hub.answer(request -> Optional.of(Response.Failure.of(request, ErrorCode.INVALID_FIELD, "no such class")));
        assertError(post("{\"service\": \"DD\", \"priority\": \"DISABLED\"}"), 409, "REFUSED");

        assertThat(printer.printed()).isEmpty();
    }

    @Test
    void a_printer_failure_is_answered_as_such() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        startKiosk(ticket -> {
            throw new IllegalStateException("paper out");
        }, Duration.ofSeconds(5));

        assertError(post("{\"service\": \"DD\"}"), 500, "PRINT_FAILED");
    }

    @Test
    void when_the_hub_does_not_answer_the_ticket_prints_offline_and_the_answer_says_so() throws Exception {
        LocalDate today = LocalDate.now(OfficeTime.ZONE);
        hub.answer(request -> request.body() instanceof RequestBody.LeaseRenew renew
                ? Optional.of(new Response.Ok(request.id(), request.op(),
                        new ResponseBody.LeaseGranted(renew.service(), 901, 900 + renew.size(), today)))
                : Optional.empty());
        hub.publishState(topics.services(), Samples.catalogue());
        startKiosk(printer, Duration.ofMillis(400));
        await().atMost(Duration.ofSeconds(5)).until(() -> kiosk.offlineNumbersLeft("HT") > 0);

        HttpResponse<String> response = post("{\"service\": \"HT\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).toString()).isEqualTo("{\"ticket\":\"2-901\",\"service\":\"HT\",\"nameVi\":"
                + "\"Hộ tịch\",\"nameEn\":\"Civil status\",\"offline\":true}");
        assertThat(printer.printed()).extracting(t -> t.offline()).containsExactly(true);
    }

    @Test
    void when_the_hub_does_not_answer_and_no_number_is_leased_the_answer_says_so() throws Exception {
        startKiosk(printer, Duration.ofMillis(400)); // silent hub, no catalogue: nothing leased

        assertError(post("{\"service\": \"DD\"}"), 503, "NO_OFFLINE_NUMBERS");
        assertThat(printer.printed()).isEmpty();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void assertError(HttpResponse<String> response, int status, String error) throws IOException {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type")).contains("application/json; charset=utf-8");
        assertThat(json(response).get("error").asText()).isEqualTo(error);
    }

    /** java.net.http will not send a Host of our choosing, so a rebinding browser is played on a plain socket. */
    private String rawGet(String path, String host) throws IOException {
        URI uri = touch.uri();
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(5_000);
            OutputStream out = socket.getOutputStream();
            out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            try (InputStream in = socket.getInputStream()) {
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }
}
