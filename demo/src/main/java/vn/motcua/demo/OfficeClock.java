package vn.motcua.demo;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import vn.motcua.hub.site.Office;

/**
 * The demo's accelerated office time. Office minutes pass {@code speed} times faster than real ones and run only
 * through the opening periods: after the morning comes the afternoon, after closing the next morning, so the demo
 * never sits through a lunch break or a night. Thread-safe (immutable).
 */
final class OfficeClock {

    private final List<Office.Period> periods;
    private final double speed;
    private final long openMinutesPerDay;

    OfficeClock(Office office, double speed) {
        this.periods = office.hours();
        this.speed = speed;
        this.openMinutesPerDay = periods.stream().mapToLong(p -> Duration.between(p.start(), p.end()).toMinutes()).sum();
    }

    /** The office time of day after {@code realElapsed} of running. */
    LocalTime officeTime(Duration realElapsed) {
        double officeMinutes = realElapsed.toMillis() * speed / 60_000.0;
        double intoDay = officeMinutes % openMinutesPerDay;
        for (Office.Period period : periods) {
            long length = Duration.between(period.start(), period.end()).toMinutes();
            if (intoDay < length) {
                return period.start().plusSeconds((long) (intoDay * 60));
            }
            intoDay -= length;
        }
        return periods.getLast().end();
    }

    /** How long {@code officeMinutes} take in real time. */
    Duration real(double officeMinutes) {
        return Duration.ofMillis(Math.max(1, (long) (officeMinutes * 60_000 / speed)));
    }
}
