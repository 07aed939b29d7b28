package vn.motcua.hub.simulation;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** A list of counter numbers as an administrator writes it on the command line: {@code 1-6,10}. */
final class CounterList {

    private CounterList() {
    }

    /**
     * The numbers, ascending and without repeats.
     *
     * @throws IllegalArgumentException for anything but comma-separated numbers and ranges {@code a-b} with a ≤ b
     */
    static List<Integer> parse(String text) {
        TreeSet<Integer> numbers = new TreeSet<>();
        for (String part : text.split(",", -1)) {
            String item = part.strip();
            String[] range = item.split("-", -1);
            try {
                if (range.length == 1) {
                    numbers.add(Integer.parseInt(item));
                } else if (range.length == 2) {
                    int from = Integer.parseInt(range[0].strip());
                    int to = Integer.parseInt(range[1].strip());
                    if (from > to) {
                        throw new IllegalArgumentException("counter range " + item + " runs backwards; write " + to + "-" + from);
                    }
                    for (int n = from; n <= to; n++) {
                        numbers.add(n);
                    }
                } else {
                    throw new NumberFormatException();
                }
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--counters: '" + item + "' is not a counter number or range "
                        + "(write e.g. 1-6,10)");
            }
        }
        return new ArrayList<>(numbers);
    }
}
