package vn.motcua.device.counter;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import com.pi4j.context.Context;

import vn.motcua.device.config.Keypad;
import vn.motcua.device.keys.GpioKeys;
import vn.motcua.device.keys.KeyPins;
import vn.motcua.device.keys.KeyTiming;
import vn.motcua.device.keys.LedSignal;

/**
 * The satisfaction keypad on GPIO: each level's key presses {@link SatisfactionKeypad#press}, and the LEDs answer
 * the citizen. Every key's LED flashes as its press registers (as every key's does); then a rating that counted lights
 * {@link #THANK_YOU} on all of them, and a press that counts for nothing blinks {@link #NOTHING_TO_RATE} on the key
 * pressed — two patterns nobody mistakes for one another.
 */
public final class KeypadKeys implements AutoCloseable {

    /** Every keypad LED lit for two seconds: "cảm ơn". */
    public static final LedSignal THANK_YOU = LedSignal.steady(2_000);
    /** The pressed key's LED blinks three times fast: there was nothing to rate, or it was rated already. */
    public static final LedSignal NOTHING_TO_RATE = LedSignal.blink(100, 3);

    private final SatisfactionKeypad keypad;
    private final GpioKeys<String> keys;

    /**
     * Opens the keys of {@code keypad}'s levels (they must be {@link Keypad#wired()}) on {@code context}. A long press
     * is the same key: a citizen who holds it is still rating.
     */
    public KeypadKeys(Context context, SatisfactionKeypad keypad, LongSupplier clockMillis) {
        this.keypad = keypad;
        Map<String, KeyPins> pins = new LinkedHashMap<>();
        for (Keypad.Level level : keypad.levels()) {
            var key = level.key().orElseThrow(() -> new IllegalArgumentException("level " + level.code()
                    + " has no key pin"));
            pins.put(level.code(), KeyPins.of(key.pin(), key.led()));
        }
        // No press completes while the constructor runs (it takes a release and a held debounce), so keys is set first.
        this.keys = new GpioKeys<>(context, pins, KeyTiming.DEFAULT, clockMillis, (level, press) -> pressed(level));
    }

    /** The keys, for the timer or a test's ticks. */
    public GpioKeys<String> keys() {
        return keys;
    }

    private void pressed(String level) {
        switch (keypad.press(level)) {
            case THANKS -> keys.signal(keys.keys(), THANK_YOU);
            case NOTHING_TO_RATE, UNKNOWN_LEVEL, NOT_STORED -> keys.signal(List.of(level), NOTHING_TO_RATE);
        }
    }

    @Override
    public void close() {
        keys.close();
    }
}
