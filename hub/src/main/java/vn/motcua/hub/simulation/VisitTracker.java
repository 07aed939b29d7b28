package vn.motcua.hub.simulation;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** A visit being followed through the day; becomes a {@link Visit} once it has an outcome. */
final class VisitTracker {

    final Citizen citizen;
    final boolean carried;
    final List<String> services = new ArrayList<>();
    Optional<String> ticket = Optional.empty();
    Optional<Instant> called = Optional.empty();
    Optional<Instant> started = Optional.empty();
    int counter;
    int files;
    Optional<String> rating = Optional.empty();
    /** Each predictor's estimate at issue, by predictor name, in the order the predictors were given. */
    final Map<String, Double> predictedWait = new LinkedHashMap<>();
    private Visit.Outcome outcome;
    private Instant ended;

    VisitTracker(Citizen citizen, boolean carried) {
        this.citizen = citizen;
        this.carried = carried;
        services.add(citizen.service());
    }

    boolean open() {
        return outcome == null;
    }

    /** The second service is still to be added by the officer. */
    boolean secondServiceDue() {
        return citizen.secondService().isPresent() && services.size() == 1;
    }

    /** Gone when called: only the first call, a citizen back for a second service is in the room. */
    boolean absentWhenCalled() {
        return citizen.noShow() && services.size() == 1 && !carried;
    }

    void end(Visit.Outcome how, Instant at) {
        if (!open()) {
            throw new IllegalStateException("visit of citizen " + citizen.id() + " already ended " + outcome);
        }
        outcome = how;
        ended = at;
    }

    Visit visit(LocalDate day) {
        if (open()) {
            throw new IllegalStateException("visit of citizen " + citizen.id() + " (" + ticket.orElse("no ticket")
                    + ") has no outcome at the end of " + day);
        }
        return new Visit(day, citizen.id(), ticket, services, citizen.priority(), citizen.appointmentSlot().isPresent(),
                carried, citizen.arrival(), called, started, ended, outcome, counter, files, rating,
                predictedWait);
    }
}
