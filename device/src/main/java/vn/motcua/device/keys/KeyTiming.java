package vn.motcua.device.keys;

/**
 * How key presses are judged, in milliseconds: a level must hold {@code debounce} to count (default 30), a press held
 * {@code longPress} is long (default 1000), a press lights the key's LED for {@code led} (default 150).
 */
public record KeyTiming(long debounce, long longPress, long led) {

    public static final KeyTiming DEFAULT = new KeyTiming(30, 1_000, 150);

    public KeyTiming {
        if (debounce < 1 || longPress <= debounce || led < 1) {
            throw new IllegalArgumentException("key timing needs debounce >= 1 ms, long press > debounce, led >= 1 ms,"
                + " was " + debounce + "/" + longPress + "/" + led);
        }
    }

    public KeyTiming withDebounce(long millis) {
        return new KeyTiming(millis, longPress, led);
    }
}
