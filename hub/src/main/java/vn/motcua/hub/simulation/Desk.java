package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/** The simulator's view of one counter and its officer during a day: what they are doing, and what they did. */
final class Desk {

    final int number;
    final String officer;
    /** The officer's own random stream: breaks, coming late, leaving early. */
    final Draws draws;
    final Deque<Instant> breaksDue;
    boolean signedIn;
    boolean onBreak;
    boolean leaving;
    /** The visit called to or served at the counter; null when the counter is free. */
    VisitTracker current;
    private Instant busySince;
    private Duration busy = Duration.ZERO;
    private int files;
    private int breaks;

    Desk(int number, Draws draws, List<Instant> breaksDue) {
        this.number = number;
        this.draws = draws;
        this.officer = String.format("CB%02d", number);
        this.breaksDue = new ArrayDeque<>(breaksDue);
    }

    boolean idle() {
        return signedIn && !onBreak && current == null;
    }

    void busyWith(VisitTracker visit, Instant now) {
        current = visit;
        busySince = now;
    }

    void free(Instant now) {
        busy = busy.plus(Duration.between(busySince, now));
        current = null;
    }

    void fileDone() {
        files++;
    }

    void breakTaken() {
        breaks++;
    }

    CounterDay day(LocalDate day, Duration open) {
        return new CounterDay(day, number, officer, open, busy, files, breaks);
    }
}
