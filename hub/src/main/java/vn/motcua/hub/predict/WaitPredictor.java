package vn.motcua.hub.predict;

import java.time.Instant;
import java.util.OptionalDouble;

import vn.motcua.hub.engine.EngineState;
import vn.motcua.hub.engine.Ticket;

/**
 * The wait a citizen is promised: minutes from now to the first call, asked when a ticket is issued (printed on it)
 * and again while it waits (its status page). A predictor owns the
 * service-time statistics it reads, only reads the engine's state (its mutators are not public) and never changes
 * it, so the simulator can measure exactly the estimate the hub prints.
 */
public interface WaitPredictor {

    /** A short name for tables. */
    String name();

    /**
     * @param state  the engine's state; {@code ticket} may be in it already or not yet (the hub answers an issue
     *               before the event is applied): either way it counts as waiting, and only once
     * @param ticket the ticket: its service, priority, issue time
     * @param now    the moment of asking: the issue time for a ticket being issued
     * @return the predicted wait in minutes from {@code now}; empty when no counter serving the service is staffed
     */
    OptionalDouble minutes(EngineState state, Ticket ticket, Instant now);
}
