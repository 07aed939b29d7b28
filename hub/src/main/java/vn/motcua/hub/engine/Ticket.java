package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

/**
 * One ticket of one office day, immutable: a transition makes a new value. {@code issuedAt} is the original issue
 * time and never changes (transfers, next services and carry-over keep it, so the citizen keeps their place);
 * {@code queuedAt} is when the ticket last entered a queue. {@code counter} is where it is or was last called (0
 * before its first call); {@code forCounter} (0 = any) reserves it for one counter after a transfer to that counter.
 * {@code served} counts the services finished in this visit. {@code offline}: printed by a kiosk from its number
 * lease while the hub was out of reach and synced later ({@code issuedAt} is then the printed time); such a number
 * is never one the hub hands out online.
 */
public record Ticket(LocalDate day, String label, String service, int number, Instant issuedAt, Instant queuedAt,
                     Optional<String> priority, Optional<Appointment> appointment, TicketState state, int counter,
                     int forCounter, Optional<Instant> calledAt, int recalls, Optional<Instant> startedAt,
                     Optional<Instant> finishedAt, Optional<String> officer, Optional<String> fileCode, int served,
                     boolean offline) {

    /** The printed label: service prefix, a dash, the number with at least three digits (1-007, 2-1023). */
    public static String labelOf(String prefix, int number) {
        return prefix + "-" + String.format("%03d", number);
    }

    static Ticket issued(LocalDate day, String prefix, String service, int number, Instant at, Optional<String> priority,
                         Optional<Appointment> appointment, boolean offline) {
        return new Ticket(day, labelOf(prefix, number), service, number, at, at, priority, appointment,
                TicketState.WAITING, 0, 0, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), 0, offline);
    }

    Ticket called(int at, Optional<String> by, Instant when) {
        return new Ticket(day, label, service, number, issuedAt, queuedAt, priority, appointment, TicketState.CALLED, at,
                0, Optional.of(when), 0, Optional.empty(), Optional.empty(), by, fileCode, served, offline);
    }

    Ticket recalled() {
        return withState(state, recalls + 1);
    }

    Ticket started(Instant when) {
        return new Ticket(day, label, service, number, issuedAt, queuedAt, priority, appointment, TicketState.SERVING,
                counter, forCounter, calledAt, recalls, Optional.of(when), finishedAt, officer, fileCode, served, offline);
    }

    /** Service finished: DONE (a served file, {@code served} grows) or NO_SHOW. */
    Ticket finished(TicketState outcome, Optional<String> file, Instant when) {
        int servedNow = outcome == TicketState.DONE ? served + 1 : served;
        return new Ticket(day, label, service, number, issuedAt, queuedAt, priority, appointment, outcome, counter,
                forCounter, calledAt, recalls, startedAt, Optional.of(when), officer, file.or(() -> fileCode), servedNow,
                offline);
    }

    /** Back in a queue for {@code nextService} (transfer or next service), keeping the original issue time. */
    Ticket requeued(String nextService, int reservedFor, boolean servedOne, Instant when) {
        return new Ticket(day, label, nextService, number, issuedAt, when, priority, appointment, TicketState.WAITING,
                counter, reservedFor, Optional.empty(), 0, Optional.empty(), Optional.empty(), officer, fileCode,
                servedOne ? served + 1 : served, offline);
    }

    Ticket held() {
        return withState(TicketState.ON_HOLD, recalls);
    }

    Ticket ended(TicketState finalState, Instant when) {
        return new Ticket(day, label, service, number, issuedAt, queuedAt, priority, appointment, finalState, counter,
                forCounter, calledAt, recalls, startedAt, Optional.of(when), officer, fileCode, served, offline);
    }

    /**
     * The same citizen on a new office day (carry-over): a new number, the original issue time. The new number is
     * the hub's own, so a ticket first printed offline is an ordinary one from here on.
     */
    Ticket carriedTo(LocalDate newDay, String prefix, int newNumber, Instant when) {
        return new Ticket(newDay, labelOf(prefix, newNumber), service, newNumber, issuedAt, when, priority, appointment,
                TicketState.WAITING, 0, 0, Optional.empty(), 0, Optional.empty(), Optional.empty(), Optional.empty(),
                Optional.empty(), served, false);
    }

    private Ticket withState(TicketState newState, int newRecalls) {
        return new Ticket(day, label, service, number, issuedAt, queuedAt, priority, appointment, newState, counter,
                forCounter, calledAt, newRecalls, startedAt, finishedAt, officer, fileCode, served, offline);
    }
}
