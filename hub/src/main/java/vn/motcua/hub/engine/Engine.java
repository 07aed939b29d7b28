package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.predict.ForwardSimulation;
import vn.motcua.hub.predict.ServiceTimeLearner;
import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;
import vn.motcua.protocol.message.ResponseBody;

/**
 * The allocation engine: commands and the time in, a {@link Decision} (answer and events) out. Deterministic and
 * free of I/O, threads and clocks; the same engine runs in the hub, in tests and in the office simulator. Owned by
 * one thread (the hub's writer).
 */
public final class Engine {

    private final Office office;
    private final AllocationPolicy policy;
    private final EngineState state;
    /** Learns today's counter occupancy from every event applied, replayed ones too: a restarted hub learns again. */
    private final ServiceTimeLearner learner;
    /** The wait printed on tickets and shown in the catalogue. */
    private final WaitPredictor waits;

    public Engine(Office office, LocalDate day) {
        this(office, day, AllocationPolicy.of(office));
    }

    public Engine(Office office, LocalDate day, AllocationPolicy policy) {
        this(office, day, policy, true);
    }

    private Engine(Office office, LocalDate day, AllocationPolicy policy, boolean estimates) {
        this.office = office;
        this.policy = policy;
        this.state = new EngineState(office, day);
        this.learner = new ServiceTimeLearner(office);
        this.waits = estimates ? new ForwardSimulation(policy, learner) : NO_ESTIMATE;
    }

    /**
     * An engine whose tickets and catalogue carry no wait estimate (and so no "may not be served today" before the
     * last call), for tools that never read them: the office simulator comparing policies or planning staff, where
     * the estimate changes nothing that happens and was two thirds of a simulated day's CPU. Everything else is the
     * engine's own.
     */
    public static Engine withoutEstimates(Office office, LocalDate day, AllocationPolicy policy) {
        return new Engine(office, day, policy, false);
    }

    private static final WaitPredictor NO_ESTIMATE = new WaitPredictor() {
        @Override
        public String name() {
            return "none";
        }

        @Override
        public OptionalDouble minutes(EngineState state, Ticket ticket, Instant now) {
            return OptionalDouble.empty();
        }
    };

    /** Decides {@code command} at {@code now} and applies the result; a new office day is opened first if due. */
    public Decision handle(Command command, Instant now) {
        List<Event> clock = rollover(now);
        state.apply(Optional.empty(), clock);
        learner.observe(clock);
        Decision decision = decide(command, now);
        state.apply(decision.actor(), decision.events());
        learner.observe(decision.events());
        return answered(command, decision).after(clock);
    }

    /**
     * A counter command decided with no answer of its own ({@link Decision#counterUpdated}) is answered with the
     * counter's state read after its events were applied: the very state the hub then publishes retained, so the
     * answer and the topic cannot disagree (an undo that brings a ticket back to the counter shows it in both).
     */
    private Decision answered(Command command, Decision decision) {
        if (decision.answer().isPresent() || decision.rejection().isPresent()) {
            return decision;
        }
        return switch (command) {
            case Command.AtCounter atCounter -> decision.answering(counterUpdated(atCounter.counter()));
            case Command.Undo undo -> decision.answering(counterUpdated(undo.counter()));
            default -> decision;
        };
    }

    private ResponseBody.CounterUpdated counterUpdated(int counter) {
        return new ResponseBody.CounterUpdated(view().counterState(counter));
    }

    /** Re-applies one stored group of events, as {@link #handle} applied it: rebuilding state from the log. */
    public void replay(Optional<Integer> actor, List<Event> events) {
        state.apply(actor, events);
        learner.observe(events);
    }

    /**
     * Teaches the wait predictor the counter events of earlier office days (a restarted hub's history) without
     * touching the state: what it had learned carries over from day to day, but only the current day is replayed.
     */
    public void learn(List<Event> earlierDays) {
        learner.observe(earlierDays);
    }

    public EngineState state() {
        return state;
    }

    public Views view() {
        return new Views(state, waits);
    }

    public AllocationPolicy policy() {
        return policy;
    }

    private Decision decide(Command command, Instant now) {
        TicketActions tickets = new TicketActions(state, now, waits);
        CounterActions counters = new CounterActions(state, policy, now);
        OfflineActions offline = new OfflineActions(state, now, waits);
        return switch (command) {
            case Command.Issue issue -> tickets.issue(issue.service(), issue.priority(), Optional.empty());
            case Command.RenewLease renew -> offline.renew(renew);
            case Command.IssueOffline issue -> offline.sync(issue);
            case Command.CheckIn checkIn -> tickets.checkIn(checkIn.token());
            case Command.Book book -> tickets.book(book);
            case Command.Cancel cancel -> tickets.cancel(cancel.ticket());
            case Command.Rate rate -> tickets.rate(rate);
            case Command.AtCounter atCounter -> counters.decide(atCounter);
            case Command.Undo undo -> counters.undo(undo.counter());
            case Command.Tick tick -> Decision.quiet(List.of());
        };
    }

    /**
     * The office day is the local date in the office's zone: the first command of a new date closes the old day
     * (tickets still waiting follow the closing rule: closed as not served, or carried over) and opens the new one,
     * where numbering starts again.
     */
    private List<Event> rollover(Instant now) {
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        if (!today.isAfter(state.day())) {
            return List.of();
        }
        // Everyone not yet finished ends the day recorded as CLOSED: the waiting and held (who may be carried over)
        // and those still at a counter because nobody pressed done (never carried: they were being served).
        List<Ticket> unfinished = state.tickets().stream().filter(t -> !t.state().isFinal()).toList();
        List<Ticket> waiting = unfinished.stream()
                .filter(t -> t.state() == TicketState.WAITING || t.state() == TicketState.ON_HOLD).toList();
        List<Ticket> ended = unfinished.stream().map(t -> t.ended(TicketState.CLOSED, now)).toList();
        // Nobody is at the office at midnight: every counter starts the day closed, its officer signed out.
        List<CounterSlot> counters = state.counters().stream().map(slot -> CounterSlot.closed(slot.number())).toList();
        return List.of(new Event.DayClosed(state.day(), ended, now),
                new Event.DayOpened(today, carry(waiting, today, now), counters, state.leases(), now));
    }

    private List<Ticket> carry(List<Ticket> ended, LocalDate today, Instant now) {
        if (office.rules().closingRule() != Rules.ClosingRule.CARRY_OVER) {
            return List.of();
        }
        List<Ticket> carried = new ArrayList<>();
        Map<String, Integer> next = new HashMap<>();
        ended.stream().sorted(Comparator.comparing(Ticket::issuedAt)).forEach(t -> office.service(t.service()).ifPresent(s -> {
            int number = next.merge(s.prefix(), s.firstNumber(), (a, b) -> a + 1);
            if (number <= s.lastNumber()) {
                carried.add(t.carriedTo(today, s.prefix(), number, now));
            }
        }));
        return carried;
    }
}
