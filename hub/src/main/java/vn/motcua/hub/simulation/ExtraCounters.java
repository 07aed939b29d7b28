package vn.motcua.hub.simulation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.Stream;

import vn.motcua.hub.site.Office;

/**
 * Counters the staffing planner may add where the office's own cannot meet the target: {@code perSkillSet} copies of
 * each distinct skill list among the office's counters (an officer trained like the one at counter 1, say), numbered
 * after its highest counter. The planner answers "how many more counters, with which skills, and when" with them;
 * copies of a skill list are interchangeable, so it only ever tries the first one not yet staffed.
 *
 * @param office the office with the extra counters appended (never staffed unless a schedule says so)
 * @param models extra counter number → the office's own counter whose skills it copies, in number order
 */
record ExtraCounters(Office office, SortedMap<Integer, Integer> models) {

    static ExtraCounters add(Office office, int perSkillSet) {
        if (perSkillSet < 0) {
            throw new IllegalArgumentException("extra counters per skill set must be 0 or more, was " + perSkillSet);
        }
        Map<List<String>, Integer> firstWithSkills = new LinkedHashMap<>();
        office.counters().forEach(c -> firstWithSkills.putIfAbsent(c.services(), c.number()));
        int next = office.counters().stream().mapToInt(Office.Counter::number).max().orElse(0) + 1;
        SortedMap<Integer, Integer> models = new TreeMap<>();
        List<Office.Counter> added = new ArrayList<>();
        for (Map.Entry<List<String>, Integer> skills : firstWithSkills.entrySet()) {
            for (int i = 0; i < perSkillSet; i++, next++) {
                models.put(next, skills.getValue());
                added.add(new Office.Counter(next, skills.getKey()));
            }
        }
        if (added.isEmpty()) {
            return new ExtraCounters(office, models);
        }
        return new ExtraCounters(office.withCounters(Stream.concat(office.counters().stream(), added.stream()).toList()),
                models);
    }

    boolean isExtra(int counter) {
        return models.containsKey(counter);
    }

    /** The office's own counters, in number order. */
    List<Integer> own() {
        return office.counters().stream().map(Office.Counter::number).filter(n -> !isExtra(n)).sorted().toList();
    }

    /** Per copied skill list, the first extra counter not staffed in the half hour: the only one worth trying. */
    List<Integer> firstFree(Staffing staffing, int halfHour) {
        Map<Integer, Integer> byModel = new LinkedHashMap<>();
        models.forEach((extra, model) -> {
            if (!staffing.staffed(extra, halfHour)) {
                byModel.putIfAbsent(model, extra);
            }
        });
        return List.copyOf(byModel.values());
    }
}
