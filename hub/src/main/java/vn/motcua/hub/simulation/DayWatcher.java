package vn.motcua.hub.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Looks on as a simulated day goes: what a study needs to replay a day's past exactly and draw its future again
 * ({@link PredictabilityBound}). A plain run watches nothing.
 */
interface DayWatcher {

    DayWatcher NONE = new DayWatcher() {
    };

    /** The day's citizens, as drawn, before the first of them arrives. */
    default void dayStarting(LocalDate day, List<Citizen> citizens) {
    }

    /** A citizen comes in, before they take a ticket or check in. */
    default void arriving(Citizen citizen, Instant now) {
    }

    /** A counter calls the citizen for the first time. */
    default void called(Citizen citizen, Instant now) {
    }

    /** The citizen's {@code index}-th service (0: the first) starts at a counter. */
    default void serviceStarted(Citizen citizen, int index, Instant now) {
    }
}
