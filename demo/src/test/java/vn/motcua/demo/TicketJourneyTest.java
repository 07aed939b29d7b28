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
import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/**
 * The citizen's journey through every real part: kiosk firmware → broker → hub (desk, SQLite) → broker → counter
 * firmware and its display → the board the web server shows. Once through the embedded broker, once through a
 * Mosquitto process.
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
    void a_ticket_is_printed_called_to_a_counter_shown_on_its_display_and_on_the_board(BrokerKind kind) throws Exception {
        HubSettings settings = HubSettings.local(OFFICE, dir.resolve("hub"));
        if (kind == BrokerKind.MOSQUITTO) {
            mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
            settings = settings.withExternalBroker(mosquitto.url());
        }
        hub = Hub.start(settings, Clock.systemUTC());
        kiosk = Unit.start(UnitConfig.kiosk(OFFICE.id(), "kiosk-1", hub.brokerUrl(), List.of("HT", "DD"),
                dir.resolve("kiosk-1")).withOfficeName(OFFICE.name()), Hardware.simulated("kiosk-1"));
        counter = Unit.start(UnitConfig.counter(OFFICE.id(), "counter-4", hub.brokerUrl(), 4, dir.resolve("counter-4")),
                Hardware.simulated("counter-4"));

        TicketView printed = kiosk.kiosk().orElseThrow().press("HT").get();
        assertThat(printed.ticket()).isEqualTo("2-001");
        assertThat(printed.serviceNameVi()).isEqualTo("Hộ tịch");

        ResponseBody called = counter.counter().orElseThrow().press(StaffKey.NEXT).get();
        assertThat(called).isInstanceOfSatisfying(ResponseBody.TicketCalled.class,
                c -> assertThat(c.ticket()).isEqualTo("2-001"));

        SimulatedCounterDisplay display = (SimulatedCounterDisplay) counter.hardware().counterDisplay();
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(display.text()).contains("2-001"));

        HttpClient http = HttpClient.newHttpClient();
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
}
