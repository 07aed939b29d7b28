package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import vn.motcua.device.Hardware;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.SimulatedCounterDisplay;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.printer.TicketView;
import vn.motcua.device.scan.SimulatedScanner;
import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/**
 * The citizen's journey through every real part: kiosk firmware → broker → hub (desk, SQLite) → the ticket's status
 * page at the link printed on it → the counter's scanner reading that link → broker → counter firmware and its
 * display → the board the web server shows. Once through the embedded broker, once through a Mosquitto process.
 */
class TicketJourneyTest {

    enum BrokerKind { EMBEDDED, MOSQUITTO }

    private static final Office OFFICE = Parts.DISTRICT;

    @TempDir
    Path dir;
    private Mosquitto mosquitto;
    private Hub hub;
    private Unit kiosk;
    private Unit counter;

    @AfterEach
    void stop() throws Exception {
        Parts.closeAll(kiosk, counter, hub, mosquitto);
    }

    @ParameterizedTest
    @EnumSource(BrokerKind.class)
    void a_ticket_is_printed_followed_on_its_page_called_by_its_qr_shown_on_the_display_and_the_board(BrokerKind kind)
            throws Exception {
        int httpPort = Mosquitto.freePort();
        String publicUrl = "http://127.0.0.1:" + httpPort;
        HubSettings settings = HubSettings.local(OFFICE, dir.resolve("hub")).withWeb("127.0.0.1", httpPort)
                .withPublicUrl(publicUrl);
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            settings = settings.withExternalBroker(mosquitto.url());
        }
        hub = Hub.start(settings, Clock.systemUTC());
        kiosk = Unit.start(UnitConfig.kiosk(OFFICE.id(), "kiosk-1", hub.brokerUrl(), List.of("HT", "DD"),
                dir.resolve("kiosk-1")).withOfficeName(OFFICE.name()), Hardware.simulated("kiosk-1"));
        counter = Unit.start(UnitConfig.counter(OFFICE.id(), "counter-4", hub.brokerUrl(), 4, dir.resolve("counter-4")),
                Hardware.simulated("counter-4"));
        // The office day starts with every counter closed: civil status takes tickets once its officer signs in.
        counter.counter().orElseThrow().signIn("lan.nt").get();

        TicketView printed = kiosk.kiosk().orElseThrow().press("HT").get();
        assertThat(printed.ticket()).isEqualTo("2-001");
        assertThat(printed.serviceNameVi()).isEqualTo("Hộ tịch");

        assertThat(printed.statusUrl()).contains(publicUrl + "/ticket/2-001");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(printed.statusUrl().orElseThrow())).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"vi\"");
        assertThat(status(http, "2-001")).contains("\"state\":\"WAITING\"", "\"ahead\":0");

        // The officer scans the QR code printed on the ticket: its status link calls that ticket to the counter.
        ((SimulatedScanner) counter.hardware().scanner()).scan(printed.statusUrl().orElseThrow());
        SimulatedCounterDisplay display = (SimulatedCounterDisplay) counter.hardware().counterDisplay();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(display.text()).contains("2-001"));
        assertThat(status(http, "2-001")).contains("\"state\":\"CALLED\"", "\"counter\":4");

        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + hub.httpPort() + "/api/board")).build(), HttpResponse.BodyHandlers.ofByteArray());
        Board board = new Codec().decodeState(response.body(), Board.class);
        assertThat(board.recentCalls()).first().satisfies(call -> {
            assertThat(call.ticket()).isEqualTo("2-001");
            assertThat(call.counter()).isEqualTo(4);
        });

        counter.counter().orElseThrow().press(StaffKey.START).get();
        counter.counter().orElseThrow().press(StaffKey.DONE).get();
        ResponseBody rated = counter.counter().orElseThrow().rate("RAT_HAI_LONG").get();
        assertThat(rated).isInstanceOfSatisfying(ResponseBody.RatingRecorded.class,
                r -> assertThat(r.ticket()).contains("2-001"));
    }

    private String status(HttpClient http, String label) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + hub.httpPort() + "/api/tickets/" + label))
                .build(), HttpResponse.BodyHandlers.ofString()).body();
    }
}
