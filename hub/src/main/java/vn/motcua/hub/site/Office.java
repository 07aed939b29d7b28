package vn.motcua.hub.site;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.motcua.protocol.topic.Topics;

/**
 * One office as its profile file describes it (the format of {@code config/offices/*.json}): identity, opening
 * hours, services, counters, the arrival profile the simulator uses, and which units and officers may act there
 * ({@code bindings}; empty when the profile has no {@code units} and {@code staff} sections). Immutable and validated
 * by {@link OfficeLoader}.
 */
public record Office(String id, String name, ZoneId zone, List<Period> hours, Set<DayOfWeek> days, int visitsPerDay,
                     List<Service> services, List<Counter> counters, double priorityShare, double appointmentShare,
                     double noShowShare, Map<LocalTime, Double> arrivalsByHalfHour, Rules rules,
                     Optional<Bindings> bindings) {

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
                noShowShare, arrivalsByHalfHour, rules, bindings);
    }

    /** The same office under other rules. */
    public Office withRules(Rules others) {
        return new Office(id, name, zone, hours, days, visitsPerDay, services, counters, priorityShare, appointmentShare,
                noShowShare, arrivalsByHalfHour, others, bindings);
    }

    /** The same office with these units and staff bound (the demo binds the units it starts). */
    public Office withBindings(Bindings others) {
        return new Office(id, name, zone, hours, days, visitsPerDay, services, counters, priorityShare, appointmentShare,
                noShowShare, arrivalsByHalfHour, rules, Optional.of(others));
    }

    /**
     * Whether {@code deviceId} is one of the office's units: listed in its bindings, or, for a profile that binds
     * nothing, any valid device id.
     */
    public boolean isUnit(String deviceId) {
        return bindings.map(b -> b.unit(deviceId).isPresent()).orElseGet(() -> Topics.isValidName(deviceId));
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
