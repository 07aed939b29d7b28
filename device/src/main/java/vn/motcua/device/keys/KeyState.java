package vn.motcua.device.keys;

import java.util.Optional;

import vn.motcua.device.keys.KeyListener.Press;

/**
 * The debouncer of one key, fed raw levels and the time; not thread-safe (its {@link GpioKeys} locks around it).
 * A level counts once it has held {@code debounce} ms; a press counts only if the key was first seen released, so a key
 * held at start-up, or noise at start, reports nothing.
 */
final class KeyState {

    private final KeyTiming timing;
    private boolean raw;
    private long rawSince;
    private boolean down;
    private long downSince;
    private boolean armed;
    private boolean longReported;
    private long ledUntil = Long.MIN_VALUE;

    KeyState(KeyTiming timing, boolean pressed, long now) {
        this.timing = timing;
        this.raw = pressed;
        this.rawSince = now;
        this.down = pressed;
        this.armed = !pressed;
    }

    void level(boolean pressed, long now) {
        if (pressed != raw) {
            raw = pressed;
            rawSince = now;
        }
    }

    /** The press completed by {@code now}, if any. */
    Optional<Press> advance(long now) {
        if (raw != down && now - rawSince >= timing.debounce()) {
            down = raw;
            if (down) {
                downSince = rawSince;
                longReported = false;
                if (armed) {
                    ledUntil = now + timing.led();
                }
            } else if (armed && !longReported) {
                return Optional.of(Press.SHORT);
            } else {
                armed = true;
            }
        }
        if (down && armed && !longReported && now - downSince >= timing.longPress()) {
            longReported = true;
            return Optional.of(Press.LONG);
        }
        return Optional.empty();
    }

    boolean ledOn(long now) {
        return now < ledUntil;
    }
}
