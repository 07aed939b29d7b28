package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One simulated visitor, drawn before the day starts: when they come, for what, and how they will behave.
 *
 * @param appointmentSlot the booked slot, for a citizen who booked (they check in with their token, not take a ticket)
 * @param noShow          gone by the time they are called
 * @param secondService   a second service needed in the same visit, added by the officer after the first
 * @param patience        how long they wait before giving up; empty: they never do
 * @param serviceTimes    how long their first and (if any) second service take at the counter: drawn with the
 *                        citizen, so that runs under different policies serve exactly the same work
 */
record Citizen(int id, Instant arrival, String service, Optional<String> priority, Optional<Instant> appointmentSlot,
               boolean noShow, Optional<String> secondService, Optional<Duration> patience,
               List<Duration> serviceTimes) {

    Citizen {
        serviceTimes = List.copyOf(serviceTimes);
    }

    String token() {
        return "sim-" + arrival.toEpochMilli() + "-" + id;
    }
}
