package vn.motcua.device.kiosk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.printer.escpos.EscPosPrinter;
import vn.motcua.device.printer.escpos.PaperWidth;
import vn.motcua.device.printer.escpos.PrinterSimulator;
import vn.motcua.protocol.message.EventBody;
import vn.motcua.protocol.message.EventBody.Paper;

class KioskPrinterStatusTest extends OnBroker {

    @Test
    void an_esc_pos_kiosk_publishes_the_printer_status_when_it_changes_after_a_ticket() throws Exception {
        hub.publishState(topics.services(), Samples.catalogue());
        hub.answerOk(request -> Samples.ticket());
        PrinterSimulator simulator = new PrinterSimulator(PaperWidth.MM80);
        UnitConfig config = UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD"), dataDir);
        try (MqttLink link = MqttLink.connect(config, "test-1", Duration.ofSeconds(10));
             KioskUnit kiosk = new KioskUnit(link,
                     new EscPosPrinter(simulator, PaperWidth.MM80, Duration.ofMillis(200)))) {
            // The first poll (at start) publishes the printer's state once.
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.events())
                    .extracting(e -> e.body()).containsExactly(new EventBody.PrinterStatus(Paper.OK, false, true)));

            simulator.state(Paper.LOW, false, true);
            kiosk.press("DD").get();
            kiosk.press("DD").get(); // unchanged status: no second event for it

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.events())
                    .extracting(e -> e.body()).containsExactly(new EventBody.PrinterStatus(Paper.OK, false, true),
                            new EventBody.PrinterStatus(Paper.LOW, false, true)));
            assertThat(simulator.tickets()).hasSize(2);
        }
    }
}
