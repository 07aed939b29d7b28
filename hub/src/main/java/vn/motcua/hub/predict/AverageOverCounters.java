package vn.motcua.hub.predict;

import java.time.Instant;
import java.util.OptionalDouble;
import java.util.Set;

import vn.motcua.hub.engine.EngineState;
import vn.motcua.hub.engine.Ticket;

/**
 * The common baseline (Berlin's ZMS and most kiosks that print an estimate): people of the same service waiting
 * ahead × the service's mean time ÷ the counters serving it. It ignores that those counters also serve other
 * services, and that someone is already at each counter.
 */
public final class AverageOverCounters implements WaitPredictor {

    private final ServiceTimeStats stats;

    public AverageOverCounters(ConfiguredServiceTimes stats) {
        this.stats = stats;
    }

    @Override
    public String name() {
        return "average ÷ counters";
    }

    @Override
    public OptionalDouble minutes(EngineState state, Ticket ticket, Instant now) {
        SkillPool pool = SkillPool.of(state, ticket.service());
        if (pool.servers() == 0) {
            return OptionalDouble.empty();
        }
        int ahead = SkillPool.waitingAhead(state, ticket, Set.of(ticket.service()));
        return OptionalDouble.of(ahead * stats.meanMinutes(ticket.service()) / pool.servers());
    }
}
