package vn.motcua.device.counter;

import java.time.Duration;
import java.util.Optional;
import java.util.function.LongSupplier;

import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.ServingPhase;

/**
 * Which ticket a satisfaction press may rate, judged from the counter's retained state alone:
 * <ul>
 *   <li>A ticket <b>opens</b> the window when it leaves the counter (the next state shows another ticket or none)
 *       after the unit saw it in phase {@code SERVING}: the citizen came to the counter and was served. A ticket that
 *       leaves while still {@code CALLED} (a no-show, or a transfer before the citizen came) opens nothing.</li>
 *   <li>The window <b>closes</b> after one rating, after {@code length}, or as soon as a ticket is being
 *       {@code SERVING} at the counter: the next citizen is then at the keypad and must not rate the one before.
 *       A ticket merely {@code CALLED} leaves it open, since officers call the next while the last citizen rates.</li>
 * </ul>
 * The state cannot tell DONE from HOLD or a transfer made while serving (all three take a served ticket off the
 * counter), so those open the window too; the hub accepts one rating per ticket, so a held ticket served again is
 * never counted twice. The first state after start-up has no predecessor and opens nothing.
 * <p>
 * Thread-safe: states arrive on the link's event thread, presses on a key thread.
 */
public final class RatingWindow {

    private final long lengthMillis;
    private final LongSupplier clockMillis;
    private Optional<CounterState.Current> previous = Optional.empty();
    private String ticket;   // the ticket a press would rate; null when the window is closed
    private long openedAt;

    /** {@code clockMillis} must be monotonic (not wall time, which NTP may step while a window is open). */
    public RatingWindow(Duration length, LongSupplier clockMillis) {
        this.lengthMillis = length.toMillis();
        this.clockMillis = clockMillis;
    }

    /** The counter's state as the hub published it; called in arrival order. */
    public synchronized void stateArrived(CounterState state) {
        Optional<CounterState.Current> current = state.current();
        previous.filter(p -> p.phase() == ServingPhase.SERVING)
                .filter(p -> current.map(c -> !c.ticket().equals(p.ticket())).orElse(true))
                .ifPresent(served -> {
                    ticket = served.ticket();
                    openedAt = clockMillis.getAsLong();
                });
        if (current.filter(c -> c.phase() == ServingPhase.SERVING).isPresent()) {
            ticket = null;
        }
        previous = current;
    }

    /** The ticket a press now rates, closing the window: only the first press of a window gets it. */
    public synchronized Optional<String> claim() {
        Optional<String> open = open();
        ticket = null;
        return open;
    }

    /** The ticket a press would rate now, without claiming it. */
    public synchronized Optional<String> open() {
        if (ticket != null && clockMillis.getAsLong() - openedAt >= lengthMillis) {
            ticket = null;
        }
        return Optional.ofNullable(ticket);
    }
}
