package vn.motcua.hub.desk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.BiFunction;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;

/** The transitions of one request at one instant. Short-lived, on the writer thread. */
final class DeskOperations {

    private final Desk desk;
    private final Instant now;

    DeskOperations(Desk desk, Instant now) {
        this.desk = desk;
        this.now = now;
    }

    Outcome issue(RequestBody.TicketIssue request) {
        Optional<Office.Service> found = desk.office().service(request.service());
        if (found.isEmpty()) {
            return Outcome.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + request.service() + " at this office");
        }
        Office.Service service = found.get();
        DeskView view = desk.view();
        int ahead = view.waiting(service.code());
        Ticket ticket = Ticket.issued(desk.day(), service.prefix(), service.code(), desk.nextNumber(service.code()),
                now, request.priority());
        desk.put(ticket);
        return Outcome.ok(new ResponseBody.TicketIssued(ticket.label(), service.code(), ticket.number(), ahead,
                view.estimateMinutes(service.code(), ahead), local(now), ticket.priority(), Optional.empty()),
                List.of(ticket), List.of());
    }

    Outcome next(int counter) {
        Optional<Outcome> refused = refuseCall(counter);
        if (refused.isPresent()) {
            return refused.get();
        }
        return desk.tickets().stream()
                .filter(t -> t.state() == TicketState.WAITING && serves(counter, t.service()))
                .min(Comparator.comparing((Ticket t) -> t.priority().isEmpty()).thenComparing(Ticket::issuedAt))
                .map(t -> call(desk.slot(counter).orElseThrow(), t))
                .orElseGet(() -> Outcome.rejected(ErrorCode.NO_TICKET_WAITING,
                        "nobody is waiting for the services of counter " + counter));
    }

    Outcome callTicket(int counter, String label) {
        Optional<Outcome> refused = refuseCall(counter);
        if (refused.isPresent()) {
            return refused.get();
        }
        Optional<Ticket> ticket = desk.ticket(label);
        if (ticket.isEmpty()) {
            return Outcome.rejected(ErrorCode.UNKNOWN_TICKET, "no ticket " + label + " today");
        }
        if (ticket.get().state() != TicketState.WAITING) {
            return Outcome.rejected(ErrorCode.INVALID_STATE, label + " is not waiting (" + ticket.get().state() + ")");
        }
        if (!serves(counter, ticket.get().service())) {
            return Outcome.rejected(ErrorCode.INVALID_STATE, "counter " + counter + " does not serve " + ticket.get().service());
        }
        return call(desk.slot(counter).orElseThrow(), ticket.get());
    }

    Outcome recall(int counter) {
        return withCurrent(counter, (slot, ticket) -> {
            Ticket recalled = ticket.recalled();
            desk.put(recalled);
            desk.remember(new Board.Call(recalled.label(), counter, true, local(now)));
            return Outcome.ok(called(recalled), List.of(recalled), List.of(counter));
        });
    }

    Outcome start(int counter) {
        return withCurrent(counter, (slot, ticket) -> {
            if (ticket.state() != TicketState.CALLED) {
                return Outcome.rejected(ErrorCode.INVALID_STATE, ticket.label() + " is already being served");
            }
            Ticket started = ticket.started(now);
            desk.put(started);
            return Outcome.ok(Desk.updated(desk.view(), counter, now), List.of(started), List.of(counter));
        });
    }

    Outcome finish(int counter, TicketState finalState) {
        return withCurrent(counter, (slot, ticket) -> {
            if (finalState == TicketState.NO_SHOW && ticket.state() != TicketState.CALLED) {
                return Outcome.rejected(ErrorCode.INVALID_STATE, ticket.label() + " came to the counter; use done");
            }
            Ticket finished = close(slot, ticket, finalState);
            return Outcome.ok(Desk.updated(desk.view(), counter, now), List.of(finished), List.of(counter));
        });
    }

    Outcome status(int counter, CounterStatus status) {
        return desk.slot(counter).map(slot -> {
            if (status == CounterStatus.PAUSED && slot.status() != CounterStatus.OPEN) {
                return Outcome.rejected(ErrorCode.COUNTER_NOT_OPEN, "counter " + counter + " is " + slot.status());
            }
            desk.putSlot(slot.with(status));
            return Outcome.ok(Desk.updated(desk.view(), counter, now), List.of(), List.of(counter));
        }).orElseGet(() -> rejectSlot(counter));
    }

    /**
     * A keypad press. It rates the ticket the unit names, else the ticket last served at that counter if it was
     * finished within the office's rating window, else it counts unlinked. A ticket is rated once.
     */
    Outcome rate(RequestBody.RatingSubmit request) {
        if (desk.slot(request.counter()).isEmpty()) {
            return rejectSlot(request.counter());
        }
        if (!desk.office().hasRatingLevel(request.level())) {
            return Outcome.rejected(ErrorCode.INVALID_FIELD, "body.level " + request.level()
                    + " is not a rating level of this office");
        }
        if (request.ticket().isPresent() && desk.ticket(request.ticket().get()).isEmpty()) {
            return Outcome.rejected(ErrorCode.UNKNOWN_TICKET, "no ticket " + request.ticket().get() + " today");
        }
        Optional<String> ticket = request.ticket().or(() -> desk.lastServedAt(request.counter())
                .filter(t -> !t.finishedAt().orElseThrow().plus(desk.office().ratingWindow()).isBefore(now))
                .map(Ticket::label));
        if (ticket.isPresent() && desk.isRated(ticket.get())) {
            return Outcome.rejected(ErrorCode.INVALID_STATE, ticket.get() + " already has a rating");
        }
        ticket.ifPresent(desk::markRated);
        Rating rating = new Rating(desk.day(), request.counter(), request.level(), ticket, now);
        return Outcome.rated(new ResponseBody.RatingRecorded(request.level(), ticket), rating);
    }

    // ---- helpers ----------------------------------------------------------------------------------------------

    private Outcome call(CounterSlot slot, Ticket ticket) {
        List<Ticket> changed = new ArrayList<>();
        slot.current().flatMap(desk::ticket).ifPresent(previous -> changed.add(close(slot, previous, TicketState.DONE)));
        Ticket called = ticket.calledTo(slot.number(), now);
        desk.put(called);
        changed.add(called);
        desk.putSlot(desk.slot(slot.number()).orElseThrow().serving(Optional.of(called.label())));
        desk.remember(new Board.Call(called.label(), slot.number(), false, local(now)));
        return Outcome.ok(called(called), changed, List.of(slot.number()));
    }

    private Ticket close(CounterSlot slot, Ticket ticket, TicketState finalState) {
        Ticket finished = ticket.finished(finalState, now);
        desk.put(finished);
        desk.putSlot(slot.serving(Optional.empty()));
        return finished;
    }

    private ResponseBody.TicketCalled called(Ticket ticket) {
        return new ResponseBody.TicketCalled(ticket.label(), ticket.service(), ticket.counter(), ticket.recalls(),
                local(ticket.calledAt().orElseThrow()));
    }

    private Outcome withCurrent(int counter, BiFunction<CounterSlot, Ticket, Outcome> action) {
        return desk.slot(counter).map(slot -> slot.current().flatMap(desk::ticket)
                .filter(t -> t.state().atCounter())
                .map(ticket -> action.apply(slot, ticket))
                .orElseGet(() -> Outcome.rejected(ErrorCode.NO_CURRENT_TICKET, "counter " + counter + " has no ticket")))
                .orElseGet(() -> rejectSlot(counter));
    }

    /** Why this counter may not call now, if it may not. */
    private Optional<Outcome> refuseCall(int counter) {
        Optional<CounterSlot> slot = desk.slot(counter);
        if (slot.isEmpty()) {
            return Optional.of(rejectSlot(counter));
        }
        if (slot.get().status() != CounterStatus.OPEN) {
            return Optional.of(Outcome.rejected(ErrorCode.COUNTER_NOT_OPEN,
                    "counter " + counter + " is " + slot.get().status() + "; resume it before calling"));
        }
        return Optional.empty();
    }

    private Outcome rejectSlot(int counter) {
        return Outcome.rejected(ErrorCode.UNKNOWN_COUNTER, "counter " + counter + " is not configured at this office");
    }

    private boolean serves(int counter, String service) {
        return desk.office().counter(counter).map(c -> c.services().contains(service)).orElse(false);
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(desk.office().zone()).toOffsetDateTime();
    }
}
