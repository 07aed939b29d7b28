package vn.motcua.hub.predict;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import vn.motcua.hub.site.Office;

/**
 * The citizens not yet in the queue who will nevertheless be called before most of it: tickets coming back for a
 * next service or after a transfer, which keep their first issue time and so rank as long waiters. They come at the
 * rate seen so far today ({@link ServiceTimeLearner#jumpRate}); the forward simulation lets a counter take one of
 * them, before asking the policy, as soon as the expected number of them since now has reached one more than it
 * already took (rounded: {@link #DUE}). A fluid, deterministic stand-in for random arrivals.
 *
 * <p>Priority and appointment tickets are not counted: their head start is bounded, and under the starvation cap
 * the longest waiters go first anyway, so treating them as jumping everyone measured clearly worse (district MAE
 * 8.9 → 11.6 min, bias −5.6 → +3.3; docs/benchmarks.md S2).
 */
final class Jumpers {

    /** A jumper is due once this much of one is expected beyond those already taken. */
    static final double DUE = 0.5;

    private final ServiceTimeLearner times;
    private final OpeningHours hours;
    private final Instant now;
    private final Map<String, Integer> taken = new HashMap<>();

    Jumpers(ServiceTimeLearner times, OpeningHours hours, Instant now) {
        this.times = times;
        this.hours = hours;
        this.now = now;
    }

    /** The service of a jumper due at {@code counter} at {@code at}, in the counter's skill order; taken if so. */
    Optional<String> due(Office.Counter counter, Instant at) {
        double open = hours.openMinutes(now, at);
        if (open <= 0) {
            return Optional.empty();
        }
        for (String service : counter.services()) {
            double expected = times.jumpRate(service, now) * open;
            if (expected - taken.getOrDefault(service, 0) >= DUE) {
                taken.merge(service, 1, Integer::sum);
                return Optional.of(service);
            }
        }
        return Optional.empty();
    }
}
