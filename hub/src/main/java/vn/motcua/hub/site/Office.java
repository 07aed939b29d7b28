package vn.motcua.hub.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One office as its profile file describes it (the format of {@code config/offices/*.json}): identity, opening
 * hours, services, counters and the arrival profile the simulator uses. Immutable and validated by
 * {@link OfficeLoader}.
 */
public record Office(String id, String name, ZoneId zone, List<Period> hours, Set<DayOfWeek> days, int visitsPerDay,
                     List<Service> services, List<Counter> counters, double priorityShare, double appointmentShare,
                     double noShowShare, Map<LocalTime, Double> arrivalsByHalfHour, Rules rules) {

    public Office {
        hours = List.copyOf(hours);
        days = Set.copyOf(days);
        services = List.copyOf(services);
        counters = List.copyOf(counters);
        arrivalsByHalfHour = Map.copyOf(arrivalsByHalfHour);
    }

    /** The same office with other counters (the simulator's pooled bound, the planner's extra counters). */
    public Office withCounters(List<Counter> others) {
        return new Office(id, name, zone, hours, days, visitsPerDay, services, others, priorityShare, appointmentShare,
                noShowShare, arrivalsByHalfHour, rules);
    }

    /** The same office under other rules. */
    public Office withRules(Rules others) {
        return new Office(id, name, zone, hours, days, visitsPerDay, services, counters, priorityShare, appointmentShare,
                noShowShare, arrivalsByHalfHour, others);
    }

    /** A span of opening hours, e.g. 07:30-11:30. */
    public record Period(LocalTime start, LocalTime end) {
        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    /**
     * A service area with its ticket prefix, the numbers its tickets run through each day, and the mean minutes
     * one file takes.
     */
    public record Service(String code, String prefix, String nameVi, String nameEn, double share, double meanMinutes,
                          int firstNumber, int lastNumber) {
    }

    /** A counter and the services it serves, in preference order (its skills). */
    public record Counter(int number, List<String> services) {
        public Counter {
            services = List.copyOf(services);
        }
    }

    public Optional<Service> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Counter> counter(int number) {
        return counters.stream().filter(c -> c.number() == number).findFirst();
    }
}
