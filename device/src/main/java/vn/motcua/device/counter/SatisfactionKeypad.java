package vn.motcua.device.counter;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.Keypad;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.ResponseBody;

/**
 * The citizen's satisfaction keys at a counter: a press rates the ticket its {@link RatingWindow} holds, naming it,
 * so that a rating the hub receives late (after an outage) still lands on the citizen who gave it. Whether a press
 * counts is decided here, at once, without waiting for the hub: the keypad's LEDs answer while the citizen is still
 * at the counter.
 * <p>
 * Thread-safe: presses come from the key timer or the terminal, states from the link's event thread.
 */
public final class SatisfactionKeypad {

    private static final Logger log = LoggerFactory.getLogger(SatisfactionKeypad.class);

    /** What became of a press. */
    public enum Outcome {
        /** The press rated the ticket just served; the request is on its way. */
        THANKS,
        /** No window open (nobody just served, too late, or this service was already rated): nothing is sent. */
        NOTHING_TO_RATE,
        /** The keypad has no such level (a typo on the terminal): nothing is sent. */
        UNKNOWN_LEVEL,
        /** The unit could not store the rating (full or broken disk): nothing will be sent, so no thank-you. */
        NOT_STORED
    }

    /** Sends a rating of a named ticket; {@link CounterUnit#rate(String, String)}. */
    @FunctionalInterface
    public interface Sender {
        CompletableFuture<ResponseBody> rate(String level, String ticket);
    }

    private final Keypad keypad;
    private final RatingWindow window;
    private final Sender sender;
    private final String who;

    /** {@code who} names the unit in log lines; {@code clockMillis} is monotonic. */
    public SatisfactionKeypad(Keypad keypad, LongSupplier clockMillis, Sender sender, String who) {
        this.keypad = keypad;
        this.window = new RatingWindow(keypad.window(), clockMillis);
        this.sender = sender;
        this.who = who;
    }

    /** The citizen pressed the key of {@code level} (a code of {@link #levels()}). */
    public Outcome press(String level) {
        var known = keypad.level(level);
        if (known.isEmpty()) {
            log.warn("{}: no satisfaction key {}; the keys are {}", who, level, codes());
            return Outcome.UNKNOWN_LEVEL;
        }
        var ticket = window.claim();
        if (ticket.isEmpty()) {
            log.info("{}: \"{}\" pressed with nothing to rate", who, known.get().label());
            return Outcome.NOTHING_TO_RATE;
        }
        log.info("{}: {} rated \"{}\"", who, ticket.get(), known.get().label());
        CompletableFuture<ResponseBody> sent = sender.rate(level, ticket.get());
        // The sender stores the rating before it returns; failing at once means it is not stored.
        return sent.isCompletedExceptionally() ? Outcome.NOT_STORED : Outcome.THANKS;
    }

    /** The levels in key order, best first. */
    public List<Keypad.Level> levels() {
        return keypad.levels();
    }

    /** The ticket a press would rate now, if any. */
    public Optional<String> ratable() {
        return window.open();
    }

    void stateArrived(CounterState state) {
        window.stateArrived(state);
    }

    private List<String> codes() {
        return keypad.levels().stream().map(Keypad.Level::code).toList();
    }
}
