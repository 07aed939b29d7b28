package vn.motcua.device.keys;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.io.gpio.digital.DigitalStateChangeListener;
import com.pi4j.io.gpio.digital.PullResistance;

import vn.motcua.device.keys.KeyListener.Press;

/**
 * Keys on GPIO inputs (internal pull-up, pressed = low), each with an optional LED that lights briefly for every
 * confirmed press, or shows a longer {@link LedSignal} its owner asks for (thank you, refused, armed). Debounced in
 * software ({@link KeyState}), with long-press detection; works for any key type {@code K} (staff keys, satisfaction
 * levels, kiosk keys).
 * <p>
 * Threads: Pi4J's event thread reports edges; {@link #tick()} judges them, on the timer {@link #start()} runs every
 * {@value #TICK_MILLIS} ms, or on a test's thread. Key states are guarded by this object's lock; the listener is called
 * outside it, from whichever of those threads completed the press.
 */
public final class GpioKeys<K> implements AutoCloseable {

    static final long TICK_MILLIS = 5;
    private static final Logger log = LoggerFactory.getLogger(GpioKeys.class);

    private final Map<K, Key> keys = new LinkedHashMap<>();
    private final LongSupplier clock;
    private final KeyListener<K> listener;
    private ScheduledExecutorService timer;

    private final class Key {
        final DigitalInput input;
        final DigitalOutput led;
        final KeyState state;
        DigitalStateChangeListener edges;
        boolean lit;
        LedSignal signal = LedSignal.NONE;
        long signalFrom;

        Key(DigitalInput input, DigitalOutput led, KeyState state) {
            this.input = input;
            this.led = led;
            this.state = state;
        }
    }

    /**
     * Opens every key's pins on {@code context} (its default digital providers: gpiod on a Pi, whose chip name is set
     * when the context is built) and starts listening; {@code clock} gives milliseconds
     * ({@code System::currentTimeMillis} or a test's). Call {@link #start()} for the timer.
     */
    public GpioKeys(Context context, Map<K, KeyPins> pins, KeyTiming timing, LongSupplier clock,
                    KeyListener<K> listener) {
        this.clock = clock;
        this.listener = listener;
        long now = clock.getAsLong();
        pins.forEach((key, pin) -> {
            DigitalInput input = context.create(DigitalInput.newConfigBuilder(context)
                .id("key-" + pin.input()).name("key " + key)
                .address(pin.input()).pull(PullResistance.PULL_UP)
                .build());
            DigitalOutput led = pin.led().isPresent()
                ? context.create(DigitalOutput.newConfigBuilder(context)
                    .id("led-" + pin.led().getAsInt()).name("LED " + key)
                    .address(pin.led().getAsInt()).initial(DigitalState.LOW).shutdown(DigitalState.LOW)
                    .build())
                : null;
            Key k = new Key(input, led, new KeyState(timing, input.isLow(), now));
            keys.put(key, k);
            k.edges = event -> {
                tick(); // first judge the level that just ended: it may have held long enough to count
                synchronized (this) {
                    keys.get(key).state.level(event.state() == DigitalState.LOW, clock.getAsLong());
                }
                tick();
            };
            input.addListener(k.edges);
        });
    }

    /** Starts the timer that completes presses and turns LEDs off; production only. */
    public synchronized void start() {
        if (timer == null) {
            timer = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("gpio-keys").daemon().factory());
            timer.scheduleAtFixedRate(this::tickLogged, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
        }
    }

    /** One failing tick (a listener's bug, an LED write) must not stop the timer, which would silence every key. */
    private void tickLogged() {
        try {
            tick();
        } catch (RuntimeException e) {
            log.error("key tick failed", e);
        }
    }

    /** Judges every key at the clock's time: reports completed presses, switches LEDs. */
    public void tick() {
        record Done<K>(K key, Press press) {
        }
        List<Done<K>> done = new ArrayList<>();
        synchronized (this) {
            long now = clock.getAsLong();
            keys.forEach((id, key) -> {
                key.state.advance(now).ifPresent(press -> done.add(new Done<>(id, press)));
                showLed(key, now);
            });
        }
        done.forEach(d -> listener.pressed(d.key(), d.press()));
    }

    /**
     * Shows {@code signal} on the LEDs of {@code which} from now, in place of their press light, replacing any signal
     * they were showing; {@link LedSignal#NONE} ends it. Keys without an LED are accepted and show nothing.
     */
    public synchronized void signal(Collection<K> which, LedSignal signal) {
        long now = clock.getAsLong();
        for (K id : which) {
            Key key = keys.get(id);
            if (key == null) {
                throw new IllegalArgumentException("no key " + id + "; the keys are " + keys.keySet());
            }
            key.signal = signal;
            key.signalFrom = now;
            showLed(key, now);
        }
    }

    /** The keys, in the order they were given. */
    public List<K> keys() {
        return List.copyOf(keys.keySet());
    }

    /** A running signal decides the LED; otherwise it confirms presses. Called under this object's lock. */
    private void showLed(Key key, long now) {
        long elapsed = now - key.signalFrom;
        boolean lit = elapsed < key.signal.length() ? key.signal.lit(elapsed) : key.state.ledOn(now);
        if (key.led != null && lit != key.lit) {
            key.led.state(lit ? DigitalState.HIGH : DigitalState.LOW);
            key.lit = lit;
        }
    }

    /** Stops listening and the timer, turns the LEDs off; the pins stay with the context, which the caller closes. */
    @Override
    public synchronized void close() {
        if (timer != null) {
            timer.shutdownNow();
            timer = null;
        }
        keys.values().forEach(k -> {
            k.input.removeListener(k.edges);
            if (k.led != null) {
                k.led.low();
            }
        });
    }
}
