package vn.motcua.hub.predict;

import java.util.OptionalDouble;

import vn.motcua.hub.engine.EngineState;
import vn.motcua.hub.engine.Ticket;

/**
 * The wait a citizen is promised when a ticket is issued: minutes from issue to the first call. A predictor owns the
 * service-time statistics it reads, only reads the engine's state (its mutators are not public) and never changes
 * it, so the simulator can measure exactly the estimate the hub prints.
 */
public interface WaitPredictor {

    /** A short name for tables. */
    String name();

    /**
     * @param state  the engine's state; {@code ticket} may be in it already or not yet (the hub answers an issue
     *               before the event is applied): either way it counts as waiting, and only once
     * @param ticket the new ticket: its service, priority, issue time
     * @return the predicted wait in minutes from the ticket's queue time; empty when no counter serving the service
     *         is staffed
     */
    OptionalDouble minutes(EngineState state, Ticket ticket);
}
