package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

import vn.motcua.hub.site.Office;

/**
 * The waits of the citizens arriving in each half hour of opening time ({@link Staffing#halfHours}), over a run, and a
 * percentile of them: what the staffing planner holds against its target. A citizen never called (unserved at
 * closing, turned away, gave up) counts as waiting until the counters stopped calling that day, a lower bound, so a
 * schedule that leaves people unserved cannot look good. Carried-over visits are left out: they were counted, as
 * unserved, on the day they came.
 */
final class HalfHourWaits {

    private final List<double[]> minutes;

    private HalfHourWaits(List<double[]> minutes) {
        this.minutes = minutes;
    }

    static HalfHourWaits of(Office office, SimulationOptions options, List<Visit> visits) {
        List<LocalTime> halfHours = Staffing.halfHours(office);
        List<List<Double>> bySlot = new ArrayList<>();
        halfHours.forEach(h -> bySlot.add(new ArrayList<>()));
        LocalTime lastEnd = office.hours().getLast().end();
        for (Visit visit : visits) {
            if (visit.carried()) {
                continue;
            }
            LocalTime arrived = visit.arrival().atZone(office.zone()).toLocalTime();
            int slot = slotOf(halfHours, arrived);
            Instant closing = ZonedDateTime.of(visit.day(), lastEnd, office.zone()).toInstant().plus(options.overtime());
            Duration waited = visit.waited().orElseGet(() -> Duration.between(visit.arrival(), closing));
            bySlot.get(slot).add(Math.max(0, waited.toNanos() / 60e9));
        }
        return new HalfHourWaits(bySlot.stream().map(l -> l.stream().mapToDouble(Double::doubleValue).sorted().toArray())
                .toList());
    }

    /** The last half hour starting at or before the time (arrivals all fall in opening time). */
    private static int slotOf(List<LocalTime> halfHours, LocalTime time) {
        int slot = 0;
        for (int i = 0; i < halfHours.size() && !halfHours.get(i).isAfter(time); i++) {
            slot = i;
        }
        return slot;
    }

    int halfHours() {
        return minutes.size();
    }

    /** How many citizens arrived in the half hour over the run. */
    int arrivals(int halfHour) {
        return minutes.get(halfHour).length;
    }

    /** The nearest-rank percentile ({@code share} 0.95 for p95) of the half hour's waits in minutes; 0 with nobody. */
    double percentile(int halfHour, double share) {
        double[] sorted = minutes.get(halfHour);
        return sorted.length == 0 ? 0 : WaitStats.rank(sorted, share);
    }
}
