package vn.motcua.hub.engine.policy;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;

/**
 * Decides which waiting citizen a counter calls next. Pure: the same inputs give the same choice. The engine asks
 * it on "call next"; the office simulator runs the same policies to compare them.
 */
public interface AllocationPolicy {

    /** The name recorded with every call, e.g. {@code effective-wait}. */
    String name();

    /**
     * The ticket {@code counter} should call among {@code waiting} (the waiting tickets of at least the counter's
     * services, in no promised order; the policy decides which the counter may serve), with the reason, or empty
     * when it may serve none of them.
     */
    Optional<Choice> choose(Office.Counter counter, Collection<Ticket> waiting, Instant now);

    /** The policy an office's rules name. */
    static AllocationPolicy of(Office office) {
        return named(office.rules().policy(), office);
    }

    /**
     * The policy called {@code name} under {@code office}'s rules and services, e.g. for the simulator to compare
     * policies on one office.
     *
     * @throws IllegalArgumentException for a name that is none of {@link #NAMES}
     */
    static AllocationPolicy named(String name, Office office) {
        return switch (name) {
            case "effective-wait" -> new EffectiveWaitPolicy(office.rules(), office.services());
            case "fifo-dedicated" -> new FifoDedicatedPolicy();
            case "strict-priority" -> new StrictPriorityPolicy();
            default -> throw new IllegalArgumentException("no allocation policy \"" + name + "\"; use one of " + NAMES);
        };
    }

    /** The policies built, by name. */
    List<String> NAMES = List.of("effective-wait", "fifo-dedicated", "strict-priority");
}
