package vn.motcua.hub.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One ticket of one office day. Immutable: every transition makes a new value, which the store upserts.
 * {@code counter} is 0 until the ticket is called.
 */
public record Ticket(LocalDate day, String label, String service, int number, Instant issuedAt,
                     Optional<String> priority, TicketState state, int counter, Optional<Instant> calledAt,
                     int recalls, Optional<Instant> startedAt, Optional<Instant> finishedAt) {

    public static Ticket issued(LocalDate day, String prefix, String service, int number, Instant at,
                                Optional<String> priority) {
        return new Ticket(day, label(prefix, number), service, number, at, priority, TicketState.WAITING, 0,
                Optional.empty(), 0, Optional.empty(), Optional.empty());
    }

    /** The printed label: service prefix, a dash, the number with at least three digits (1-007, 2-1023). */
    public static String label(String prefix, int number) {
        return prefix + "-" + String.format("%03d", number);
    }

    Ticket calledTo(int counterNumber, Instant at) {
        return new Ticket(day, label, service, number, issuedAt, priority, TicketState.CALLED, counterNumber,
                Optional.of(at), 0, Optional.empty(), Optional.empty());
    }

    Ticket recalled() {
        return new Ticket(day, label, service, number, issuedAt, priority, state, counter, calledAt, recalls + 1,
                startedAt, finishedAt);
    }

    Ticket started(Instant at) {
        return new Ticket(day, label, service, number, issuedAt, priority, TicketState.SERVING, counter, calledAt,
                recalls, Optional.of(at), finishedAt);
    }

    Ticket finished(TicketState finalState, Instant at) {
        return new Ticket(day, label, service, number, issuedAt, priority, finalState, counter, calledAt, recalls,
                startedAt, Optional.of(at));
    }
}
