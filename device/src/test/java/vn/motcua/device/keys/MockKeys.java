package vn.motcua.device.keys;

import static com.pi4j.io.gpio.digital.DigitalState.HIGH;
import static com.pi4j.io.gpio.digital.DigitalState.LOW;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInputProvider;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalOutputProvider;

/**
 * Keys on Pi4J's mock GPIO, pressed the way fingers on arcade buttons press them (contacts bounce on both edges),
 * with a test clock that the test moves and then lets the keys poll ({@code tick}). Pins are named as
 * {@link GpioKeys} names them: {@code key-N} and {@code led-N}.
 */
public final class MockKeys {

    private final Context pi4j;
    private final AtomicLong now;
    private final Runnable poll;

    /** {@code poll} runs the keys' periodic check (e.g. {@code () -> keys.tick()}), after the clock moved. */
    public MockKeys(Context pi4j, AtomicLong now, Runnable poll) {
        this.pi4j = pi4j;
        this.now = now;
        this.poll = poll;
    }

    /** A Pi4J context with only the mock digital input and output providers. */
    public static Context mockContext() {
        return Pi4J.newContextBuilder().noAutoDetect()
                .add(MockDigitalInputProvider.newInstance(), MockDigitalOutputProvider.newInstance()).build();
    }

    /** Presses and releases {@code pin} with contact bounce on both edges; the press counts at the release. */
    public void bouncyPress(int pin) {
        for (DigitalState level : List.of(LOW, HIGH, LOW)) {
            now.addAndGet(3);
            input(pin).mockState(level);
        }
        tick(40);
        for (DigitalState level : List.of(HIGH, LOW, HIGH)) {
            now.addAndGet(3);
            input(pin).mockState(level);
        }
        tick(40);
    }

    /** Moves the clock on by {@code millis} and lets the keys poll. */
    public void tick(long millis) {
        now.addAndGet(millis);
        poll.run();
    }

    public MockDigitalInput input(int pin) {
        return (MockDigitalInput) pi4j.registry().get("key-" + pin);
    }

    public DigitalState led(int pin) {
        return pi4j.registry().<DigitalOutput>get("led-" + pin).state();
    }
}
