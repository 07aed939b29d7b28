package vn.motcua.hub.simulation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

/**
 * Every allocation policy run on the same office days (same seed, so the same citizens: the simulator draws them
 * from their own stream), plus the fully pooled lower bound: the same citizens on an office whose every counter
 * serves every service, under effective-wait.
 *
 * @param rows one row per policy in {@link AllocationPolicy#NAMES} order, the pooled bound last
 */
public record PolicyComparison(List<Row> rows) {

    /** The policy the pooled bound runs under. */
    static final String POOLED_POLICY = "effective-wait";

    /** One policy's run; {@code pooled} marks the lower-bound row. */
    public record Row(String policy, boolean pooled, SimulationResult result) {

        public Summary summary() {
            return result.summary();
        }

        /** Busy ÷ open over every counter: the counters are open the same office hours, so the mean of their shares. */
        public double utilisation() {
            return summary().counters().stream().mapToDouble(Summary.CounterSummary::utilisation).average().orElse(0);
        }

        public double filesPerOfficerPerDay() {
            return summary().counters().stream().mapToDouble(Summary.CounterSummary::filesPerDay).average().orElse(0);
        }
    }

    public PolicyComparison {
        rows = List.copyOf(rows);
    }

    /** @throws IllegalArgumentException when the options or the office cannot be simulated */
    public static PolicyComparison run(Office office, SimulationOptions options) {
        List<Row> rows = new ArrayList<>();
        for (String name : AllocationPolicy.NAMES) {
            rows.add(new Row(name, false, OfficeSimulator.run(office, options.withPolicy(name))));
        }
        rows.add(new Row(POOLED_POLICY, true, OfficeSimulator.run(pooled(office), options.withPolicy(POOLED_POLICY))));
        return new PolicyComparison(rows);
    }

    public Row pooledBound() {
        return rows.getLast();
    }

    /** {@code row}'s mean wait ÷ the pooled bound's (1.0 = as good as full pooling). */
    public double relativeToPooled(Row row) {
        return row.summary().waits().mean() / pooledBound().summary().waits().mean();
    }

    /**
     * {@code office} with every counter serving every service: its own services first, then the others in the
     * profile's order. Skill steps are zeroed because in the bound no counter should prefer any service: a step would
     * turn the appended services into a lower class and measure a preference, not pooling.
     */
    static Office pooled(Office office) {
        List<String> all = office.services().stream().map(Office.Service::code).toList();
        List<Office.Counter> counters = office.counters().stream()
                .map(c -> new Office.Counter(c.number(), Stream.concat(c.services().stream(),
                        all.stream().filter(s -> !c.services().contains(s))).toList()))
                .toList();
        Rules r = office.rules();
        Rules rules = new Rules(r.priorityClasses(), r.ratingLevels(), r.ratingWindow(), r.recallsBeforeNoShow(),
                r.undoWindow(), r.closingRule(), r.starvationCap(), Duration.ZERO, r.appointmentEarly(),
                r.appointmentLate(), r.policy(), r.offlinePrinting(), r.offlineLeaseMax(), r.lastCallBeforeClose(), r.shortJobHeadStart(), r.unitLimits());
        return office.withCounters(counters).withRules(rules);
    }
}
