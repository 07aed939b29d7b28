package vn.motcua.hub.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.stream.IntStream;

/**
 * The number leases of one office day and the leased numbers already synced as offline tickets, in the order they
 * were granted and synced. Immutable: granting or syncing makes a new value, so a snapshot or an event can hold it.
 */
public record LeaseDay(LocalDate day, List<Lease> blocks, List<Synced> synced) {

    /** A leased number that came back as an offline ticket; it cannot be synced again. */
    public record Synced(String service, int number) {
    }

    public LeaseDay {
        blocks = List.copyOf(blocks);
        synced = List.copyOf(synced);
    }

    static LeaseDay none(LocalDate day) {
        return new LeaseDay(day, List.of(), List.of());
    }

    LeaseDay granting(Lease lease) {
        List<Lease> more = new ArrayList<>(blocks);
        more.add(lease);
        return new LeaseDay(day, more, synced);
    }

    LeaseDay syncing(String service, int number) {
        List<Synced> more = new ArrayList<>(synced);
        more.add(new Synced(service, number));
        return new LeaseDay(day, blocks, more);
    }

    /** The block of {@code device} for {@code service} that holds {@code number}. */
    Optional<Lease> blockOf(String device, String service, int number) {
        return blocks.stream().filter(l -> l.device().equals(device) && l.service().equals(service) && l.holds(number))
                .findFirst();
    }

    boolean wasSynced(String service, int number) {
        return synced.contains(new Synced(service, number));
    }

    /** How many numbers of {@code service} leased to {@code device} have not come back as offline tickets. */
    int unused(String device, String service) {
        return blocks.stream().filter(l -> l.device().equals(device) && l.service().equals(service))
                .mapToInt(l -> (int) IntStream.rangeClosed(l.first(), l.last())
                        .filter(n -> !wasSynced(service, n)).count())
                .sum();
    }

    /**
     * The lowest number leased for {@code service}: blocks are cut from the top of the service's numbers downwards,
     * so everything from here up is leased and the online numbers must stay below it.
     */
    OptionalInt lowestLeased(String service) {
        return blocks.stream().filter(l -> l.service().equals(service)).mapToInt(Lease::first).min();
    }
}
