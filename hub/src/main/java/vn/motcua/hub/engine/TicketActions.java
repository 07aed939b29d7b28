package vn.motcua.hub.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ResponseBody;

/** Decisions about tickets that no counter makes: issue, appointment check-in and booking, cancel, rating. */
final class TicketActions {

    private final EngineState state;
    private final Instant now;
    private final WaitPredictor waits;

    TicketActions(EngineState state, Instant now, WaitPredictor waits) {
        this.state = state;
        this.now = now;
        this.waits = waits;
    }

    Decision issue(String serviceCode, Optional<String> priority, Optional<Appointment> appointment) {
        Optional<Office.Service> found = state.office().service(serviceCode);
        if (found.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + serviceCode + " at this office");
        }
        Office.Service service = found.get();
        if (priority.isPresent() && state.office().rules().priorityClass(priority.get()).isEmpty()) {
            return Decision.rejected(ErrorCode.INVALID_FIELD, "body.priority " + priority.get()
                    + " is not a priority class of this office");
        }
        if (!takesTickets(service.code())) {
            return Decision.rejected(ErrorCode.SERVICE_CLOSED, service.nameVi() + " is not taking tickets now: no counter serving it is open");
        }
        int number = Math.max(state.lastNumber(service.prefix()) + 1, service.firstNumber());
        if (number > onlineCeiling(state, service)) {
            return Decision.rejected(ErrorCode.SERVICE_CLOSED, "the numbers of " + service.nameVi() + " for today are used up");
        }
        Views views = new Views(state, waits);
        int ahead = views.waiting(service.code());
        Ticket ticket = Ticket.issued(state.day(), service.prefix(), service.code(), number, now, priority, appointment,
                false);
        Optional<Integer> estimate = views.estimate(ticket, now);
        return Decision.ok(Optional.empty(), List.of(new Event.TicketIssued(ticket, now)),
                new ResponseBody.TicketIssued(ticket.label(), service.code(), number, ahead,
                        estimate, local(now), priority, Optional.empty(),
                        LastCall.mayNotBeServedToday(state.office(), now, estimate)));
    }

    /** The highest number the hub may hand out online today: the service's last, or just below its leased numbers. */
    static int onlineCeiling(EngineState state, Office.Service service) {
        return state.leases().lowestLeased(service.code()).orElse(service.lastNumber() + 1) - 1;
    }

    /** A service takes tickets while at least one counter serving it is staffed (open or paused). */
    private boolean takesTickets(String service) {
        return state.office().counters().stream().filter(c -> c.services().contains(service))
                .anyMatch(c -> state.counter(c.number()).map(s -> s.status() != CounterStatus.CLOSED).orElse(false));
    }

    Decision checkIn(String token) {
        Optional<Appointment> appointment = state.appointment(token);
        if (appointment.isEmpty()) {
            return Decision.rejected(ErrorCode.INVALID_FIELD, "body.token is not an appointment of this office");
        }
        if (state.appointmentUsed(token)) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "this appointment is already checked in");
        }
        if (!appointment.get().slot().atZone(state.office().zone()).toLocalDate().equals(state.day())) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "this appointment is for another day");
        }
        return issue(appointment.get().service(), Optional.empty(), appointment);
    }

    /** An appointment booked (admin or the booking system): quiet, nothing for a device to show. */
    Decision book(Command.Book book) {
        if (state.office().service(book.service()).isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + book.service() + " at this office");
        }
        if (state.appointment(book.token()).isPresent()) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "an appointment with this token exists");
        }
        return Decision.quiet(List.of(new Event.AppointmentBooked(
                new Appointment(book.token(), book.service(), book.slot()), now)));
    }

    Decision cancel(String label) {
        Optional<Ticket> ticket = state.ticket(label);
        if (ticket.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_TICKET, "no ticket " + label + " today");
        }
        if (ticket.get().state() != TicketState.WAITING && ticket.get().state() != TicketState.ON_HOLD) {
            return Decision.rejected(ErrorCode.INVALID_STATE, label + " is " + ticket.get().state() + ", not waiting");
        }
        Ticket cancelled = ticket.get().ended(TicketState.CANCELLED, now);
        return Decision.ok(Optional.empty(), List.of(new Event.TicketChanged("cancelled", cancelled, Optional.empty(), now)),
                new ResponseBody.TicketCancelled(label, cancelled.service()));
    }

    /**
     * A keypad press, judged at the moment it was pressed (never later than now), so a rating a unit could deliver
     * only after an outage still counts if it was pressed in time. It rates the ticket the unit names, or else the
     * ticket last finished as served at that counter, and only one served at this counter: started here and still
     * being served or on hold, or done here (or ended after it was started here) at most the office's rating window
     * before the press. Anything else (waiting, called, a no-show, sent on to another counter or service, served at
     * another counter, too late) is {@code NOT_RATEABLE}. A ticket is rated once.
     */
    Decision rate(Command.Rate rate) {
        Optional<CounterSlot> slot = state.counter(rate.counter());
        if (slot.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_COUNTER, "counter " + rate.counter() + " is not configured at this office");
        }
        if (!state.office().rules().hasRatingLevel(rate.level())) {
            return Decision.rejected(ErrorCode.INVALID_FIELD, "body.level " + rate.level() + " is not a rating level of this office");
        }
        if (rate.ticket().isPresent() && state.ticket(rate.ticket().get()).isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_TICKET, "no ticket " + rate.ticket().get() + " today");
        }
        Instant pressed = rate.pressedAt().isAfter(now) ? now : rate.pressedAt();
        Duration window = state.office().rules().ratingWindow();
        Optional<Ticket> rated = rate.ticket().isPresent() ? rate.ticket().flatMap(state::ticket)
                : lastServedAt(rate.counter()).filter(t -> inWindow(t, pressed, window));
        if (rated.isEmpty()) {
            return Decision.rejected(ErrorCode.NOT_RATEABLE, "no ticket was finished at counter " + rate.counter()
                    + " in the " + window.toMinutes() + " min before the key was pressed");
        }
        if (!servedAt(rated.get(), rate.counter())) {
            return Decision.rejected(ErrorCode.NOT_RATEABLE, "body.ticket was not served (started or done) at counter "
                    + rate.counter());
        }
        if (!inWindow(rated.get(), pressed, window)) {
            return Decision.rejected(ErrorCode.NOT_RATEABLE, "body.ticket finished more than " + window.toMinutes()
                    + " min (the rating window) before the key was pressed");
        }
        if (state.isRated(rated.get().label())) {
            return Decision.rejected(ErrorCode.INVALID_STATE, rated.get().label() + " already has a rating");
        }
        Optional<String> officer = rated.flatMap(Ticket::officer).or(() -> slot.get().officer());
        Rating rating = new Rating(state.day(), rate.counter(), rate.level(), rated.map(Ticket::label), officer, now);
        return Decision.ok(Optional.empty(), List.of(new Event.RatingRecorded(rating, now)),
                new ResponseBody.RatingRecorded(rate.level(), rating.ticket()));
    }

    /** Started at {@code counter} (being served, on hold, or ended after it was started), or done there. */
    private static boolean servedAt(Ticket ticket, int counter) {
        return ticket.counter() == counter && (ticket.startedAt().isPresent() || ticket.state() == TicketState.DONE);
    }

    /** Still being served or on hold (not ended), or ended at most {@code window} before {@code pressed}. */
    private static boolean inWindow(Ticket ticket, Instant pressed, Duration window) {
        return ticket.finishedAt().map(end -> !end.plus(window).isBefore(pressed)).orElse(true);
    }

    /** The ticket most recently finished as served at {@code counter}. */
    private Optional<Ticket> lastServedAt(int counter) {
        return state.tickets().stream()
                .filter(t -> t.counter() == counter && t.state() == TicketState.DONE && t.finishedAt().isPresent())
                .max(Comparator.comparing(t -> t.finishedAt().orElseThrow()));
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(state.office().zone()).toOffsetDateTime();
    }
}
