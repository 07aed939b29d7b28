package vn.motcua.device.counter;

import vn.motcua.protocol.message.CounterState;

/**
 * The number display above a counter. Implementations: {@link SimulatedCounterDisplay} now; MAX7219 seven-segment
 * and HD44780 LCD drivers later. Called only on the link's event thread, so implementations need no locking for it.
 */
public interface CounterDisplay {

    /** Shows what the hub says the counter is doing now. */
    void show(CounterState state);

    /** Says the unit has lost the hub, so nobody trusts a number that may be stale. */
    void showOffline();
}
