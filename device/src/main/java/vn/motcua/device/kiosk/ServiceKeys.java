package vn.motcua.device.kiosk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import com.pi4j.context.Context;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.KioskKeys;
import vn.motcua.device.keys.GpioKeys;
import vn.motcua.device.keys.KeyPins;
import vn.motcua.device.keys.KeyTiming;
import vn.motcua.device.keys.LedSignal;

/**
 * A kiosk's service keys on GPIO, and its priority key. A service key asks {@link KioskUnit#press} for a ticket.
 * The priority key, pressed first, makes the next service key's ticket one of its priority class: its LED stays lit
 * while it is armed, for {@link #ARMED_MILLIS} or until a service key uses it; pressed again it disarms. Every key's
 * LED flashes as its press registers; a press that prints no ticket (refused, unanswered, printer
 * failure) blinks {@link #NO_TICKET} on the service key.
 * <p>
 * Threads: presses arrive on the key timer (or a test's tick); the armed state is guarded by this object's lock.
 */
public final class ServiceKeys implements AutoCloseable {

    /** How long a priority press waits for a service key: long enough to find it, short enough not to pass to the next citizen. */
    public static final long ARMED_MILLIS = 10_000;
    /** The service key's LED blinks four times: no ticket is coming (the service is closed, the hub is away). */
    public static final LedSignal NO_TICKET = LedSignal.blink(150, 4);

    private static final Logger log = LoggerFactory.getLogger(ServiceKeys.class);

    /** A kiosk key: a service's, or the priority key. */
    public sealed interface Key {
        record Service(String code) implements Key {
        }

        record Priority(String priorityClass) implements Key {
        }
    }

    private final KioskUnit kiosk;
    private final LongSupplier clockMillis;
    private final GpioKeys<Key> keys;
    private Optional<Key.Priority> armed = Optional.empty();
    private long armedAt;

    /** Opens {@code config}'s keys on {@code context}; presses go to {@code kiosk}. */
    public ServiceKeys(Context context, KioskKeys config, KioskUnit kiosk, LongSupplier clockMillis) {
        this.kiosk = kiosk;
        this.clockMillis = clockMillis;
        Map<Key, KeyPins> pins = new LinkedHashMap<>();
        config.services().forEach((code, key) -> pins.put(new Key.Service(code), KeyPins.of(key.pin(), key.led())));
        config.priority().ifPresent(p -> pins.put(new Key.Priority(p.priorityClass()),
                KeyPins.of(p.key().pin(), p.key().led())));
        // No press completes while the constructor runs (it takes a release and a held debounce), so keys is set first.
        this.keys = new GpioKeys<>(context, pins, KeyTiming.DEFAULT, clockMillis, (key, press) -> pressed(key));
    }

    /** The keys, for the timer or a test's ticks. */
    public GpioKeys<Key> keys() {
        return keys;
    }

    private void pressed(Key key) {
        switch (key) {
            case Key.Priority priority -> togglePriority(priority);
            case Key.Service service -> issue(service);
        }
    }

    private synchronized void togglePriority(Key.Priority priority) {
        if (armed().isPresent()) {
            armed = Optional.empty();
            keys.signal(List.of(priority), LedSignal.NONE);
            log.info("priority {} cancelled", priority.priorityClass());
        } else {
            armed = Optional.of(priority);
            armedAt = clockMillis.getAsLong();
            keys.signal(List.of(priority), LedSignal.steady(ARMED_MILLIS));
            log.info("priority {} armed for the next service key", priority.priorityClass());
        }
    }

    private void issue(Key.Service service) {
        Optional<Key.Priority> priority;
        synchronized (this) {
            priority = armed();
            armed = Optional.empty();
            priority.ifPresent(p -> keys.signal(List.of(p), LedSignal.NONE));
        }
        kiosk.press(service.code(), priority.map(Key.Priority::priorityClass)).whenComplete((ticket, failure) -> {
            if (failure != null) {
                keys.signal(List.of(service), NO_TICKET); // KioskUnit has logged why
            }
        });
    }

    /** The armed priority, unless it has waited too long. */
    private Optional<Key.Priority> armed() {
        if (armed.isPresent() && clockMillis.getAsLong() - armedAt >= ARMED_MILLIS) {
            armed = Optional.empty();
        }
        return armed;
    }

    @Override
    public void close() {
        keys.close();
    }
}
