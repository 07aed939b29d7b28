package vn.motcua.device.counter;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalState;

import vn.motcua.device.OnBroker;
import vn.motcua.device.Samples;
import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.Keypad;
import vn.motcua.device.config.KioskKeys;
import vn.motcua.device.config.ScannerConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.keys.MockKeys;
import vn.motcua.device.link.MqttLink;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServingPhase;

/** The satisfaction keypad on Pi4J's mock GPIO, rating through a real broker to the test hub. */
class KeypadKeysTest extends OnBroker {

    // Best first, as wired in docs/hardware/README.md: keys 17, 27, 22, 23 with LEDs 24, 25, 12, 21.
    private static final int VERY_SATISFIED = 17;
    private static final int SATISFIED = 27;
    private static final int NEUTRAL = 22;
    private static final int DISSATISFIED = 23;
    private static final List<Integer> LEDS = List.of(24, 25, 12, 21);

    private final Context pi4j = MockKeys.mockContext();
    private final AtomicLong now = new AtomicLong(10_000);
    private final MockKeys keyboard = new MockKeys(pi4j, now, () -> this.keypad.keys().tick());
    private MqttLink link;
    private CounterUnit unit;
    private KeypadKeys keypad;

    @BeforeEach
    void start() {
        hub.answerOk(request -> {
            RequestBody.RatingSubmit rating = (RequestBody.RatingSubmit) request.body();
            return new ResponseBody.RatingRecorded(rating.level(), rating.ticket());
        });
        Keypad wired = new Keypad(Duration.ofSeconds(120), List.of(
                level("RAT_HAI_LONG", "Rất hài lòng", VERY_SATISFIED, 0),
                level("HAI_LONG", "Hài lòng", SATISFIED, 1),
                level("BINH_THUONG", "Bình thường", NEUTRAL, 2),
                level("KHONG_HAI_LONG", "Không hài lòng", DISSATISFIED, 3)));
        UnitConfig config = UnitConfig.counter(site, "quay-3", broker.url(), 3, dataDir).withHardware(
                new HardwareConfig("gpiochip0", Optional.empty(), Optional.empty(), Map.of(),
                        ScannerConfig.SIMULATED, wired, KioskKeys.NONE));
        link = MqttLink.connect(config, "test-1", Duration.ofSeconds(10));
        unit = new CounterUnit(link, new SimulatedCounterDisplay("quay-3"), now::get);
        keypad = new KeypadKeys(pi4j, unit.keypad(), now::get);
        for (int pin : List.of(VERY_SATISFIED, SATISFIED, NEUTRAL, DISSATISFIED)) {
            keyboard.input(pin).mockState(HIGH); // pulled up, nobody pressing
        }
        keyboard.tick(100);
    }

    private static Keypad.Level level(String code, String label, int pin, int index) {
        return new Keypad.Level(code, label, Optional.of(new HardwareConfig.KeyPin(pin, Optional.of(LEDS.get(index)))));
    }

    @AfterEach
    void stop() {
        keypad.close();
        link.close();
        pi4j.shutdown();
    }

    @Test
    void a_bouncing_press_after_a_service_rates_that_ticket_once_and_every_led_says_thank_you() throws Exception {
        served("1-023");

        keyboard.bouncyPress(SATISFIED);

        awaitRatings(new RequestBody.RatingSubmit(3, "HAI_LONG", Optional.of("1-023")));
        assertThat(leds()).containsOnly(HIGH);
        keyboard.tick(1_999);
        assertThat(leds()).containsOnly(HIGH);
        keyboard.tick(1);
        assertThat(leds()).containsOnly(LOW);
    }

    @Test
    void a_second_press_sends_nothing_and_blinks_the_key_pressed() throws Exception {
        served("1-023");
        keyboard.bouncyPress(VERY_SATISFIED);

        keyboard.bouncyPress(DISSATISFIED);

        assertThat(led(3)).isEqualTo(HIGH);
        keyboard.tick(100);
        assertThat(led(3)).isEqualTo(LOW);
        assertThat(led(0)).as("the others still say thank you").isEqualTo(HIGH);
        keyboard.tick(100);
        assertThat(led(3)).isEqualTo(HIGH);
        keyboard.tick(400);
        assertThat(led(3)).as("three blinks, then dark").isEqualTo(LOW);
        served("1-024");
        keyboard.bouncyPress(NEUTRAL);
        awaitRatings(new RequestBody.RatingSubmit(3, "RAT_HAI_LONG", Optional.of("1-023")),
                new RequestBody.RatingSubmit(3, "BINH_THUONG", Optional.of("1-024")));
    }

    @Test
    void a_press_before_anyone_was_served_sends_nothing_and_blinks() throws Exception {
        keyboard.bouncyPress(SATISFIED);

        assertThat(led(1)).isEqualTo(HIGH);
        keyboard.tick(100);
        assertThat(led(1)).isEqualTo(LOW);
        assertThat(led(0)).isEqualTo(LOW);
        served("1-023");
        keyboard.bouncyPress(SATISFIED);
        awaitRatings(new RequestBody.RatingSubmit(3, "HAI_LONG", Optional.of("1-023")));
    }

    @Test
    void a_no_show_opens_no_window() throws Exception {
        shows(Samples.atCounter(3, "1-023", ServingPhase.CALLED));
        shows(Samples.open(3));

        keyboard.bouncyPress(VERY_SATISFIED);

        assertThat(unit.keypad().ratable()).isEmpty();
        served("1-024");
        keyboard.bouncyPress(VERY_SATISFIED);
        awaitRatings(new RequestBody.RatingSubmit(3, "RAT_HAI_LONG", Optional.of("1-024")));
    }

    @Test
    void a_press_after_the_window_sends_nothing() throws Exception {
        served("1-023");
        keyboard.tick(120_000);

        keyboard.bouncyPress(NEUTRAL);

        served("1-024");
        keyboard.bouncyPress(DISSATISFIED);
        awaitRatings(new RequestBody.RatingSubmit(3, "KHONG_HAI_LONG", Optional.of("1-024")));
    }

    /** {@code ticket} is served at counter 3 and leaves; waits until the unit has seen both states. */
    private void served(String ticket) throws Exception {
        shows(Samples.atCounter(3, ticket, ServingPhase.SERVING));
        hub.publishState(topics.counterState(3), Samples.open(3));
        await().atMost(Duration.ofSeconds(5)).until(() -> unit.keypad().ratable().equals(Optional.of(ticket)));
    }

    private void shows(vn.motcua.protocol.message.CounterState state) throws Exception {
        hub.publishState(topics.counterState(3), state);
        await().atMost(Duration.ofSeconds(5)).until(() -> unit.state().equals(Optional.of(state)));
    }

    private void awaitRatings(RequestBody.RatingSubmit... expected) {
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(hub.requests())
                .extracting(r -> r.body()).containsExactly(expected));
    }

    private DigitalState led(int index) {
        return keyboard.led(LEDS.get(index));
    }

    private List<DigitalState> leds() {
        return List.of(led(0), led(1), led(2), led(3));
    }
}
