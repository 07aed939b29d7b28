package vn.motcua.hub.engine.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;

/**
 * The common baseline: each counter is dedicated to its first service and calls that service's tickets strictly in
 * issue order. Priority citizens get no head start (offices usually send them to a priority counter instead).
 */
public final class FifoDedicatedPolicy implements AllocationPolicy {

    @Override
    public String name() {
        return "fifo-dedicated";
    }

    @Override
    public Optional<Choice> choose(Office.Counter counter, Collection<Ticket> waiting, Instant now) {
        String dedicated = counter.services().getFirst();
        List<Ticket> queue = waiting.stream()
                .filter(t -> t.service().equals(dedicated) && Eligibility.mayServe(counter, t))
                .sorted(Comparator.comparing(Ticket::issuedAt).thenComparing(Ticket::label)).toList();
        return queue.stream().findFirst().map(t -> new Choice(t, () -> t.label() + ": first in line for " + dedicated
                + " (waited " + Eligibility.waitedMinutes(t, now) + " min, " + queue.size() + " waiting)"));
    }
}
