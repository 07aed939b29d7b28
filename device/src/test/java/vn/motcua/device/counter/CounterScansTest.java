package vn.motcua.device.counter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.motcua.device.Hardware;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.scan.SimulatedScanner;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;

/** Scans at a counter unit, through the unit's own scanner wiring (simulated scanner, router, metrics). */
class CounterScansTest extends OnBroker {

    @Test
    void a_badge_signs_the_officer_in_a_ticket_number_or_its_printed_link_calls_it_and_kiosk_scans_are_refused() {
        hub.answerOk(request -> switch (request.body()) {
            case RequestBody.CounterSignIn signIn -> new ResponseBody.CounterUpdated(Samples.paused(3));
            case RequestBody.CounterCallTicket call -> new ResponseBody.TicketCalled(call.ticket(), "HT", 3, 0,
                    Samples.MORNING);
            default -> throw new IllegalStateException("unexpected " + request);
        });
        Hardware hardware = Hardware.simulated("quay-3");
        SimulatedScanner scanner = (SimulatedScanner) hardware.scanner();

        try (Unit unit = Unit.start(UnitConfig.counter(site, "quay-3", broker.url(), 3, dataDir), hardware)) {
            scanner.scan("MOTCUA-OFFICER:lan.nt");
            await().atMost(Duration.ofSeconds(5)).until(() -> hub.requests().size() == 1);
            scanner.scan("2-017");
            scanner.scan("A7Q4K2M5N6P7R8S9");
            scanner.scan("079090001234|025123456|Nguyễn Văn An|15031990|Nam|123 Lê Lợi, Quận 1|20042021");
            scanner.scan("MOTCUA-OFFICER:lan nt");
            scanner.scan("http://192.168.1.10:8080/ticket/2-018"); // the QR code printed on the ticket

            await().atMost(Duration.ofSeconds(5)).until(() -> hub.requests().size() == 3);
            assertThat(hub.requests()).extracting(r -> r.body()).containsExactly(
                    new RequestBody.CounterSignIn(3, "lan.nt"), new RequestBody.CounterCallTicket(3, "2-017"),
                    new RequestBody.CounterCallTicket(3, "2-018"));
            assertThat(unit.metrics().snapshot()).containsExactlyInAnyOrderEntriesOf(Map.of(
                    "scan.accepted.officer_badge", 1L, "scan.accepted.ticket", 2L,
                    "scan.rejected.not_for_unit", 2L, "scan.rejected.officer_code", 1L));
        }
    }
}
