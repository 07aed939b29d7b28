package vn.motcua.hub.site;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import vn.motcua.protocol.message.Codes;
import vn.motcua.protocol.topic.Topics;

/**
 * Reads an office profile file and says exactly what is wrong when it cannot: the field path and the problem,
 * and for JSON syntax errors the line and column. The format is the one of the sample offices in
 * {@code config/offices/} (documented in docs/configuration.md).
 */
public final class OfficeLoader {

    private static final ObjectMapper JSON = new ObjectMapper();

    private OfficeLoader() {
    }

    public static Office load(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new OfficeConfigException(file + ": cannot read: " + e.getMessage());
        }
        try {
            return parse(JSON.readTree(text));
        } catch (JsonProcessingException e) {
            throw new OfficeConfigException(file + ": not valid JSON at line " + e.getLocation().getLineNr()
                    + ", column " + e.getLocation().getColumnNr() + ": " + e.getOriginalMessage());
        } catch (OfficeConfigException e) {
            throw new OfficeConfigException(file + ": " + e.getMessage());
        }
    }

    static Office parse(JsonNode root) {
        JsonNode site = object(root, "site");
        String id = text(site, "site.id");
        if (!Topics.isValidName(id)) {
            throw new OfficeConfigException("site.id must be lower-case letters, digits, '-' or '_', was \"" + id + "\"");
        }
        ZoneId zone;
        try {
            zone = ZoneId.of(text(site, "site.timezone"));
        } catch (DateTimeException e) {
            throw new OfficeConfigException("site.timezone is not a time zone: " + site.get("timezone").asText());
        }
        List<Office.Service> services = services(array(root, "services"));
        List<Office.Counter> counters = counters(array(root, "counters"), services);
        return new Office(id, text(site, "site.name"), zone, hours(array(site, "site.hours")), days(array(site, "site.days")),
                positiveInt(root, "visitsPerDay"), services, counters, share(root, "priorityShare"),
                share(root, "appointmentShare"), share(root, "noShowShare"), arrivals(object(root, "arrivalsByHalfHour")),
                RulesLoader.rules(root.get("rules")), BindingsLoader.bindings(root, counters));
    }

    private static List<Office.Service> services(JsonNode array) {
        List<Office.Service> services = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        Set<String> prefixes = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "services[" + i + "]";
            JsonNode node = array.get(i);
            String code = text(node, at + ".code");
            if (!Codes.isCode(code)) {
                throw new OfficeConfigException(at + ".code must be an upper-case code like HT, was \"" + code + "\"");
            }
            String prefix = text(node, at + ".prefix");
            if (!Codes.isPrefix(prefix)) {
                throw new OfficeConfigException(at + ".prefix must be 1-4 letters or digits, was \"" + prefix + "\"");
            }
            if (!codes.add(code) || !prefixes.add(prefix)) {
                throw new OfficeConfigException(at + ": code " + code + " or prefix " + prefix + " is used twice");
            }
            int[] numbers = numbers(node.get("numbers"), at + ".numbers");
            services.add(new Office.Service(code, prefix, text(node, at + ".vi"), text(node, at + ".en"),
                    share(node, at + ".share"), positiveNumber(node, at + ".meanMin"), numbers[0], numbers[1]));
        }
        if (services.isEmpty()) {
            throw new OfficeConfigException("services must list at least one service");
        }
        return services;
    }

    /** Optional {@code [first, last]}: the numbers a service's tickets run through each day; default 1-999. */
    private static int[] numbers(JsonNode range, String field) {
        if (range == null) {
            return new int[] {1, 999};
        }
        if (!range.isArray() || range.size() != 2 || !range.get(0).isIntegralNumber() || !range.get(1).isIntegralNumber()
                || range.get(0).asInt() < 1 || range.get(1).asInt() > 99_999 || range.get(0).asInt() >= range.get(1).asInt()) {
            throw new OfficeConfigException(field + " must be [first, last] with 1 ≤ first < last ≤ 99999");
        }
        return new int[] {range.get(0).asInt(), range.get(1).asInt()};
    }

    private static List<Office.Counter> counters(JsonNode array, List<Office.Service> services) {
        List<Office.Counter> counters = new ArrayList<>();
        Set<Integer> numbers = new HashSet<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "counters[" + i + "]";
            JsonNode node = array.get(i);
            int number = positiveInt(node, at + ".no");
            if (number > 999 || !numbers.add(number)) {
                throw new OfficeConfigException(at + ".no must be 1-999 and unique, was " + number);
            }
            List<String> skills = new ArrayList<>();
            for (JsonNode skill : array(node, at + ".services")) {
                String code = skill.asText();
                if (services.stream().noneMatch(s -> s.code().equals(code))) {
                    throw new OfficeConfigException(at + ".services names unknown service \"" + code + "\"");
                }
                skills.add(code);
            }
            if (skills.isEmpty()) {
                throw new OfficeConfigException(at + ".services must name at least one service");
            }
            counters.add(new Office.Counter(number, skills));
        }
        if (counters.isEmpty()) {
            throw new OfficeConfigException("counters must list at least one counter");
        }
        return counters;
    }

    private static List<Office.Period> hours(JsonNode array) {
        List<Office.Period> periods = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonNode pair = array.get(i);
            if (!pair.isArray() || pair.size() != 2) {
                throw new OfficeConfigException("site.hours[" + i + "] must be [\"HH:mm\", \"HH:mm\"]");
            }
            LocalTime start = time(pair.get(0).asText(), "site.hours[" + i + "][0]");
            LocalTime end = time(pair.get(1).asText(), "site.hours[" + i + "][1]");
            if (!end.isAfter(start)) {
                throw new OfficeConfigException("site.hours[" + i + "] ends before it starts");
            }
            periods.add(new Office.Period(start, end));
        }
        return periods;
    }

    private static Set<DayOfWeek> days(JsonNode array) {
        Set<DayOfWeek> days = new HashSet<>();
        for (JsonNode day : array) {
            days.add(switch (day.asText()) {
                case "MON" -> DayOfWeek.MONDAY;
                case "TUE" -> DayOfWeek.TUESDAY;
                case "WED" -> DayOfWeek.WEDNESDAY;
                case "THU" -> DayOfWeek.THURSDAY;
                case "FRI" -> DayOfWeek.FRIDAY;
                case "SAT" -> DayOfWeek.SATURDAY;
                case "SUN" -> DayOfWeek.SUNDAY;
                default -> throw new OfficeConfigException("site.days has \"" + day.asText() + "\"; use MON..SUN");
            });
        }
        return days;
    }

    private static Map<LocalTime, Double> arrivals(JsonNode object) {
        Map<LocalTime, Double> shares = new LinkedHashMap<>();
        object.fields().forEachRemaining(e -> shares.put(time(e.getKey(), "arrivalsByHalfHour key"),
                share(object, e.getKey(), "arrivalsByHalfHour." + e.getKey())));
        return shares;
    }

    private static LocalTime time(String text, String field) {
        try {
            return LocalTime.parse(text);
        } catch (DateTimeException e) {
            throw new OfficeConfigException(field + " must be a time HH:mm, was \"" + text + "\"");
        }
    }

    static JsonNode object(JsonNode parent, String field) {
        JsonNode node = parent.get(leaf(field));
        if (node == null || !node.isObject()) {
            throw new OfficeConfigException(field + " is required and must be an object");
        }
        return node;
    }

    static JsonNode array(JsonNode parent, String field) {
        JsonNode node = parent.get(leaf(field));
        if (node == null || !node.isArray()) {
            throw new OfficeConfigException(field + " is required and must be a list");
        }
        return node;
    }

    static String text(JsonNode parent, String field) {
        JsonNode node = parent.get(leaf(field));
        if (node == null || !node.isTextual() || node.asText().isBlank()) {
            throw new OfficeConfigException(field + " is required and must be text");
        }
        return node.asText();
    }

    private static int positiveInt(JsonNode parent, String field) {
        JsonNode node = parent.get(leaf(field));
        if (node == null || !node.isIntegralNumber() || node.asInt() < 1) {
            throw new OfficeConfigException(field + " is required and must be a whole number ≥ 1");
        }
        return node.asInt();
    }

    private static double positiveNumber(JsonNode parent, String field) {
        JsonNode node = parent.get(leaf(field));
        if (node == null || !node.isNumber() || node.asDouble() <= 0) {
            throw new OfficeConfigException(field + " is required and must be a number > 0");
        }
        return node.asDouble();
    }

    private static double share(JsonNode parent, String field) {
        return share(parent, leaf(field), field);
    }

    private static double share(JsonNode parent, String key, String field) {
        JsonNode node = parent.get(key);
        if (node == null || !node.isNumber() || node.asDouble() < 0 || node.asDouble() > 1) {
            throw new OfficeConfigException(field + " is required and must be a share between 0 and 1");
        }
        return node.asDouble();
    }

    private static String leaf(String field) {
        return field.substring(field.lastIndexOf('.') + 1);
    }
}
