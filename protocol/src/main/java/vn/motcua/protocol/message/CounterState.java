package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * What a counter shows, retained on {@code counter/{n}/state} so a rebooted display shows the truth at once.
 * {@code current} is absent when no ticket is at the counter.
 */
public record CounterState(int counter, CounterStatus status, Optional<Current> current, OffsetDateTime updatedAt) {

    public CounterState {
        Check.counter(counter, "counter");
        Check.required(status, "status");
        current = Check.optional(current);
        Check.required(updatedAt, "updatedAt");
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
