package vn.motcua.hub.simulation;

import java.util.Locale;

/** A {@link PredictabilityBound} for a terminal: the predictor table on the studied tickets, then the bound. */
final class PredictabilityTable {

    private PredictabilityTable() {
    }

    static String of(String office, String run, PredictabilityBound bound) {
        return PredictorTable.of(office, run, bound.study()) + "\n" + String.format(Locale.ROOT,
                "Tốt nhất có thể / best possible, in-sample: ±5 min %.0f%% (%s–%s: %.0f%%), MAE %.1f%n",
                100 * bound.windowMass(), bound.study().peak().from(), bound.study().peak().to(),
                100 * bound.windowMassAtPeak(), bound.medianAbsoluteDeviation());
    }
}
