package vn.motcua.device.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.device.Hardware;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Retained;
import vn.motcua.device.Samples;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.message.ServingPhase;
import vn.motcua.protocol.topic.DeviceChannel;

class KeyConsoleTest extends OnBroker {

    @Test
    void typed_keys_reach_both_roles_of_a_unit_and_the_end_of_input_stops_only_the_console() throws Exception {
        hub.answerOk(request -> switch (request.body()) {
            case RequestBody.TicketIssue issue -> Samples.ticket();
            case RequestBody.CounterNext next -> new ResponseBody.TicketCalled("1-023", "DD", 3, 0, Samples.MORNING);
            case RequestBody.RatingSubmit rating -> new ResponseBody.RatingRecorded(rating.level(), rating.ticket());
            default -> throw new IllegalStateException("unexpected " + request);
        });
        UnitConfig config = new UnitConfig("quay-3", site, broker.url(), Set.of(Role.KIOSK, Role.COUNTER),
                Optional.of(3), List.of("DD"), dataDir, Duration.ofSeconds(5), Optional.empty());
        Hardware hardware = Hardware.simulated("quay-3");
        String typed = "dd\n\nbogus\nnext\nrate hai_long\nrate hai_long\n";

        try (Unit unit = Unit.start(config, hardware)) {
            // Ticket 1-022 was being served and has just left: the satisfaction keys may rate it, once.
            hub.publishState(topics.counterState(3), Samples.atCounter(3, "1-022", ServingPhase.SERVING));
            await().atMost(Duration.ofSeconds(5)).until(() -> unit.counter().orElseThrow().state().isPresent());
            hub.publishState(topics.counterState(3), Samples.open(3));
            await().atMost(Duration.ofSeconds(5)).until(() -> unit.counter().orElseThrow().keypad().ratable().isPresent());
            Thread console = KeyConsole.start(unit, new ByteArrayInputStream(typed.getBytes(StandardCharsets.UTF_8)));

            await().atMost(Duration.ofSeconds(5)).until(() -> !console.isAlive());
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.requests().size() == 3);
            assertThat(hub.requests()).extracting(r -> r.body()).containsExactlyInAnyOrder(
                    new RequestBody.TicketIssue("DD", Optional.empty()), new RequestBody.CounterNext(3),
                    new RequestBody.RatingSubmit(3, "HAI_LONG", Optional.of("1-022")));
            await().atMost(Duration.ofSeconds(5)).until(() -> !((SimulatedPrinter) hardware.printer()).printed().isEmpty());
            assertThat(unit.link().isConnected()).isTrue();
        }
        assertThat(Retained.status(broker.url(), topics.device("quay-3", DeviceChannel.STATUS)))
                .hasValue(DeviceStatus.offline());
    }

    @Test
    void scan_lines_go_to_the_simulated_scanner_with_their_case_kept() {
        hub.answerOk(request -> new ResponseBody.TicketIssued("2-021", "HT", 21, 0, Optional.empty(), Samples.MORNING,
                Optional.empty(), Optional.empty()));
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("HT"), dataDir);

        try (Unit unit = Unit.start(config, Hardware.simulated("kiosk-1"))) {
            KeyConsole.start(unit, new ByteArrayInputStream("scan A7q4K2m5N6p7\nscan\n".getBytes(StandardCharsets.UTF_8)));

            await().atMost(Duration.ofSeconds(5)).until(() -> hub.requests().size() == 1);
            assertThat(hub.requests()).extracting(r -> r.body())
                    .containsExactly(new RequestBody.AppointmentCheckin("A7q4K2m5N6p7"));
            assertThat(unit.metrics().count("scan.accepted.appointment")).isEqualTo(1);
        }
    }
}
