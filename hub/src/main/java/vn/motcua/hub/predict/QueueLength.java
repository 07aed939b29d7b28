package vn.motcua.hub.predict;

import java.time.Instant;
import java.util.OptionalDouble;

import vn.motcua.hub.engine.EngineState;
import vn.motcua.hub.engine.Ticket;

/**
 * The queue-length predictor per skill pool: s staffed counters that serve the ticket's service, each serving at
 * rate μ = 1 / the service's mean time, and n tickets waiting ahead that any of those counters could take (their
 * other services compete for them too). With every server busy, the (n+1)-th departure of s parallel exponential
 * servers comes after E[W] = (n+1) / (s·μ): n to clear the queue ahead, one more to free a counter for this ticket.
 */
public final class QueueLength implements WaitPredictor {

    private final ServiceTimeStats stats;

    public QueueLength(ConfiguredServiceTimes stats) {
        this.stats = stats;
    }

    @Override
    public String name() {
        return "queue length (n+1)/(sμ)";
    }

    @Override
    public OptionalDouble minutes(EngineState state, Ticket ticket, Instant now) {
        SkillPool pool = SkillPool.of(state, ticket.service());
        if (pool.servers() == 0) {
            return OptionalDouble.empty();
        }
        int ahead = SkillPool.waitingAhead(state, ticket, pool.services());
        return OptionalDouble.of((ahead + 1) * stats.meanMinutes(ticket.service()) / pool.servers());
    }
}
