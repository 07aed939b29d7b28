package vn.motcua.device.keys;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

import vn.motcua.device.counter.StaffKey;

class GpioKeysTest {

    private static final int NEXT_PIN = 17;
    private static final int NEXT_LED = 27;
    private static final int RECALL_PIN = 22;

    private final Context pi4j = Pi4J.newContextBuilder().noAutoDetect()
        .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    private final AtomicLong now = new AtomicLong(1_000);
    private final List<String> presses = new CopyOnWriteArrayList<>();
    private GpioKeys<StaffKey> keys;

    @BeforeEach
    void openKeys() {
        Map<StaffKey, KeyPins> pins = new LinkedHashMap<>();
        pins.put(StaffKey.NEXT, KeyPins.of(NEXT_PIN, NEXT_LED));
        pins.put(StaffKey.RECALL, KeyPins.withoutLed(RECALL_PIN));
        keys = new GpioKeys<>(pi4j, pins, KeyTiming.DEFAULT, now::get, (key, press) -> presses.add(key + " " + press));
        // Pulled up, nobody pressing: both inputs read high.
        input(NEXT_PIN).mockState(HIGH);
        input(RECALL_PIN).mockState(HIGH);
        at(1_100);
    }

    @AfterEach
    void shutdown() {
        keys.close();
        pi4j.shutdown();
    }

    @Test
    void a_clean_press_and_release_is_one_short_press() {
        level(NEXT_PIN, LOW, 2_000);
        at(2_030);
        level(NEXT_PIN, HIGH, 2_200);
        at(2_230);

        assertThat(presses).containsExactly("NEXT SHORT");
    }

    @Test
    void a_key_bouncing_within_the_debounce_window_is_pressed_once() {
        level(NEXT_PIN, LOW, 2_000);
        level(NEXT_PIN, HIGH, 2_004);   // bounce
        level(NEXT_PIN, LOW, 2_009);    // bounce, then settles low
        at(2_030);                      // 21 ms low: not yet
        assertThat(led()).isEqualTo(LOW);
        at(2_039);                      // 30 ms low: a press
        level(NEXT_PIN, HIGH, 2_150);
        level(NEXT_PIN, LOW, 2_155);    // release bounce
        level(NEXT_PIN, HIGH, 2_160);
        at(2_300);

        assertThat(presses).containsExactly("NEXT SHORT");
    }

    @Test
    void a_glitch_shorter_than_the_debounce_time_is_no_press() {
        level(NEXT_PIN, LOW, 2_000);
        level(NEXT_PIN, HIGH, 2_020);
        at(2_500);

        assertThat(presses).isEmpty();
        assertThat(led()).isEqualTo(LOW);
    }

    @Test
    void a_key_held_for_a_second_is_one_long_press_reported_while_still_held() {
        level(NEXT_PIN, LOW, 2_000);
        at(2_500);
        assertThat(presses).isEmpty();
        at(3_000);
        assertThat(presses).containsExactly("NEXT LONG");
        level(NEXT_PIN, HIGH, 3_400);
        at(3_500);

        assertThat(presses).containsExactly("NEXT LONG");
    }

    @Test
    void the_led_lights_when_the_press_is_confirmed_and_goes_out_shortly_after() {
        level(NEXT_PIN, LOW, 2_000);
        at(2_030);
        assertThat(led()).isEqualTo(HIGH);
        at(2_179);
        assertThat(led()).isEqualTo(HIGH);
        at(2_180);
        assertThat(led()).isEqualTo(LOW);
    }

    @Test
    void every_press_lights_the_led_again() {
        press(NEXT_PIN, 2_000);
        assertThat(led()).isEqualTo(LOW);

        level(NEXT_PIN, LOW, 3_000);
        at(3_030);

        assertThat(led()).isEqualTo(HIGH);
    }

    @Test
    void keys_are_told_apart_and_a_key_without_led_works() {
        press(RECALL_PIN, 2_000);
        press(NEXT_PIN, 3_000);

        assertThat(presses).containsExactly("RECALL SHORT", "NEXT SHORT");
    }

    @Test
    void a_key_already_held_at_start_up_reports_nothing_until_released_and_pressed_again() {
        level(NEXT_PIN, LOW, 2_000);
        keys.close();
        keys = new GpioKeys<>(pi4j, Map.of(StaffKey.DONE, KeyPins.withoutLed(5)), KeyTiming.DEFAULT, now::get,
            (key, press) -> presses.add(key + " " + press));
        presses.clear();
        // Line 5 starts low (the mock's initial state): held at start-up.
        assertThat(input(5).state()).isEqualTo(LOW);
        at(4_000);
        level(5, HIGH, 4_100);
        at(4_200);
        assertThat(presses).isEmpty();

        press(5, 5_000);

        assertThat(presses).containsExactly("DONE SHORT");
    }

    @Test
    void once_started_the_timer_completes_a_long_press_without_further_edges() {
        keys.start();
        level(NEXT_PIN, LOW, 2_000);
        now.set(3_000);

        await().atMost(Duration.ofSeconds(2)).untilAsserted(() -> assertThat(presses).containsExactly("NEXT LONG"));
    }

    @Test
    void a_blinking_signal_replaces_the_press_light_and_then_gives_it_back() {
        at(2_000);
        keys.signal(List.of(StaffKey.NEXT, StaffKey.RECALL), LedSignal.blink(100, 2)); // RECALL has no LED: ignored
        assertThat(led()).isEqualTo(HIGH);
        at(2_099);
        assertThat(led()).isEqualTo(HIGH);
        at(2_100);
        assertThat(led()).isEqualTo(LOW);
        at(2_200);
        assertThat(led()).isEqualTo(HIGH);
        at(2_400);
        assertThat(led()).as("two flashes, then over").isEqualTo(LOW);

        level(NEXT_PIN, LOW, 3_000);
        at(3_030);

        assertThat(led()).as("presses light it again").isEqualTo(HIGH);
    }

    @Test
    void a_new_signal_replaces_the_running_one_and_none_ends_it() {
        at(2_000);
        keys.signal(List.of(StaffKey.NEXT), LedSignal.steady(5_000));
        at(3_000);
        assertThat(led()).isEqualTo(HIGH);

        keys.signal(List.of(StaffKey.NEXT), LedSignal.NONE);

        assertThat(led()).as("switched at once, without waiting for a tick").isEqualTo(LOW);
        assertThatThrownBy(() -> keys.signal(List.of(StaffKey.UNDO), LedSignal.NONE))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("UNDO");
    }

    @Test
    void debounce_must_be_shorter_than_a_long_press() {
        assertThatThrownBy(() -> KeyTiming.DEFAULT.withDebounce(1_000)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KeyPins.withoutLed(54)).isInstanceOf(IllegalArgumentException.class);
    }

    private void press(int pin, long at) {
        level(pin, LOW, at);
        level(pin, HIGH, at + 100);
        at(at + 400);
    }

    private void level(int pin, DigitalState state, long at) {
        now.set(at);
        input(pin).mockState(state);
    }

    private void at(long millis) {
        now.set(millis);
        keys.tick();
    }

    private MockDigitalInput input(int pin) {
        return (MockDigitalInput) pi4j.registry().get("key-" + pin);
    }

    private DigitalState led() {
        return pi4j.registry().<DigitalOutput>get("led-" + NEXT_LED).state();
    }
}
