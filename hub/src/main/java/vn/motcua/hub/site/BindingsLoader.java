package vn.motcua.hub.site;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.protocol.message.Codes;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.topic.Topics;

/**
 * Reads the {@code units} and {@code staff} sections of an office profile. They come together: a profile with
 * neither binds nothing (the hub then serves it only with {@code --allow-unbound-units}), one with only one of them is
 * an error, since a unit list without staff could sign nobody in and a staff list without units would check nothing.
 */
final class BindingsLoader {

    private BindingsLoader() {
    }

    static Optional<Bindings> bindings(JsonNode root, List<Office.Counter> counters) {
        if (root.get("units") == null && root.get("staff") == null) {
            return Optional.empty();
        }
        if (root.get("units") == null || root.get("staff") == null) {
            throw new OfficeConfigException("units and staff come together: a profile lists both or neither");
        }
        Set<Integer> numbers = new HashSet<>();
        counters.forEach(c -> numbers.add(c.number()));
        return Optional.of(Bindings.of(units(OfficeLoader.array(root, "units"), numbers),
                staff(OfficeLoader.array(root, "staff"), numbers)));
    }

    private static List<Bindings.Unit> units(JsonNode array, Set<Integer> known) {
        List<Bindings.Unit> units = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "units[" + i + "]";
            JsonNode node = array.get(i);
            String id = OfficeLoader.text(node, at + ".id");
            if (!Topics.isValidName(id)) {
                throw new OfficeConfigException(at + ".id must be lower-case letters, digits, '-' or '_' (at most 48),"
                        + " was \"" + id + "\"");
            }
            if (!ids.add(id)) {
                throw new OfficeConfigException(at + ".id \"" + id + "\" is listed twice");
            }
            Set<Role> roles = roles(OfficeLoader.array(node, at + ".roles"), at + ".roles");
            Set<Integer> counters = Set.of();
            if (roles.contains(Role.COUNTER)) {
                if (node.get("counters") == null) {
                    throw new OfficeConfigException(at + " has role COUNTER but no counters: list the counters it acts for");
                }
                counters = counters(node, at + ".counters", known);
            } else if (node.get("counters") != null) {
                throw new OfficeConfigException(at + ".counters is only for units with role COUNTER");
            }
            units.add(new Bindings.Unit(id, roles, counters));
        }
        if (units.isEmpty()) {
            throw new OfficeConfigException("units must list at least one unit");
        }
        return units;
    }

    private static Set<Role> roles(JsonNode array, String field) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (JsonNode role : array) {
            Role named = switch (role.asText()) {
                case "KIOSK" -> Role.KIOSK;
                case "COUNTER" -> Role.COUNTER;
                case "DISPLAY" -> Role.DISPLAY;
                default -> throw new OfficeConfigException(field + " has \"" + role.asText()
                        + "\"; use KIOSK, COUNTER or DISPLAY");
            };
            if (!roles.add(named)) {
                throw new OfficeConfigException(field + " lists " + named + " twice");
            }
        }
        if (roles.isEmpty()) {
            throw new OfficeConfigException(field + " must name at least one role");
        }
        return roles;
    }

    private static List<Bindings.Officer> staff(JsonNode array, Set<Integer> known) {
        List<Bindings.Officer> staff = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "staff[" + i + "]";
            JsonNode node = array.get(i);
            String code = OfficeLoader.text(node, at + ".code");
            if (!Codes.isOfficer(code)) {
                throw new OfficeConfigException(at + ".code must be a staff code: a letter or digit, then up to 31"
                        + " letters, digits, '.', '_' or '-', was \"" + code + "\"");
            }
            if (!codes.add(code)) {
                throw new OfficeConfigException(at + ".code \"" + code + "\" is listed twice");
            }
            Optional<String> name = node.get("name") == null ? Optional.empty()
                    : Optional.of(OfficeLoader.text(node, at + ".name"));
            Set<Integer> counters = node.get("counters") == null ? Set.of() : counters(node, at + ".counters", known);
            staff.add(new Bindings.Officer(code, name, counters));
        }
        if (staff.isEmpty()) {
            throw new OfficeConfigException("staff must list at least one officer");
        }
        return staff;
    }

    private static Set<Integer> counters(JsonNode parent, String field, Set<Integer> known) {
        Set<Integer> counters = new HashSet<>();
        for (JsonNode counter : OfficeLoader.array(parent, field)) {
            if (!counter.isIntegralNumber() || !known.contains(counter.asInt())) {
                throw new OfficeConfigException(field + " names unknown counter " + counter
                        + ": use the numbers of counters[].no");
            }
            if (!counters.add(counter.asInt())) {
                throw new OfficeConfigException(field + " lists counter " + counter.asInt() + " twice");
            }
        }
        if (counters.isEmpty()) {
            throw new OfficeConfigException(field + " must name at least one counter");
        }
        return counters;
    }
}
