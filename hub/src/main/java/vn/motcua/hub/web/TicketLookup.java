package vn.motcua.hub.web;

import java.util.Optional;

import vn.motcua.hub.engine.TicketStatus;

/** Today's tickets as their status page shows them. Implemented by the hub's desk; thread-safe. */
@FunctionalInterface
public interface TicketLookup {

    /**
     * Ticket {@code label} of today as it stands now; empty when there is no such ticket today.
     *
     * @throws Unavailable if the answer cannot be had now (the desk is overloaded or stopping)
     */
    Optional<TicketStatus> status(String label);

    /** For servers that have no desk behind them (tests of the board pages): no ticket is known. */
    static TicketLookup none() {
        return label -> Optional.empty();
    }

    /** The lookup could not be answered now; worth retrying. */
    final class Unavailable extends RuntimeException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
