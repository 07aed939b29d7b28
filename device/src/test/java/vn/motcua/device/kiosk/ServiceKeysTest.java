package vn.motcua.device.kiosk;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.HardwareConfig.KeyPin;
import vn.motcua.device.config.KioskKeys;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.keys.KeyTiming;
import vn.motcua.device.keys.MockKeys;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.printer.SimulatedPrinter;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;

/** The kiosk's service and priority keys on Pi4J's mock GPIO, asking the test hub for tickets over a real broker. */
class ServiceKeysTest extends OnBroker {

    private static final int DD = 5;
    private static final int DD_LED = 17;
    private static final int HT = 6;
    private static final int PRIORITY = 4;
    private static final int PRIORITY_LED = 18;

    private final Context pi4j = MockKeys.mockContext();
    private final SimulatedPrinter printer = new SimulatedPrinter("kiosk-1");
    private final AtomicLong now = new AtomicLong(10_000);
    private final MockKeys keyboard = new MockKeys(pi4j, now, () -> this.keys.keys().tick());
    private MqttLink link;
    private KioskUnit kiosk;
    private ServiceKeys keys;

    @BeforeEach
    void start() {
        hub.answerOk(request -> Samples.ticket());
        link = MqttLink.connect(UnitConfig.kiosk(site, "kiosk-1", broker.url(), List.of("DD", "HT"), dataDir),
                "test-1", Duration.ofSeconds(10));
        kiosk = new KioskUnit(link, printer);
        KioskKeys config = new KioskKeys(Map.of("DD", new KeyPin(DD, Optional.of(DD_LED)),
                "HT", new KeyPin(HT, Optional.empty())),
                Optional.of(new KioskKeys.PriorityKey("ELDERLY", new KeyPin(PRIORITY, Optional.of(PRIORITY_LED)))));
        keys = new ServiceKeys(pi4j, config, kiosk, now::get);
        for (int pin : List.of(DD, HT, PRIORITY)) {
            keyboard.input(pin).mockState(HIGH); // pulled up, nobody pressing
        }
        keyboard.tick(100);
    }

    @AfterEach
    void stop() {
        keys.close();
        kiosk.close();
        link.close();
        pi4j.shutdown();
    }

    @Test
    void a_bouncing_service_key_asks_for_exactly_one_ticket() {
        keyboard.bouncyPress(DD);
        keyboard.bouncyPress(HT);

        awaitIssued(new RequestBody.TicketIssue("DD", Optional.empty()), new RequestBody.TicketIssue("HT", Optional.empty()));
        await().atMost(Duration.ofSeconds(5)).until(() -> printer.printed().size() == 2);
    }

    @Test
    void the_priority_key_makes_the_next_ticket_only_a_priority_one_and_its_led_shows_it_is_armed() {
        keyboard.bouncyPress(PRIORITY);
        keyboard.tick(5_000);
        assertThat(keyboard.led(PRIORITY_LED)).isEqualTo(HIGH);

        keyboard.bouncyPress(HT);
        assertThat(keyboard.led(PRIORITY_LED)).isEqualTo(LOW);
        keyboard.bouncyPress(DD);

        awaitIssued(new RequestBody.TicketIssue("HT", Optional.of("ELDERLY")),
                new RequestBody.TicketIssue("DD", Optional.empty()));
    }

    @Test
    void pressing_the_priority_key_again_cancels_it() {
        keyboard.bouncyPress(PRIORITY);
        keyboard.bouncyPress(PRIORITY);
        keyboard.tick(KeyTiming.DEFAULT.led()); // the second press's own light goes out
        assertThat(keyboard.led(PRIORITY_LED)).isEqualTo(LOW);

        keyboard.bouncyPress(DD);

        awaitIssued(new RequestBody.TicketIssue("DD", Optional.empty()));
    }

    @Test
    void an_armed_priority_lapses_so_it_never_passes_to_the_next_citizen() {
        keyboard.bouncyPress(PRIORITY);
        keyboard.tick(ServiceKeys.ARMED_MILLIS);
        assertThat(keyboard.led(PRIORITY_LED)).isEqualTo(LOW);

        keyboard.bouncyPress(DD);

        awaitIssued(new RequestBody.TicketIssue("DD", Optional.empty()));
    }

    @Test
    void a_refused_ticket_blinks_the_service_key() throws Exception {
        CountDownLatch answer = new CountDownLatch(1);
        hub.answer(request -> {
            try {
                answer.await(5, TimeUnit.SECONDS); // holds the answer until the press light is out
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return Optional.of(Response.Failure.of(request, ErrorCode.SERVICE_CLOSED, "Hết giờ tiếp nhận"));
        });
        keyboard.bouncyPress(DD);
        keyboard.tick(200);
        assertThat(keyboard.led(DD_LED)).isEqualTo(LOW);

        answer.countDown();

        await().atMost(Duration.ofSeconds(5)).until(() -> keyboard.led(DD_LED) == HIGH);
        keyboard.tick(150);
        assertThat(keyboard.led(DD_LED)).isEqualTo(LOW);
        keyboard.tick(150);
        assertThat(keyboard.led(DD_LED)).isEqualTo(HIGH);
        keyboard.tick(1_200);
        assertThat(keyboard.led(DD_LED)).as("four blinks, then dark").isEqualTo(LOW);
        assertThat(printer.printed()).isEmpty();
    }

    /** Requests go out in press order, so the hub's list shows that no press sent two. */
    private void awaitIssued(RequestBody.TicketIssue... expected) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.requests())
                .extracting(r -> r.body()).containsExactly(expected));
    }

}
