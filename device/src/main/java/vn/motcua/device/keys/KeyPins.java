package vn.motcua.device.keys;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * Where one key is wired, as BCM GPIO line numbers on the configured chip: {@code input} to the switch (the other side
 * to ground; internal pull-up, so pressed reads low), {@code led} to the key's LED through its resistor (high = lit),
 * absent for a key without one.
 */
public record KeyPins(int input, OptionalInt led) {

    public KeyPins {
        check(input, "input");
        led.ifPresent(pin -> check(pin, "led"));
    }

    public static KeyPins of(int input, int led) {
        return new KeyPins(input, OptionalInt.of(led));
    }

    /** As configured: an input, and an LED when {@code led} holds one. */
    public static KeyPins of(int input, Optional<Integer> led) {
        return led.map(pin -> of(input, pin)).orElseGet(() -> withoutLed(input));
    }

    public static KeyPins withoutLed(int input) {
        return new KeyPins(input, OptionalInt.empty());
    }

    private static void check(int pin, String what) {
        if (pin < 0 || pin > 53) {
            throw new IllegalArgumentException("key " + what + " pin must be a BCM line 0..53, was " + pin);
        }
    }
}
