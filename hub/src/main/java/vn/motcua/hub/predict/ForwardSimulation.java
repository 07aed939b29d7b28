package vn.motcua.hub.predict;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.stream.Collectors;

import vn.motcua.hub.engine.CounterSlot;
import vn.motcua.hub.engine.EngineState;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.engine.policy.Choice;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.CounterStatus;

/**
 * motcua's wait predictor: plays the queue as it stands forward under the office's real allocation policy, with
 * the counter occupancy times learned today ({@link ServiceTimeLearner}), until the new ticket is called.
 *
 * <p>Every staffed counter gets the time it will next be free: now if idle; after the expected rest of its current
 * ticket's occupancy ({@link ServiceTimeLearner#remainingMinutes}, at least {@link #FLOOR_MINUTES}: it is still
 * there); after the rest of a typical break if paused. Closed counters never call. Then, repeatedly, the counter free earliest asks the policy exactly as the
 * engine does on "call next" ({@code policy.choose(counter, waiting, t)}); the ticket it takes keeps it for that
 * service's occupancy. Counters call only within the opening periods: a counter free in the lunch gap calls at the
 * next period's start. Past the last period the day is played on, so a ticket the office will not reach today gets
 * an honest, large estimate (minutes to closing plus what is left) instead of a false promise. Of the citizens not
 * yet in the queue only those coming back to it ({@link Jumpers}) are simulated. Deterministic.
 *
 * <p>The estimate counts from {@code now}: the issue time for a ticket being issued, the moment of asking for the
 * status page of a ticket already waiting.
 */
public final class ForwardSimulation implements WaitPredictor {

    public static final String NAME = "(c) forward simulation";

    /**
     * The most calls simulated for one estimate. Each call scans the queue, so a queue thousands deep (a burst the
     * hub must still answer within milliseconds, docs/benchmarks.md P1) would cost seconds; past this many calls,
     * hours ahead in any office, the rest is extrapolated ({@link #extrapolated}).
     */
    static final int MAX_CALLS = 250;

    /** A counter still busy past its expected occupancy is expected free this soon. */
    static final double FLOOR_MINUTES = 1;

    private final AllocationPolicy policy;
    private final ServiceTimeLearner times;

    public ForwardSimulation(AllocationPolicy policy, ServiceTimeLearner times) {
        this.policy = policy;
        this.times = times;
    }

    @Override
    public String name() {
        return NAME;
    }

    private record Free(Instant at, Office.Counter counter) {
    }

    @Override
    public OptionalDouble minutes(EngineState state, Ticket ticket, Instant now) {
        Office office = state.office();
        List<Ticket> waiting = new ArrayList<>();
        state.waiting().stream().filter(t -> !t.label().equals(ticket.label()))
                .forEach(waiting::add);
        waiting.add(ticket);
        PriorityQueue<Free> free = new PriorityQueue<>(Comparator.comparing(Free::at)
                .thenComparing(f -> f.counter().number()));
        for (CounterSlot slot : state.counters()) {
            if (slot.status() != CounterStatus.CLOSED) {
                office.counter(slot.number()).ifPresent(c -> free.add(new Free(freeAt(state, slot, now), c)));
            }
        }
        if (free.stream().noneMatch(f -> f.counter().services().contains(ticket.service()))) {
            return OptionalDouble.empty();
        }
        OpeningHours hours = OpeningHours.of(office, now);
        Jumpers jumpers = new Jumpers(times, hours, now);
        int calls = 0;
        int poolCalls = 0;
        while (!free.isEmpty()) {
            Free next = free.poll();
            Instant at = hours.callable(next.at());
            Optional<String> jumper = jumpers.due(next.counter(), at);
            if (jumper.isPresent()) {
                free.add(new Free(plus(at, times.meanMinutes(jumper.get(), at)), next.counter()));
                continue;
            }
            Optional<Choice> choice = policy.choose(next.counter(), waiting, at);
            if (choice.isEmpty()) {
                continue; // nothing it may serve now, and the simulated queue only shrinks
            }
            Ticket called = choice.get().ticket();
            if (called.label().equals(ticket.label())) {
                return OptionalDouble.of(minutes(now, at));
            }
            waiting.remove(called);
            poolCalls += next.counter().services().contains(ticket.service()) ? 1 : 0;
            if (++calls == MAX_CALLS && poolCalls > 0) {
                return OptionalDouble.of(extrapolated(ticket, waiting, minutes(now, at), poolCalls, office));
            }
            free.add(new Free(plus(at, times.meanMinutes(called.service(), at)), next.counter()));
        }
        return OptionalDouble.empty(); // no staffed counter may take it (reserved for a closed one)
    }

    /**
     * The rest of a queue deeper than {@link #MAX_CALLS} calls, at the pace the counters that serve the ticket's
     * service kept so far: every ticket still waiting for a service those counters serve is taken ahead of this one.
     */
    private static double extrapolated(Ticket ticket, List<Ticket> waiting, double elapsed, int poolCalls, Office office) {
        Set<String> pool = office.counters().stream().filter(c -> c.services().contains(ticket.service()))
                .flatMap(c -> c.services().stream()).collect(Collectors.toSet());
        long ahead = waiting.stream().filter(t -> t != ticket && pool.contains(t.service())).count();
        return elapsed + (ahead + 1) * elapsed / poolCalls;
    }

    /** When a staffed counter is next free to call, as seen at {@code now}. */
    private Instant freeAt(EngineState state, CounterSlot slot, Instant now) {
        Instant free = now;
        Optional<Ticket> current = slot.current().flatMap(state::ticket).filter(t -> t.state().atCounter());
        if (current.isPresent() && current.get().calledAt().isPresent()) {
            Instant called = current.get().calledAt().get();
            free = plus(now, times.remainingMinutes(current.get().service(), called, minutes(called, now), FLOOR_MINUTES));
        }
        if (slot.status() == CounterStatus.PAUSED) {
            Instant back = plus(now, times.pauseRemaining(slot.number(), now, FLOOR_MINUTES));
            free = back.isAfter(free) ? back : free;
        }
        return free;
    }

    private static Instant plus(Instant at, double minutes) {
        return at.plusMillis(Math.round(minutes * 60_000));
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
