package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One citizen's visit as the simulation saw it: the record the summaries and the predictor study read.
 *
 * @param ticket   the label the engine gave; empty when the kiosk refused a ticket
 * @param services the services of the visit in order (a second one after "next service")
 * @param carried  a ticket carried over from the previous day by the CARRY_OVER rule ({@code arrival} is then the
 *                 original arrival, the day before)
 * @param called   the first call to a counter; {@code wait} is measured to it
 * @param counter  the counter that first called the citizen; 0 if never called
 * @param files    files served in this visit
 * @param ended    when the visit ended: finished, no-show recorded, cancelled, closed, refused
 * @param predictedWait each wait predictor's estimate in minutes when the ticket was issued, by predictor name;
 *                 empty for carried visits, refused ones, and runs without predictors
 */
public record Visit(LocalDate day, int citizen, Optional<String> ticket, List<String> services,
                    Optional<String> priority, boolean appointment, boolean carried, Instant arrival,
                    Optional<Instant> called, Optional<Instant> started, Instant ended, Outcome outcome, int counter,
                    int files, Optional<String> rating, Map<String, Double> predictedWait) {

    /** How a visit ended. */
    public enum Outcome {
        SERVED,
        /** Gone when called: the officer recalled, waited, and recorded a no-show. */
        NO_SHOW,
        /** Gave up waiting and cancelled the ticket. */
        CANCELLED,
        /** Still waiting when the office closed; the office's closing rule decides what the engine does with them. */
        UNSERVED_AT_CLOSE,
        /** The kiosk refused a ticket: no counter serving the service was open. */
        TURNED_AWAY
    }

    public Visit {
        services = List.copyOf(services);
        predictedWait = Collections.unmodifiableMap(new LinkedHashMap<>(predictedWait));
    }

    /** A visit without wait predictions. */
    public Visit(LocalDate day, int citizen, Optional<String> ticket, List<String> services, Optional<String> priority,
                 boolean appointment, boolean carried, Instant arrival, Optional<Instant> called,
                 Optional<Instant> started, Instant ended, Outcome outcome, int counter, int files,
                 Optional<String> rating) {
        this(day, citizen, ticket, services, priority, appointment, carried, arrival, called, started, ended, outcome,
                counter, files, rating, Map.of());
    }

    /** The same visit with one more predictor's estimate. */
    Visit withPrediction(String predictor, double minutes) {
        Map<String, Double> predictions = new LinkedHashMap<>(predictedWait);
        predictions.put(predictor, minutes);
        return new Visit(day, citizen, ticket, services, priority, appointment, carried, arrival, called, started,
                ended, outcome, counter, files, rating, predictions);
    }

    /** The time from arrival to the first call; empty for a citizen never called. */
    public Optional<Duration> waited() {
        return called.map(c -> Duration.between(arrival, c));
    }

    /**
     * A citizen with a ticket who was never called (still waiting at closing, or gave up and cancelled) waited at
     * least until the visit ended: a censored wait, a lower bound of what they would have waited.
     */
    public boolean censored() {
        return called.isEmpty() && (outcome == Outcome.UNSERVED_AT_CLOSE || outcome == Outcome.CANCELLED);
    }

    /**
     * The wait the summaries count: to the first call, or for a {@link #censored()} visit until it ended; empty only
     * for a citizen refused a ticket, who did not wait in the queue at all.
     */
    public Optional<Duration> observedWait() {
        return censored() ? Optional.of(Duration.between(arrival, ended)) : waited();
    }
}
