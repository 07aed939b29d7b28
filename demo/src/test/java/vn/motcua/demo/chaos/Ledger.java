package vn.motcua.demo.chaos;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The test's own record of the morning, kept apart from the hub's tables: every press made and what the unit
 * reported, every ticket printed in print order, every rating pressed. Thread-safe (one lock); read after the
 * morning ends.
 */
final class Ledger {

    /** What the unit reported for a press. */
    enum Outcome {
        /** The hub answered ok in time. */
        OK,
        /** The hub answered with a refusal: nothing was done. */
        REFUSED,
        /** The unit gave up: no answer within its timeout, or no link. The press must never be carried out. */
        FAILED,
        /** The unit crashed before it reported anything: either way is right. */
        UNKNOWN
    }

    /**
     * A press of a staff key, a service key or a sign-in, from {@code pressedAt} (before the unit sent anything) to
     * {@code reportedAt}. {@code ticket} is the ticket the answer named (called, started, printed), or for DONE and
     * NO_SHOW the one the display showed; {@code requestId} is known when the unit named it (a timeout does).
     */
    record Press(String unit, String action, Instant pressedAt, Instant reportedAt, Outcome outcome, String detail,
                 Optional<String> ticket, Optional<String> requestId) {

        @Override
        public String toString() {
            return action + " pressed on " + unit + " at " + time(pressedAt) + ", reported " + outcome + " at "
                    + time(reportedAt) + (detail.isEmpty() ? "" : " (" + detail + ")");
        }
    }

    /** A ticket the kiosk printed; {@code order} counts prints from 0. */
    record Printed(int order, String ticket, String service, int number, boolean offline, Instant at) {
    }

    /** A satisfaction key the citizen pressed and the keypad thanked for: the rating is stored on the unit. */
    record Rated(String unit, int counter, String ticket, String level, Instant at) {
    }

    private static final ZoneId OFFICE_ZONE = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private final List<Press> presses = new ArrayList<>();
    private final List<Printed> printed = new ArrayList<>();
    private final List<Rated> rated = new ArrayList<>();
    private final List<Rated> ratedUnconfirmed = new ArrayList<>();

    synchronized void press(Press press) {
        presses.add(press);
    }

    /** Records a printed ticket, in the order the kiosk printed them. */
    synchronized void printed(String ticket, String service, int number, boolean offline, Instant at) {
        printed.add(new Printed(printed.size(), ticket, service, number, offline, at));
    }

    synchronized void rated(Rated rating) {
        rated.add(rating);
    }

    /** A satisfaction key pressed on a unit that was killed before it could thank: stored at most once. */
    synchronized void ratedUnconfirmed(Rated rating) {
        ratedUnconfirmed.add(rating);
    }

    synchronized List<Rated> ratedUnconfirmed() {
        return List.copyOf(ratedUnconfirmed);
    }

    synchronized List<Press> presses() {
        return List.copyOf(presses);
    }

    synchronized List<Printed> printed() {
        return List.copyOf(printed);
    }

    synchronized List<Rated> rated() {
        return List.copyOf(rated);
    }

    synchronized String summary() {
        long ok = presses.stream().filter(p -> p.outcome() == Outcome.OK).count();
        long failed = presses.stream().filter(p -> p.outcome() == Outcome.FAILED).count();
        long refused = presses.stream().filter(p -> p.outcome() == Outcome.REFUSED).count();
        long offline = printed.stream().filter(Printed::offline).count();
        return presses.size() + " presses (" + ok + " ok, " + refused + " refused, " + failed + " failed, "
                + (presses.size() - ok - failed - refused) + " unknown), " + printed.size() + " tickets printed ("
                + offline + " offline), " + rated.size() + " ratings (" + ratedUnconfirmed.size()
                + " more pressed on a unit killed before it thanked)";
    }

    /** Office time of day with milliseconds, as the failure messages print it. */
    static String time(Instant at) {
        return TIME.format(LocalTime.ofInstant(at, OFFICE_ZONE));
    }
}
