package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.message.ServingPhase;

/** The engine's state as the wire publishes it: counter states, the board, the service catalogue. Same thread. */
public final class Views {

    private final EngineState state;
    private final WaitPredictor waits;

    Views(EngineState state, WaitPredictor waits) {
        this.state = state;
        this.waits = waits;
    }

    /** Counter {@code counter} as published: {@code updatedAt} is when it last changed ({@link EngineState#changedAt}). */
    public CounterState counterState(int counter) {
        return counterState(state, state.counter(counter).orElseThrow());
    }

    private static CounterState counterState(EngineState state, CounterSlot slot) {
        Optional<CounterState.Current> current = state.atCounter(slot)
                .map(t -> new CounterState.Current(t.label(), t.service(),
                        t.state() == TicketState.SERVING ? ServingPhase.SERVING : ServingPhase.CALLED, t.recalls(),
                        local(state, t.calledAt().orElseThrow())));
        return new CounterState(slot.number(), slot.status(), current, local(state, state.changedAt(slot.number())),
                slot.officer());
    }

    /**
     * The hall board as of change number {@code sequence} of the hub's log. Each counter carries its own
     * {@code updatedAt}; the board's is that of its latest change, so a board published again without a change
     * (after a hub restart) is the same board.
     */
    public Board board(long sequence) {
        List<CounterState> counters = state.counters().stream().map(s -> counterState(state, s)).toList();
        Instant changed = state.counters().stream().map(s -> state.changedAt(s.number())).max(Instant::compareTo)
                .orElse(state.dayStart());
        return new Board(state.office().name(), sequence, counters, state.recentCalls(), local(state, changed));
    }

    /** Every service: open or not, how many wait, and the wait a ticket of it issued now would get. */
    public ServiceCatalogue catalogue(Instant now) {
        List<ServiceCatalogue.Entry> entries = state.office().services().stream().map(s -> {
            Optional<Integer> estimate = estimate(Ticket.issued(state.day(), s.prefix(), s.code(),
                    state.lastNumber(s.prefix()) + 1, now, Optional.empty(), Optional.empty(), false), now);
            return new ServiceCatalogue.Entry(s.code(), s.prefix(), s.nameVi(), s.nameEn(), staffed(s.code()) > 0,
                    waiting(s.code()), estimate, LastCall.mayNotBeServedToday(state.office(), now, estimate));
        }).toList();
        return new ServiceCatalogue(state.office().name(), entries, local(state, now));
    }

    /**
     * The catalogue with today's open services and waiting counts but {@code earlier}'s estimates and warnings: the
     * forward simulation behind an estimate costs a pass over the queue per citizen in it, too much to repeat for
     * every service on every commit of a busy hub (docs/benchmarks.md, P1), so the writer refreshes them on a timer.
     */
    public ServiceCatalogue catalogue(Instant now, ServiceCatalogue earlier) {
        List<ServiceCatalogue.Entry> entries = state.office().services().stream().map(s -> {
            Optional<ServiceCatalogue.Entry> before = earlier.services().stream()
                    .filter(e -> e.code().equals(s.code())).findFirst();
            boolean open = staffed(s.code()) > 0;
            return new ServiceCatalogue.Entry(s.code(), s.prefix(), s.nameVi(), s.nameEn(), open, waiting(s.code()),
                    before.filter(e -> open).flatMap(ServiceCatalogue.Entry::estimateMin),
                    before.map(ServiceCatalogue.Entry::mayNotBeServedToday).orElse(false));
        }).toList();
        return new ServiceCatalogue(state.office().name(), entries, local(state, now));
    }

    /**
     * Today's ticket {@code label} as its status page shows it; empty when there is none. The wait from now is the
     * engine's predictor's, as printed on tickets ({@link #estimate}); {@code ahead} counts the tickets of its service
     * still waiting that were issued before it.
     */
    public Optional<TicketStatus> ticketStatus(String label, Instant now) {
        return state.ticket(label).map(t -> {
            Optional<Office.Service> service = state.office().service(t.service());
            boolean waiting = t.state() == TicketState.WAITING;
            int ahead = waiting ? waitingBefore(t.service(), t.issuedAt(), t.label()) : 0;
            Optional<Integer> estimate = waiting ? estimate(t, now) : Optional.empty();
            return new TicketStatus(t.label(), t.service(), service.map(Office.Service::nameVi).orElse(t.service()),
                    service.map(Office.Service::nameEn).orElse(t.service()), t.state(), ahead, estimate,
                    waiting && LastCall.mayNotBeServedToday(state.office(), now, estimate),
                    t.state().atCounter() ? Optional.of(t.counter()) : Optional.empty(), local(state, t.issuedAt()));
        });
    }

    /** The counters configured at the office, in number order. */
    public List<Integer> counters() {
        return state.counters().stream().map(CounterSlot::number).toList();
    }

    public int waiting(String service) {
        return state.waitingFor(List.of(service)).size();
    }

    /** Tickets of {@code service} waiting that were issued before ({@code issuedAt}, {@code label}): issue order. */
    public int waitingBefore(String service, Instant issuedAt, String label) {
        return (int) state.waitingFor(List.of(service)).stream()
                .filter(t -> t.issuedAt().isBefore(issuedAt) || t.issuedAt().equals(issuedAt) && t.label().compareTo(label) < 0)
                .count();
    }

    /**
     * The wait printed for {@code ticket} (issued now, or about to be): the engine's predictor, in whole minutes;
     * empty when no staffed counter serves its service. The catalogue shows, per service, the estimate a ticket
     * issued now would get.
     */
    Optional<Integer> estimate(Ticket ticket, Instant now) {
        OptionalDouble minutes = waits.minutes(state, ticket, now);
        return minutes.isPresent() ? Optional.of((int) Math.round(minutes.getAsDouble())) : Optional.empty();
    }

    /** Counters serving {@code service} that are staffed (open or paused). */
    private long staffed(String service) {
        return state.counters().stream().filter(s -> s.status() != CounterStatus.CLOSED)
                .filter(s -> serves(s.number(), service)).count();
    }

    private boolean serves(int counter, String service) {
        return state.office().counter(counter).map(c -> c.services().contains(service)).orElse(false);
    }

    private static OffsetDateTime local(EngineState state, Instant instant) {
        return instant.atZone(state.office().zone()).toOffsetDateTime();
    }
}
