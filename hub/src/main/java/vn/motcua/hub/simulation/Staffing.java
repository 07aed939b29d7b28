package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collection;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;

/**
 * Which counters are staffed in each half hour of the office's opening hours ({@link #halfHours}). A counter signs in
 * at the start of each stretch of consecutive staffed half hours and signs out when it comes free after the stretch;
 * consecutive means consecutive half hours of opening time, so a counter staffed at 11:00 and 13:30 stays signed in
 * over lunch as every counter does today. Immutable; {@code with…} methods give changed copies.
 */
public final class Staffing {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private final List<LocalTime> halfHours;
    /** Counter number → the indexes (into {@link #halfHours}) of the half hours it is staffed. */
    private final SortedMap<Integer, BitSet> staffed;

    private Staffing(List<LocalTime> halfHours, SortedMap<Integer, BitSet> staffed) {
        this.halfHours = halfHours;
        this.staffed = staffed;
    }

    /** Every configured counter in every half hour: the office as its profile describes it. */
    public static Staffing allDay(Office office) {
        return only(office, office.counters().stream().map(Office.Counter::number).toList());
    }

    /**
     * The given counters in every half hour, the others never.
     *
     * @throws IllegalArgumentException for a number that is not a counter of the office
     */
    public static Staffing only(Office office, Collection<Integer> counters) {
        List<LocalTime> halfHours = halfHours(office);
        SortedMap<Integer, BitSet> staffed = new TreeMap<>();
        office.counters().forEach(c -> staffed.put(c.number(), new BitSet()));
        for (int number : counters) {
            if (!staffed.containsKey(number)) {
                throw new IllegalArgumentException("office " + office.id() + " has no counter " + number + " (its counters: "
                        + staffed.keySet() + ")");
            }
            staffed.get(number).set(0, halfHours.size());
        }
        return new Staffing(halfHours, staffed);
    }

    /**
     * The starts of the half hours of opening time: each opening period cut in half hours from its start (the last
     * piece of a period may be shorter).
     */
    public static List<LocalTime> halfHours(Office office) {
        List<LocalTime> starts = new ArrayList<>();
        for (Office.Period period : office.hours()) {
            for (LocalTime t = period.start(); t.isBefore(period.end()) && !t.isBefore(period.start()); t = t.plus(HALF_HOUR)) {
                starts.add(t);
            }
        }
        return List.copyOf(starts);
    }

    /** The end of the half hour starting at {@code start}: half an hour on, or its opening period's end if sooner. */
    public static LocalTime halfHourEnd(Office office, LocalTime start) {
        LocalTime end = start.plus(HALF_HOUR);
        return office.hours().stream().filter(p -> p.contains(start)).map(Office.Period::end)
                .filter(periodEnd -> periodEnd.isBefore(end)).findFirst().orElse(end);
    }

    public List<LocalTime> halfHours() {
        return halfHours;
    }

    public List<Integer> counters() {
        return List.copyOf(staffed.keySet());
    }

    public boolean staffed(int counter, int halfHour) {
        return staffed.get(counter).get(halfHour);
    }

    /** The counters staffed in a half hour, in number order. */
    public List<Integer> staffedIn(int halfHour) {
        return staffed.keySet().stream().filter(c -> staffed(c, halfHour)).toList();
    }

    /** Staffed counter half hours over the day. */
    public int counterHalfHours() {
        return staffed.values().stream().mapToInt(BitSet::cardinality).sum();
    }

    /** A copy with the counter staffed (or not) in the half hour. */
    public Staffing with(int counter, int halfHour, boolean on) {
        SortedMap<Integer, BitSet> copy = copy();
        copy.get(counter).set(halfHour, on);
        return new Staffing(halfHours, copy);
    }

    /** A copy with exactly these counters in the half hour. */
    public Staffing withOnly(int halfHour, Collection<Integer> counters) {
        SortedMap<Integer, BitSet> copy = copy();
        copy.forEach((number, bits) -> bits.set(halfHour, counters.contains(number)));
        return new Staffing(halfHours, copy);
    }

    /** The counter's stretches of consecutive staffed half hours, each as {first index, last index + 1}. */
    List<int[]> stretches(int counter) {
        BitSet bits = staffed.get(counter);
        List<int[]> runs = new ArrayList<>();
        for (int from = bits.nextSetBit(0); from >= 0; from = bits.nextSetBit(bits.nextClearBit(from))) {
            runs.add(new int[] {from, bits.nextClearBit(from)});
        }
        return runs;
    }

    private SortedMap<Integer, BitSet> copy() {
        SortedMap<Integer, BitSet> copy = new TreeMap<>();
        staffed.forEach((number, bits) -> copy.put(number, (BitSet) bits.clone()));
        return copy;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Staffing other && halfHours.equals(other.halfHours) && staffed.equals(other.staffed);
    }

    @Override
    public int hashCode() {
        return staffed.hashCode();
    }

    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        IntStream.range(0, halfHours.size()).forEach(i -> out.append(halfHours.get(i)).append(staffedIn(i)).append(' '));
        return out.toString().trim();
    }
}
