package vn.motcua.hub.site;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

import com.fasterxml.jackson.databind.JsonNode;

import vn.motcua.protocol.message.Codes;

/** Reads the optional {@code rules} section of an office profile; every absent field keeps its default. */
final class RulesLoader {

    private static final Set<String> POLICIES = Set.of("effective-wait", "fifo-dedicated", "strict-priority");

    private RulesLoader() {
    }

    static Rules rules(JsonNode node) {
        Rules d = Rules.defaults();
        if (node == null) {
            return d;
        }
        if (!node.isObject()) {
            throw new OfficeConfigException("rules must be an object");
        }
        String policy = node.has("policy") ? OfficeLoader.text(node, "rules.policy") : d.policy();
        if (!POLICIES.contains(policy)) {
            throw new OfficeConfigException("rules.policy must be one of " + POLICIES + ", was \"" + policy + "\"");
        }
        String closing = node.has("closingRule") ? OfficeLoader.text(node, "rules.closingRule") : d.closingRule().name();
        Rules.ClosingRule rule;
        try {
            rule = Rules.ClosingRule.valueOf(closing);
        } catch (IllegalArgumentException e) {
            throw new OfficeConfigException("rules.closingRule must be CLOSE or CARRY_OVER, was \"" + closing + "\"");
        }
        return new Rules(
                node.has("priorityClasses") ? list(node, "priorityClasses", 0, 10, RulesLoader::priorityClass) : d.priorityClasses(),
                node.has("ratingLevels") ? list(node, "ratingLevels", 2, 5, RulesLoader::ratingLevel) : d.ratingLevels(),
                // at least 10: a counter unit's keypad window is at most 9 minutes (its Keypad), so they always agree
                minutes(node, "ratingWindowMinutes", 10, 240, d.ratingWindow()),
                whole(node, "recallsBeforeNoShow", 0, 10, d.recallsBeforeNoShow()),
                seconds(node, "undoSeconds", 5, 600, d.undoWindow()),
                rule,
                minutes(node, "starvationCapMinutes", 5, 480, d.starvationCap()),
                minutes(node, "skillStepMinutes", 0, 60, d.skillStep()),
                minutes(node, "appointmentEarlyMinutes", 0, 120, d.appointmentEarly()),
                minutes(node, "appointmentLateMinutes", 0, 120, d.appointmentLate()),
                policy,
                flag(node, "offlinePrinting", d.offlinePrinting()),
                whole(node, "offlineLeaseMax", 1, 500, d.offlineLeaseMax()),
                minutes(node, "lastCallMinutesBeforeClose", 0, 240, d.lastCallBeforeClose()),
                minutes(node, "shortJobHeadStartMinutes", 0, 120, d.shortJobHeadStart()),
                new UnitLimits(whole(node, "unitRequestsPerSecond", 1, 100_000, d.unitLimits().requestsPerSecond()),
                        whole(node, "unitRequestBurst", 1, 100_000, d.unitLimits().requestBurst()),
                        whole(node, "unitTicketsPerMinute", 1, 100_000, d.unitLimits().ticketsPerMinute())));
    }

    private static Rules.PriorityClass priorityClass(JsonNode item, String at) {
        return new Rules.PriorityClass(code(item, at), OfficeLoader.text(item, at + ".vi"), OfficeLoader.text(item, at + ".en"),
                minutes(item, "headStartMinutes", 0, 60, Duration.ofMinutes(15), at + ".headStartMinutes"));
    }

    private static Rules.RatingLevel ratingLevel(JsonNode item, String at) {
        return new Rules.RatingLevel(code(item, at), OfficeLoader.text(item, at + ".vi"), OfficeLoader.text(item, at + ".en"));
    }

    private static String code(JsonNode item, String at) {
        String code = OfficeLoader.text(item, at + ".code");
        if (!Codes.isCode(code)) {
            throw new OfficeConfigException(at + ".code must be an upper-case code like ELDERLY, was \"" + code + "\"");
        }
        return code;
    }

    private interface Item<T> {
        T read(JsonNode item, String at);
    }

    private static <T> List<T> list(JsonNode node, String field, int min, int max, Item<T> item) {
        JsonNode array = OfficeLoader.array(node, "rules." + field);
        if (array.size() < min || array.size() > max) {
            throw new OfficeConfigException("rules." + field + " must list " + min + " to " + max + " entries");
        }
        List<T> out = new ArrayList<>();
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String at = "rules." + field + "[" + i + "]";
            T value = item.read(array.get(i), at);
            String code = array.get(i).get("code").asText();
            if (codes.contains(code)) {
                throw new OfficeConfigException(at + ".code " + code + " is listed twice");
            }
            codes.add(code);
            out.add(value);
        }
        return out;
    }

    private static int whole(JsonNode node, String field, int min, int max, int fallback) {
        if (!node.has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new OfficeConfigException("rules." + field + " must be a whole number from " + min + " to " + max);
        }
        return value.asInt();
    }

    private static boolean flag(JsonNode node, String field, boolean fallback) {
        if (!node.has(field)) {
            return fallback;
        }
        if (!node.get(field).isBoolean()) {
            throw new OfficeConfigException("rules." + field + " must be true or false");
        }
        return node.get(field).asBoolean();
    }

    private static Duration minutes(JsonNode node, String field, int min, int max, Duration fallback) {
        return minutes(node, field, min, max, fallback, "rules." + field);
    }

    private static Duration minutes(JsonNode node, String field, int min, int max, Duration fallback, String path) {
        return amount(node, field, min, max, fallback, path, Duration::ofMinutes);
    }

    private static Duration seconds(JsonNode node, String field, int min, int max, Duration fallback) {
        return amount(node, field, min, max, fallback, "rules." + field, Duration::ofSeconds);
    }

    private static Duration amount(JsonNode node, String field, int min, int max, Duration fallback, String path,
                                   Function<Long, Duration> unit) {
        if (!node.has(field)) {
            return fallback;
        }
        JsonNode value = node.get(field);
        if (!value.isIntegralNumber() || value.asInt() < min || value.asInt() > max) {
            throw new OfficeConfigException(path + " must be a whole number from " + min + " to " + max);
        }
        return unit.apply(value.asLong());
    }
}
