package vn.motcua.hub.predict;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;

import vn.motcua.hub.site.Office;

/** An office day's opening periods as instants: when counters call, and how much calling time lies between two times. */
record OpeningHours(List<Instant[]> periods) {

    static OpeningHours of(Office office, Instant on) {
        LocalDate day = on.atZone(office.zone()).toLocalDate();
        return new OpeningHours(office.hours().stream().map(p -> new Instant[] {
                ZonedDateTime.of(day, p.start(), office.zone()).toInstant(),
                ZonedDateTime.of(day, p.end(), office.zone()).toInstant()}).toList());
    }

    /** {@code at}, or the start of the next period if {@code at} is outside them; past the last one, {@code at}. */
    Instant callable(Instant at) {
        for (Instant[] p : periods) {
            if (at.isBefore(p[0])) {
                return p[0];
            }
            if (at.isBefore(p[1])) {
                return at;
            }
        }
        return at;
    }

    /** Minutes of opening time from {@code from} to {@code to}. */
    double openMinutes(Instant from, Instant to) {
        long millis = 0;
        for (Instant[] p : periods) {
            Instant start = from.isAfter(p[0]) ? from : p[0];
            Instant end = to.isBefore(p[1]) ? to : p[1];
            if (start.isBefore(end)) {
                millis += Duration.between(start, end).toMillis();
            }
        }
        return millis / 60_000.0;
    }
}
