package vn.motcua.device.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OfficeTime;
import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.Keypad;
import vn.motcua.device.config.KioskKeys;
import vn.motcua.device.config.ScannerConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.scan.ScanRouter;
import vn.motcua.device.scan.SimulatedScanner;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.ManualClock;

/** Scans at a kiosk, from the simulated scanner through the router to the hub's requests and the printer. */
class KioskScansTest extends OnBroker {

    /** Born 15 March 1966: 60 on 15 March 2026, so elderly on the office date the clock starts at. */
    private static final String ELDERLY_CARD =
            "079066001234||Trần Thị Bình|15031966|Nữ|12 Nguyễn Huệ, Quận 1, TP. Hồ Chí Minh|01072021";
    /** Born 24 November 1966: turns 60 the day after the office date. */
    private static final String ALMOST_ELDERLY_CARD =
            "079066005678||Lê Văn Cường|24111966|Nam|5 Lý Thường Kiệt, Hà Nội|01072021";

    private final SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
    private final ManualClock clock = new ManualClock(Samples.MORNING.toInstant(), OfficeTime.ZONE);
    private final DeviceMetrics metrics = new DeviceMetrics();
    private final SimulatedScanner scanner = new SimulatedScanner();
    private MqttLink link;
    private KioskUnit kiosk;

    @AfterEach
    void stop() {
        kiosk.close();
        link.close();
    }

    private void startKiosk(ScannerConfig scans) {
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir)
                .withHardware(new HardwareConfig(HardwareConfig.DEFAULT_GPIO_CHIP, Optional.empty(),
                        Optional.empty(), Map.of(), scans, Keypad.DEFAULT, KioskKeys.NONE));
        link = MqttLink.connect(config, "test-1", Duration.ofSeconds(10));
        kiosk = new KioskUnit(link, printer, new DeviceMetrics(), clock);
        scanner.start(new ScanRouter("kiosk-1", metrics, clock, List.of(kiosk.scans())));
    }

    private void issueTickets() {
        hub.answerOk(request -> switch (request.body()) {
            case RequestBody.TicketIssue issue -> new ResponseBody.TicketIssued("2-014", issue.service(), 14, 3,
                    Optional.of(12), Samples.MORNING, issue.priority(), Optional.empty());
            case RequestBody.AppointmentCheckin checkin -> new ResponseBody.TicketIssued("2-021", "HT", 21, 0,
                    Optional.of(2), Samples.MORNING, Optional.empty(), Optional.empty());
            default -> throw new IllegalStateException("unexpected " + request);
        });
    }

    @Test
    void an_appointment_scan_checks_in_and_prints_the_ticket_the_hub_answers() {
        issueTickets();
        startKiosk(ScannerConfig.SIMULATED);

        scanner.scan("A7Q4K2M5N6P7R8S9");

        await().atMost(Duration.ofSeconds(5)).until(() -> printer.printed().size() == 1);
        assertThat(hub.requests()).extracting(r -> r.body())
                .containsExactly(new RequestBody.AppointmentCheckin("A7Q4K2M5N6P7R8S9"));
        assertThat(printer.lastText()).hasValueSatisfying(text -> assertThat(text).contains("Số thứ tự 2-021"));
        assertThat(metrics.snapshot()).containsExactlyEntriesOf(Map.of("scan.accepted.appointment", 1L));
    }

    @Test
    void an_elderly_card_gives_the_next_key_press_the_elderly_priority_once() throws Exception {
        issueTickets();
        startKiosk(ScannerConfig.SIMULATED);

        scanner.scan(ELDERLY_CARD);
        clock.advance(Duration.ofSeconds(29));
        kiosk.press("HT").get();
        kiosk.press("HT").get();

        assertThat(hub.requests()).extracting(r -> r.body()).containsExactly(
                new RequestBody.TicketIssue("HT", Optional.of("ELDERLY")), new RequestBody.TicketIssue("HT", Optional.empty()));
        assertThat(metrics.count("scan.accepted.citizen_card")).isEqualTo(1);
    }

    @Test
    void the_priority_lapses_after_the_window_and_the_office_may_rename_it() throws Exception {
        issueTickets();
        startKiosk(new ScannerConfig(Optional.empty(), 60, "NGUOI_CAO_TUOI", Duration.ofSeconds(10)));

        scanner.scan(ELDERLY_CARD);
        clock.advance(Duration.ofSeconds(10));
        kiosk.press("DD").get();
        scanner.scan(ELDERLY_CARD);
        kiosk.press("DD").get();

        assertThat(hub.requests()).extracting(r -> r.body()).containsExactly(
                new RequestBody.TicketIssue("DD", Optional.empty()),
                new RequestBody.TicketIssue("DD", Optional.of("NGUOI_CAO_TUOI")));
    }

    @Test
    void a_younger_citizens_card_gives_nothing_and_cancels_an_earlier_cards_priority() throws Exception {
        issueTickets();
        startKiosk(ScannerConfig.SIMULATED);

        scanner.scan(ELDERLY_CARD);
        scanner.scan(ALMOST_ELDERLY_CARD);
        kiosk.press("DD").get();

        assertThat(hub.requests()).extracting(r -> r.body())
                .containsExactly(new RequestBody.TicketIssue("DD", Optional.empty()));
        assertThat(metrics.count("scan.accepted.citizen_card")).isEqualTo(2);
    }

    @Test
    void scans_that_are_not_for_a_kiosk_or_are_bad_are_counted_by_reason_and_send_nothing() {
        startKiosk(ScannerConfig.SIMULATED);

        scanner.scan("MOTCUA-ENROLL:aGVsbG8");
        scanner.scan("MOTCUA-OFFICER:lan.nt");
        scanner.scan("2-017");
        scanner.scan("079090001234|025123456|Nguyễn Văn An|15031990|Nam|<script>|20042021");
        scanner.scan("x".repeat(5000));

        assertThat(metrics.snapshot()).containsExactlyEntriesOf(new TreeMap<>(Map.of(
                "scan.rejected.not_for_unit", 3L, "scan.rejected.card_address", 1L, "scan.rejected.too_long", 1L)));
        assertThat(hub.requests()).isEmpty();
        assertThat(printer.printed()).isEmpty();
    }
}
