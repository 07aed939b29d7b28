package vn.motcua.device.keys;

/**
 * A timed light on keys' LEDs that says something beyond "pressed": {@code times} flashes of {@code onMillis} lit
 * and {@code offMillis} dark. While it runs it replaces the press light on the keys it was given
 * ({@link GpioKeys#signal}); afterwards they go back to confirming presses.
 */
public record LedSignal(long onMillis, long offMillis, int times) {

    /** Ends any signal at once (the keys go dark, or show a press in progress). */
    public static final LedSignal NONE = new LedSignal(1, 0, 0);

    public LedSignal {
        if (onMillis < 1 || offMillis < 0 || times < 0) {
            throw new IllegalArgumentException("an LED signal needs on >= 1 ms, off >= 0 ms, times >= 0, was "
                    + onMillis + "/" + offMillis + "/" + times);
        }
    }

    /** Lit without a break for {@code millis}. */
    public static LedSignal steady(long millis) {
        return new LedSignal(millis, 0, 1);
    }

    /** {@code times} short flashes, {@code millis} lit then {@code millis} dark each. */
    public static LedSignal blink(long millis, int times) {
        return new LedSignal(millis, millis, times);
    }

    long length() {
        return (onMillis + offMillis) * times;
    }

    /** Whether the LEDs are lit {@code elapsed} ms after the signal began; false once it is over. */
    boolean lit(long elapsed) {
        return elapsed >= 0 && elapsed < length() && elapsed % (onMillis + offMillis) < onMillis;
    }
}
