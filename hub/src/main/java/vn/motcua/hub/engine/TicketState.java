package vn.motcua.hub.engine;

/**
 * Where a ticket is in its life. {@code WAITING → CALLED → SERVING → DONE}, with {@code CALLED → NO_SHOW},
 * {@code SERVING → ON_HOLD → CALLED} (called back), {@code WAITING/ON_HOLD → CANCELLED}, and {@code CLOSED} for a
 * ticket still waiting when the office day ended under the CLOSE rule. A transfer or a next service puts the same
 * ticket back to WAITING for another service or counter.
 */
public enum TicketState {
    WAITING, CALLED, SERVING, ON_HOLD, DONE, NO_SHOW, CANCELLED, CLOSED;

    /** Called or being served: the ticket is at a counter. */
    public boolean atCounter() {
        return this == CALLED || this == SERVING;
    }

    /** Nothing more will happen to it today. */
    public boolean isFinal() {
        return this == DONE || this == NO_SHOW || this == CANCELLED || this == CLOSED;
    }
}
