package vn.motcua.hub.simulation;

import java.util.List;

/** Every visit and every counter-day of a simulation run, in the order they happened. */
public record SimulationResult(List<Visit> visits, List<CounterDay> counters) {

    public SimulationResult {
        visits = List.copyOf(visits);
        counters = List.copyOf(counters);
    }

    public Summary summary() {
        return Summary.of(visits, counters);
    }
}
