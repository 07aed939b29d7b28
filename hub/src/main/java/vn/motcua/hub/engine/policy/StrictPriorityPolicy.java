package vn.motcua.hub.engine.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;

/**
 * Priority citizens always first, then everyone in issue order, across all the counter's services. Simple and
 * unbounded: a steady stream of priority tickets can hold regular citizens back without limit.
 */
public final class StrictPriorityPolicy implements AllocationPolicy {

    @Override
    public String name() {
        return "strict-priority";
    }

    @Override
    public Optional<Choice> choose(Office.Counter counter, Collection<Ticket> waiting, Instant now) {
        List<Ticket> queue = waiting.stream().filter(t -> Eligibility.mayServe(counter, t))
                .sorted(Comparator.comparing((Ticket t) -> t.priority().isEmpty())
                        .thenComparing(Ticket::issuedAt).thenComparing(Ticket::label)).toList();
        return queue.stream().findFirst().map(t -> new Choice(t, () -> t.label() + ": "
                + t.priority().map(p -> "priority " + p + ", ").orElse("no priority waiting, ")
                + "waited " + Eligibility.waitedMinutes(t, now) + " min, first of " + queue.size()));
    }
}
