package vn.motcua.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.Hardware;
import vn.motcua.device.Unit;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.device.printer.TicketView;
import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.testkit.Mosquitto;

/**
 * The kiosk keeps issuing while the hub is down, and the hub takes those tickets back in print order: the hub is
 * stopped (the broker stays up), the kiosk's requests time out and it prints from its leased numbers, the hub starts
 * again on the same data, the kiosk's outbox syncs, and the counter calls everyone in the order they were printed.
 */
class OfflineRoundTripTest {

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

    private Hub startHub() throws Exception {
        return Hub.start(HubSettings.local(OFFICE, dir.resolve("hub")).withExternalBroker(mosquitto.url()),
                Clock.systemUTC());
    }

    @Test
    void tickets_printed_while_the_hub_is_down_join_the_queue_in_print_order_with_unique_numbers() throws Exception {
        mosquitto = Mosquitto.start(dir.resolve("mosquitto"));
        hub = startHub();
        kiosk = Unit.start(UnitConfig.kiosk(OFFICE.id(), "kiosk-1", mosquitto.url(), List.of("HT", "DD"),
                dir.resolve("kiosk-1")).withRequestTimeout(Duration.ofMillis(700)), Hardware.simulated("kiosk-1"));
        counter = Unit.start(UnitConfig.counter(OFFICE.id(), "counter-4", mosquitto.url(), 4, dir.resolve("counter-4")),
                Hardware.simulated("counter-4"));
        // The office day starts with every counter closed: civil status takes tickets once its officer signs in.
        counter.counter().orElseThrow().signIn("lan.nt").get();
        KioskUnit keys = kiosk.kiosk().orElseThrow();
        await().atMost(Duration.ofSeconds(10)).until(() -> keys.offlineNumbersLeft("HT") > 0);

        List<TicketView> printed = new ArrayList<>();
        printed.add(keys.press("HT").get());
        printed.add(keys.press("HT").get());
        hub.close();
        hub = null;
        for (int i = 0; i < 3; i++) {
            printed.add(keys.press("HT").get());
        }
        hub = startHub();
        await().atMost(Duration.ofSeconds(20)).until(() -> kiosk.link().outboxDepth() == 0);
        printed.add(keys.press("HT").get());

        assertThat(printed).extracting(TicketView::offline).containsExactly(false, false, true, true, true, false);
        assertThat(printed).extracting(TicketView::ticket).doesNotHaveDuplicates();
        List<String> called = new ArrayList<>();
        for (int i = 0; i < printed.size(); i++) {
            ResponseBody answer = counter.counter().orElseThrow().press(StaffKey.NEXT).get();
            called.add(((ResponseBody.TicketCalled) answer).ticket());
            counter.counter().orElseThrow().press(StaffKey.START).get();
            counter.counter().orElseThrow().press(StaffKey.DONE).get();
        }
        assertThat(called).containsExactlyElementsOf(printed.stream().map(TicketView::ticket).toList());
    }
}
