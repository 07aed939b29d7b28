package vn.motcua.protocol.message;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code body} of a successful response; which record answers which operation is fixed by {@link Operation}. */
public sealed interface ResponseBody {

    /**
     * A ticket now exists: print it. {@code ahead} counts citizens before this one for the same service;
     * {@code estimateMin} is absent when the hub cannot promise a time. {@code mayNotBeServedToday}: the estimated
     * call comes after the office's last call of the day (or the day's hours are over), so the ticket must say so
     * instead of promising a time; absent or null on the wire (a hub before this field) reads as {@code false}.
     * (A {@code Boolean}, never null once built: the codec refuses a missing primitive, and an older hub omits it.)
     */
    record TicketIssued(String ticket, String service, int number, int ahead, Optional<Integer> estimateMin,
                        OffsetDateTime issuedAt, Optional<String> priority, Optional<String> statusUrl,
                        Boolean mayNotBeServedToday)
            implements ResponseBody {
        public TicketIssued {
            Check.ticket(ticket, "body.ticket");
            Check.code(service, "body.service");
            Check.range(number, 1, 99_999, "body.number");
            Check.nonNegative(ahead, "body.ahead");
            estimateMin = Check.optional(estimateMin).map(m -> Check.nonNegative(m, "body.estimateMin"));
            Check.required(issuedAt, "body.issuedAt");
            priority = Check.code(priority, "body.priority");
            statusUrl = Check.text(statusUrl, "body.statusUrl");
            mayNotBeServedToday = Boolean.TRUE.equals(mayNotBeServedToday);
        }

        /** A ticket as a hub without {@code mayNotBeServedToday} issues it: no warning. */
        public TicketIssued(String ticket, String service, int number, int ahead, Optional<Integer> estimateMin,
                            OffsetDateTime issuedAt, Optional<String> priority, Optional<String> statusUrl) {
            this(ticket, service, number, ahead, estimateMin, issuedAt, priority, statusUrl, false);
        }
    }

    /** A ticket was called to a counter (by next, callTicket or recall); {@code recalls} counts repeats. */
    record TicketCalled(String ticket, String service, int counter, int recalls, OffsetDateTime calledAt)
            implements ResponseBody {
        public TicketCalled {
            Check.ticket(ticket, "body.ticket");
            Check.code(service, "body.service");
            Check.counter(counter, "body.counter");
            Check.nonNegative(recalls, "body.recalls");
            Check.required(calledAt, "body.calledAt");
        }
    }

    /**
     * The counter's state after the operation (start, done, noShow, transfer, hold, pause, resume, signIn, signOut,
     * undo, addService).
     */
    record CounterUpdated(CounterState state) implements ResponseBody {
        public CounterUpdated {
            Check.required(state, "body.state");
        }
    }

    /** The rating was counted, for {@code ticket} when it could be linked to one. */
    record RatingRecorded(String level, Optional<String> ticket) implements ResponseBody {
        public RatingRecorded {
            Check.code(level, "body.level");
            ticket = Check.optional(ticket).map(t -> Check.ticket(t, "body.ticket"));
        }
    }

    /** Numbers {@code first..last} of {@code service} are the kiosk's to print offline on {@code day}. */
    record LeaseGranted(String service, int first, int last, LocalDate day) implements ResponseBody {
        public LeaseGranted {
            Check.code(service, "body.service");
            Check.range(first, 1, 99_999, "body.first");
            Check.range(last, first, 99_999, "body.last");
            Check.required(day, "body.day");
        }
    }

    /** The ticket no longer waits; {@code service} is the service it was waiting for, so a kiosk can say which. */
    record TicketCancelled(String ticket, String service) implements ResponseBody {
        public TicketCancelled {
            Check.ticket(ticket, "body.ticket");
            Check.code(service, "body.service");
        }
    }
}
