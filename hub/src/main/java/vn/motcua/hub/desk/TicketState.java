package vn.motcua.hub.desk;

/** Where a ticket is in its life. Final states: DONE, NO_SHOW. */
public enum TicketState {
    WAITING, CALLED, SERVING, DONE, NO_SHOW;

    public boolean atCounter() {
        return this == CALLED || this == SERVING;
    }
}
