package vn.motcua.hub.simulation;

import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

import vn.motcua.hub.predict.AverageOverCounters;
import vn.motcua.hub.predict.ConfiguredServiceTimes;
import vn.motcua.hub.predict.ForwardSimulation;
import vn.motcua.hub.predict.PredictionErrors;
import vn.motcua.hub.predict.QueueLength;
import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;

/**
 * Every wait predictor on one simulation run: the estimate each made when a ticket was issued against the wait the
 * citizen then had until the first call. Only served visits count (a no-show's or a cancelled citizen's wait to
 * call is not what they waited, and an unserved one has none); carried-over visits have no estimate of today.
 */
public record PredictorStudy(Peak peak, List<Row> rows) {

    /**
     * The peak the study looks at apart: the two hours, on the half-hour grid of the profile's
     * {@code arrivalsByHalfHour}, that bring the largest share of the day's arrivals (the earliest such window on a
     * tie) — 08:00-10:00 for the sample district office. Tickets issued from {@code from} to before {@code to}.
     */
    public record Peak(LocalTime from, LocalTime to) {

        private static final int HALF_HOURS = 4;

        static Peak of(Office office) {
            TreeMap<LocalTime, Double> shares = new TreeMap<>(office.arrivalsByHalfHour());
            LocalTime best = shares.isEmpty() ? office.hours().getFirst().start() : shares.firstKey();
            double most = -1;
            for (LocalTime from : shares.keySet()) {
                LocalTime to = from.plusMinutes(30L * HALF_HOURS);
                double share = to.isAfter(from) ? shares.subMap(from, to).values().stream().mapToDouble(d -> d).sum() : 0;
                if (share > most) {
                    most = share;
                    best = from;
                }
            }
            return new Peak(best, best.plusMinutes(30L * HALF_HOURS));
        }

        boolean contains(LocalTime time) {
            return !time.isBefore(from) && time.isBefore(to);
        }

        @Override
        public String toString() {
            return from + "-" + to;
        }
    }

    /** One predictor's errors over the whole run and over the peak. */
    public record Row(String predictor, PredictionErrors all, PredictionErrors peak) {
    }

    public PredictorStudy {
        rows = List.copyOf(rows);
    }

    /** The baselines of issue 5, asked beside the engine, whose own estimate the simulator records as (c). */
    static List<WaitPredictor> baselines(Office office) {
        ConfiguredServiceTimes means = new ConfiguredServiceTimes(office);
        return List.of(new AverageOverCounters(means), new QueueLength(means));
    }

    /** The names of the estimates a run with {@code baselines} records: theirs, then the engine's. */
    static List<String> names(List<WaitPredictor> baselines) {
        List<String> names = new ArrayList<>(baselines.stream().map(WaitPredictor::name).toList());
        names.add(ForwardSimulation.NAME);
        return names;
    }

    public static PredictorStudy run(Office office, SimulationOptions options) {
        List<WaitPredictor> baselines = baselines(office);
        return of(office, OfficeSimulator.run(office, options, baselines).visits(), names(baselines));
    }

    static PredictorStudy of(Office office, List<Visit> visits, List<String> predictors) {
        Peak window = Peak.of(office);
        List<Row> rows = new ArrayList<>();
        for (String name : predictors) {
            List<PredictionErrors.Pair> all = new ArrayList<>();
            List<PredictionErrors.Pair> peak = new ArrayList<>();
            visits.stream().filter(v -> v.outcome() == Visit.Outcome.SERVED && v.predictedWait().containsKey(name))
                    .forEach(v -> {
                        PredictionErrors.Pair pair = new PredictionErrors.Pair(v.predictedWait().get(name),
                                v.waited().orElseThrow().toMillis() / 60_000.0);
                        all.add(pair);
                        LocalTime issued = v.arrival().atZone(office.zone()).toLocalTime();
                        if (window.contains(issued)) {
                            peak.add(pair);
                        }
                    });
            rows.add(new Row(name, PredictionErrors.of(all), PredictionErrors.of(peak)));
        }
        return new PredictorStudy(window, rows);
    }
}
