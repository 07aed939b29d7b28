package vn.motcua.hub.engine.policy;

import java.time.Duration;
import java.time.Instant;

import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;

/** Which tickets a counter may call, and small measures every policy shares. */
final class Eligibility {

    private Eligibility() {
    }

    /** The counter serves the ticket's service, and the ticket is not reserved for another counter. */
    static boolean mayServe(Office.Counter counter, Ticket ticket) {
        return counter.services().contains(ticket.service())
                && (ticket.forCounter() == 0 || ticket.forCounter() == counter.number());
    }

    /** Whole minutes since the citizen first took the ticket. */
    static long waitedMinutes(Ticket ticket, Instant now) {
        return Duration.between(ticket.issuedAt(), now).toMinutes();
    }
}
