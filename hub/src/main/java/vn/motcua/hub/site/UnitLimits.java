package vn.motcua.hub.site;

/**
 * What one unit may ask of the hub, so that no unit — broken or hostile — can delay the others or use up a service's
 * numbers (docs/protocol.md §12). {@code requestsPerSecond} and {@code requestBurst} size each unit's request budget
 * (a token bucket: a unit may send {@code requestBurst} requests at once, then {@code requestsPerSecond} a second);
 * {@code ticketsPerMinute} bounds the tickets one unit issues online ({@code ticket.issue}, {@code appointment.checkin}),
 * again as a bucket holding a minute's worth.
 */
public record UnitLimits(int requestsPerSecond, int requestBurst, int ticketsPerMinute) {

    public UnitLimits {
        if (requestsPerSecond < 1 || requestBurst < 1 || ticketsPerMinute < 1) {
            throw new IllegalArgumentException("unit limits must be at least 1");
        }
    }

    /**
     * 20 requests a second after a burst of 100: a counter officer presses a key every few seconds and a kiosk
     * prints one ticket in about 3 s, so people never come near; what does is a unit draining its outbox after an
     * outage, one request in flight at a time, which the burst covers for 100 stored messages and which past that
     * is answered RATE_LIMITED and resent by the unit after a back-off. 30 tickets a minute is twice what one kiosk
     * printer hands out (print, cut and take: 3–4 s a ticket); at that pace one unit would need over half an hour,
     * not seconds, to use up a service's 999 numbers, and the hub raises an alert the first time it refuses.
     */
    public static UnitLimits defaults() {
        return new UnitLimits(20, 100, 30);
    }
}
