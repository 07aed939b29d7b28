package vn.motcua.hub.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.Optional;

import vn.motcua.hub.site.Office;

/**
 * Overload honesty: whether a citizen queueing now may not be served today. Counters stop calling new citizens at
 * the office's last call, the end of the day's last opening period minus {@code rules.lastCallBeforeClose}; a ticket
 * whose estimated call ({@code now} + the estimate) is not before that moment must say so instead of promising a
 * time. The estimate is minutes of waiting from now, lunch gap included by whoever made it, so the comparison uses
 * only the last period's end: a ticket taken over lunch is judged against the afternoon's close, not the morning's.
 * Without an estimate (no open counter serves the service) only "the last call has passed" counts. Pure.
 */
public final class LastCall {

    private LastCall() {
    }

    /** When counters stop calling on the office day of {@code now}; empty for an office without opening hours. */
    public static Optional<Instant> on(Office office, Instant now) {
        return office.hours().stream().map(Office.Period::end).max(Comparator.<LocalTime>naturalOrder())
                .map(end -> now.atZone(office.zone()).toLocalDate().atTime(end).atZone(office.zone()).toInstant()
                        .minus(office.rules().lastCallBeforeClose()));
    }

    public static boolean mayNotBeServedToday(Office office, Instant now, Optional<Integer> estimateMin) {
        Instant estimatedCall = now.plus(Duration.ofMinutes(estimateMin.orElse(0)));
        return on(office, now).map(lastCall -> !estimatedCall.isBefore(lastCall)).orElse(false);
    }
}
