package vn.motcua.hub.predict;

import java.util.Set;
import java.util.stream.Collectors;

import vn.motcua.hub.engine.CounterSlot;
import vn.motcua.hub.engine.EngineState;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.protocol.message.CounterStatus;

/**
 * The counters that can serve one service at this moment, and the queue in front of a new ticket. Counters count
 * when staffed, open or paused: a break ends within minutes, and leaving paused counters out would make the estimate
 * jump for the length of a coffee (and have none at all when the only counter pauses).
 */
record SkillPool(Set<Integer> counters, Set<String> services) {

    static SkillPool of(EngineState state, String service) {
        Set<Integer> staffed = state.counters().stream().filter(s -> s.status() != CounterStatus.CLOSED)
                .map(CounterSlot::number)
                .filter(n -> state.office().counter(n).map(c -> c.services().contains(service)).orElse(false))
                .collect(Collectors.toUnmodifiableSet());
        Set<String> served = staffed.stream().flatMap(n -> state.office().counter(n).stream())
                .flatMap(c -> c.services().stream()).collect(Collectors.toUnmodifiableSet());
        return new SkillPool(staffed, served);
    }

    int servers() {
        return counters.size();
    }

    /**
     * Waiting tickets issued before {@code ticket} (issue time, then label) whose service is in {@code among}.
     * Priority is ignored on purpose: these are the baselines, which count heads in issue order.
     */
    static int waitingAhead(EngineState state, Ticket ticket, Set<String> among) {
        return (int) state.waitingFor(among).stream()
                .filter(t -> t.issuedAt().isBefore(ticket.issuedAt())
                        || t.issuedAt().equals(ticket.issuedAt()) && t.label().compareTo(ticket.label()) < 0)
                .count();
    }
}
