package vn.motcua.hub.site;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import vn.motcua.protocol.message.Role;

/**
 * Who may act at an office, from its profile's {@code units} and {@code staff} sections: each unit's id with its
 * roles and, for a counter unit, the counters it acts for; each officer's staff code with the counters they may work
 * at. A unit or officer not listed may do nothing. Validated by {@link OfficeLoader}.
 */
public record Bindings(Map<String, Unit> units, Map<String, Officer> staff) {

    public Bindings {
        units = Map.copyOf(units);
        staff = Map.copyOf(staff);
    }

    /** Bindings of these units and officers, keyed by id and code. */
    public static Bindings of(List<Unit> units, List<Officer> staff) {
        Map<String, Unit> byId = new LinkedHashMap<>();
        units.forEach(unit -> byId.put(unit.id(), unit));
        Map<String, Officer> byCode = new LinkedHashMap<>();
        staff.forEach(officer -> byCode.put(officer.code(), officer));
        return new Bindings(byId, byCode);
    }

    public Optional<Unit> unit(String id) {
        return Optional.ofNullable(units.get(id));
    }

    /** Staff codes are compared exactly, case included, as the wire keeps them (docs/protocol.md §7). */
    public Optional<Officer> officer(String code) {
        return Optional.ofNullable(staff.get(code));
    }

    /** A unit: its device id (the MQTT client id and topic level), its roles, the counters it acts for. */
    public record Unit(String id, Set<Role> roles, Set<Integer> counters) {
        public Unit {
            roles = Set.copyOf(roles);
            counters = Set.copyOf(counters);
        }

        public boolean actsFor(int counter) {
            return roles.contains(Role.COUNTER) && counters.contains(counter);
        }
    }

    /**
     * An officer: the staff code they sign in with, their name for people (optional), and the counters they may work
     * at; {@code counters} empty means any counter of the office.
     */
    public record Officer(String code, Optional<String> name, Set<Integer> counters) {
        public Officer {
            counters = Set.copyOf(counters);
        }

        public boolean mayWorkAt(int counter) {
            return counters.isEmpty() || counters.contains(counter);
        }
    }
}
