package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a counter shows, retained on {@code counter/{n}/state} so a rebooted display shows the truth at once.
 * {@code current} is absent when no ticket is at the counter; {@code officer} is the staff code of the officer signed
 * in there ({@code counter.signIn}), absent when nobody is.
 * <p>
 * {@code officer} came after the first release, so it is the last component (callers of the original four-argument
 * constructor keep compiling); on the wire it is written right after {@code status}, where a reader looks for it.
 */
@JsonPropertyOrder({"counter", "status", "officer", "current", "updatedAt"})
public record CounterState(int counter, CounterStatus status, Optional<Current> current, OffsetDateTime updatedAt,
                           Optional<String> officer) {

    public CounterState {
        Check.counter(counter, "counter");
        Check.required(status, "status");
        current = Check.optional(current);
        Check.required(updatedAt, "updatedAt");
        officer = Check.officer(officer, "officer");
    }

    /** A counter nobody is signed in at (a unit without sign-in, or a closed counter). */
    public CounterState(int counter, CounterStatus status, Optional<Current> current, OffsetDateTime updatedAt) {
        this(counter, status, current, updatedAt, Optional.empty());
    }

    /** The ticket at the counter. */
    public record Current(String ticket, String service, ServingPhase phase, int recalls, OffsetDateTime calledAt) {
        public Current {
            Check.ticket(ticket, "current.ticket");
            Check.code(service, "current.service");
            Check.required(phase, "current.phase");
            Check.nonNegative(recalls, "current.recalls");
            Check.required(calledAt, "current.calledAt");
        }
    }
}
