package vn.motcua.device.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;

class KioskUnitTest extends OnBroker {

    private final SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
    private MqttLink link;
    private KioskUnit kiosk;

    @AfterEach
    void stop() {
        kiosk.close();
        link.close();
    }

    private void startKiosk(UnitConfig config) {
        link = MqttLink.connect(config, "test-1", Duration.ofSeconds(10));
        kiosk = new KioskUnit(link, printer);
    }

    private UnitConfig config() {
        return UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir);
    }

    @Test
    void kiosk_prints_the_ticket_the_hub_issued_in_vietnamese() throws Exception {
        hub.publishState(topics.services(), Samples.catalogue());
        hub.answerOk(request -> Samples.ticket());
        startKiosk(config());
        await().atMost(Duration.ofSeconds(5)).until(() -> kiosk.catalogue().isPresent());

        TicketView ticket = kiosk.press("DD").get();

        assertThat(hub.requests()).filteredOn(r -> r.op() == Operation.TICKET_ISSUE).extracting(r -> r.body())
                .containsExactly(new RequestBody.TicketIssue("DD", Optional.empty()));
        assertThat(printer.printed()).containsExactly(ticket);
        assertThat(printer.lastText()).contains("UBND xã Nghi Lộc · Số thứ tự 1-023 · Đất đai · Trước bạn: 5 người · "
                + "Dự kiến chờ: 12 phút · 08:15 23/11/2026 · Your number 1-023 · Land");
    }

    @Test
    void before_the_catalogue_arrives_the_ticket_shows_the_code_and_the_configured_office() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        startKiosk(config().withOfficeName("Bộ phận Một cửa xã Nghi Lộc"));

        TicketView ticket = kiosk.press("DD").get();

        assertThat(ticket.officeName()).contains("Bộ phận Một cửa xã Nghi Lộc");
        assertThat(ticket.serviceNameVi()).isEqualTo("DD");
    }

    @Test
    void a_refused_ticket_fails_the_press_and_prints_nothing() {
        hub.answer(request -> Optional.of(Response.Failure.of(request, ErrorCode.SERVICE_CLOSED, "Hết giờ tiếp nhận")));
        startKiosk(config());

        assertThat(kiosk.press("HT")).failsWithin(Duration.ofSeconds(5)).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOfSatisfying(RequestFailedException.class,
                        refused -> assertThat(refused.code()).isEqualTo(ErrorCode.SERVICE_CLOSED));
        assertThat(printer.printed()).isEmpty();
    }

    @Test
    void a_key_the_kiosk_does_not_have_fails_without_asking_the_hub() {
        startKiosk(config());

        assertThat(kiosk.press("CT")).failsWithin(Duration.ZERO).withThrowableOfType(ExecutionException.class)
                .havingCause().isInstanceOf(IllegalArgumentException.class)
                .withMessage("kiosk-1 has no key for service \"CT\"; its keys are [DD, HT]");
        assertThat(hub.requests()).isEmpty();
    }
}
