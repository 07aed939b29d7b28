package vn.motcua.hub.simulation;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What a run comes to. The headline waits are over every visit with a ticket: to the first call, or, for a citizen
 * never called (unserved at closing, or gave up), until the visit ended, a censored wait counted as such. Carried-over
 * visits are left out (their wait spans a night); turned-away citizens never queued.
 *
 * @param waits         every visit with a ticket, never-called ones censored at their end
 * @param calledWaits   only the visits that were called (the figure before censored waits were counted)
 * @param priorityWaits visits of citizens with a priority class, never-called ones censored as in {@code waits}
 * @param counters      per counter over the run: utilisation (busy ÷ opening time) and files per day
 */
public record Summary(int days, int visits, Map<Visit.Outcome, Integer> outcomes, int carriedIn, int rated,
                      WaitStats waits, WaitStats calledWaits, WaitStats priorityWaits,
                      List<CounterSummary> counters) {

    /** One counter over the run. */
    public record CounterSummary(int counter, double utilisation, double filesPerDay, int breaks) {
    }

    public Summary {
        outcomes = Map.copyOf(outcomes);
        counters = List.copyOf(counters);
    }

    static Summary of(List<Visit> visits, List<CounterDay> counterDays) {
        List<Visit> own = visits.stream().filter(v -> !v.carried()).toList();
        Map<Visit.Outcome, Integer> outcomes = new TreeMap<>();
        for (Visit.Outcome outcome : Visit.Outcome.values()) {
            outcomes.put(outcome, (int) visits.stream().filter(v -> v.outcome() == outcome).count());
        }
        int days = (int) counterDays.stream().map(CounterDay::day).distinct().count();
        Map<Integer, List<CounterDay>> byCounter = counterDays.stream()
                .collect(Collectors.groupingBy(CounterDay::counter, TreeMap::new, Collectors.toList()));
        List<CounterSummary> counters = byCounter.entrySet().stream().map(e -> new CounterSummary(e.getKey(),
                (double) sum(e.getValue(), CounterDay::busy).toNanos() / sum(e.getValue(), CounterDay::open).toNanos(),
                e.getValue().stream().mapToInt(CounterDay::files).sum() / (double) e.getValue().size(),
                e.getValue().stream().mapToInt(CounterDay::breaks).sum())).toList();
        return new Summary(days, own.size(), outcomes, visits.size() - own.size(),
                (int) visits.stream().filter(v -> v.rating().isPresent()).count(),
                WaitStats.observed(own), WaitStats.called(own),
                WaitStats.observed(own.stream().filter(v -> v.priority().isPresent()).toList()),
                counters);
    }

    public int count(Visit.Outcome outcome) {
        return outcomes.getOrDefault(outcome, 0);
    }

    private static Duration sum(List<CounterDay> days, Function<CounterDay, Duration> part) {
        return days.stream().map(part).reduce(Duration.ZERO, Duration::plus);
    }
}
