package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Optional;

/** The {@code body} of a request, one record per {@link Operation}. Absent optional fields are omitted on the wire. */
public sealed interface RequestBody {

    /** A citizen pressed a service key (or chose it on the touch page). {@code priority} is a priority-class code. */
    record TicketIssue(String service, Optional<String> priority) implements RequestBody {
        public TicketIssue {
            Check.code(service, "body.service");
            priority = Check.code(priority, "body.priority");
        }
    }

    /** A ticket the kiosk printed from its leased number block while the hub was unreachable. */
    record TicketIssueOffline(String service, int number, OffsetDateTime issuedAt, Optional<String> priority)
            implements RequestBody {
        public TicketIssueOffline {
            Check.code(service, "body.service");
            Check.range(number, 1, 99_999, "body.number");
            Check.required(issuedAt, "body.issuedAt");
            priority = Check.code(priority, "body.priority");
        }
    }

    /** A scanned appointment QR; the token is single-use. */
    record AppointmentCheckin(String token) implements RequestBody {
        public AppointmentCheckin {
            Check.text(token, "body.token");
        }
    }

    /** Call the next citizen this counter should serve. */
    record CounterNext(int counter) implements RequestBody {
        public CounterNext {
            Check.counter(counter, "body.counter");
        }
    }

    /** Call one particular waiting ticket (the officer typed or scanned it). */
    record CounterCallTicket(int counter, String ticket) implements RequestBody {
        public CounterCallTicket {
            Check.counter(counter, "body.counter");
            Check.ticket(ticket, "body.ticket");
        }
    }

    /** Announce the current ticket again. */
    record CounterRecall(int counter) implements RequestBody {
        public CounterRecall {
            Check.counter(counter, "body.counter");
        }
    }

    /** The called citizen arrived at the counter: service starts. */
    record CounterStart(int counter) implements RequestBody {
        public CounterStart {
            Check.counter(counter, "body.counter");
        }
    }

    /** Service finished. {@code fileCode} is the file (hồ sơ) code received, when the officer entered one. */
    record CounterDone(int counter, Optional<String> fileCode) implements RequestBody {
        public CounterDone {
            Check.counter(counter, "body.counter");
            fileCode = Check.text(fileCode, "body.fileCode");
        }
    }

    /** The called citizen did not come. */
    record CounterNoShow(int counter) implements RequestBody {
        public CounterNoShow {
            Check.counter(counter, "body.counter");
        }
    }

    /** Send the current citizen to another service or counter; exactly one of the two is given. */
    record CounterTransfer(int counter, Optional<String> toService, Optional<Integer> toCounter) implements RequestBody {
        public CounterTransfer {
            Check.counter(counter, "body.counter");
            toService = Check.code(toService, "body.toService");
            toCounter = Check.optional(toCounter).map(c -> Check.counter(c, "body.toCounter"));
            if (toService.isPresent() == toCounter.isPresent()) {
                throw Check.invalid("exactly one of body.toService and body.toCounter is required");
            }
        }
    }

    /** The citizen steps away (e.g. to fetch a missing paper) and will return to the queue. */
    record CounterHold(int counter, Optional<String> reason) implements RequestBody {
        public CounterHold {
            Check.counter(counter, "body.counter");
            reason = Check.text(reason, "body.reason");
        }
    }

    /** Stop receiving calls (break, meeting). */
    record CounterPause(int counter, Optional<String> reason) implements RequestBody {
        public CounterPause {
            Check.counter(counter, "body.counter");
            reason = Check.text(reason, "body.reason");
        }
    }

    /** Receive calls again after a pause. */
    record CounterResume(int counter) implements RequestBody {
        public CounterResume {
            Check.counter(counter, "body.counter");
        }
    }

    /** A citizen pressed a satisfaction key. {@code level} is a rating-level code from the site's configuration. */
    record RatingSubmit(int counter, String level, Optional<String> ticket) implements RequestBody {
        public RatingSubmit {
            Check.counter(counter, "body.counter");
            Check.code(level, "body.level");
            ticket = Check.optional(ticket).map(t -> Check.ticket(t, "body.ticket"));
        }
    }

    /** A kiosk asks for a block of numbers to print from while offline. */
    record LeaseRenew(String service, int size) implements RequestBody {
        public LeaseRenew {
            Check.code(service, "body.service");
            Check.range(size, 1, 500, "body.size");
        }
    }

    /**
     * An officer takes the counter: it opens, and the calls, services and ratings made there are theirs from now on.
     * {@code officer} is the officer's staff code, not a name, so it can be logged and reported on.
     */
    record CounterSignIn(int counter, String officer) implements RequestBody {
        public CounterSignIn {
            Check.counter(counter, "body.counter");
            Check.officer(officer, "body.officer");
        }
    }

    /** The officer leaves the counter: it closes and nothing more is attributed to them. */
    record CounterSignOut(int counter) implements RequestBody {
        public CounterSignOut {
            Check.counter(counter, "body.counter");
        }
    }

    /** Take back the officer's last action at this counter (a wrong key), within the site's undo window. */
    record CounterUndo(int counter) implements RequestBody {
        public CounterUndo {
            Check.counter(counter, "body.counter");
        }
    }

    /**
     * The citizen at the counter needs another service in the same visit: the current service is done, and the same
     * ticket, keeping its issue time, waits for {@code service} next, so the citizen does not queue from the back.
     */
    record CounterAddService(int counter, String service) implements RequestBody {
        public CounterAddService {
            Check.counter(counter, "body.counter");
            Check.code(service, "body.service");
        }
    }

    /** A waiting citizen leaves; {@code ticket} is the printed label (scanned from the ticket's QR or typed). */
    record TicketCancel(String ticket) implements RequestBody {
        public TicketCancel {
            Check.ticket(ticket, "body.ticket");
        }
    }
}
