package vn.motcua.device.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.protocol.message.Codes;

/**
 * The citizen's satisfaction keypad of a counter unit, {@code hardware.keypad}: the rating levels in key order and
 * how long after a service ends one press may rate it. The levels' codes must be rating levels of the office's rules
 * (the hub refuses others); the defaults are the hub's default levels. Without pins the levels still serve the
 * terminal's {@code rate LEVEL}.
 *
 * @param window how long after the served ticket left the counter a press rates it
 * @param levels 2 to 5 levels, best first as wired; either every level has a key or none has
 */
public record Keypad(Duration window, List<Level> levels) {

    /** Long enough for a citizen to press on the way out, short enough that the next citizen's service closes it. */
    public static final Duration DEFAULT_WINDOW = Duration.ofSeconds(120);
    static final Duration MIN_WINDOW = Duration.ofSeconds(10);
    /**
     * A minute under the shortest rating window a hub accepts ({@code rules.ratingWindowMinutes} ≥ 10), so a press the
     * keypad takes is never one the hub refuses as too late: the unit's window starts when it sees the ticket leave,
     * after the hub ended it, and the hub judges the press by the time in the request's id, by the unit's clock. The
     * minute covers the state's delivery and a unit clock up to a minute ahead of the hub's (docs/device.md).
     */
    static final Duration MAX_WINDOW = Duration.ofSeconds(540);
    private static final int MAX_LABEL = 40;

    static final List<Level> DEFAULT_LEVELS = List.of(
            new Level("RAT_HAI_LONG", "Rất hài lòng", Optional.empty()),
            new Level("HAI_LONG", "Hài lòng", Optional.empty()),
            new Level("BINH_THUONG", "Bình thường", Optional.empty()),
            new Level("KHONG_HAI_LONG", "Không hài lòng", Optional.empty()));

    /** The hub's four default levels, no keys wired, the default window. */
    public static final Keypad DEFAULT = new Keypad(DEFAULT_WINDOW, DEFAULT_LEVELS);

    /** One satisfaction key: the rating-level code it sends, its Vietnamese label, where it is wired (if it is). */
    public record Level(String code, String label, Optional<HardwareConfig.KeyPin> key) {
    }

    public Keypad {
        if (window == null || window.compareTo(MIN_WINDOW) < 0 || window.compareTo(MAX_WINDOW) > 0) {
            throw new UnitConfigException("hardware.keypad.windowSeconds", "must be " + MIN_WINDOW.toSeconds() + "-"
                    + MAX_WINDOW.toSeconds() + " seconds, was " + (window == null ? null : window.toSeconds()));
        }
        levels = List.copyOf(levels);
        if (levels.size() < 2 || levels.size() > 5) {
            throw new UnitConfigException("hardware.keypad.levels", "must list 2 to 5 levels (as the office's rules"
                    + " may), was " + levels.size());
        }
        Set<String> codes = new HashSet<>();
        for (int i = 0; i < levels.size(); i++) {
            Level level = levels.get(i);
            String at = "hardware.keypad.levels[" + i + "]";
            if (!Codes.isCode(level.code())) {
                throw new UnitConfigException(at + ".code", "must be an upper-case rating-level code like HAI_LONG,"
                        + " was \"" + level.code() + "\"");
            }
            if (!codes.add(level.code())) {
                throw new UnitConfigException(at + ".code", level.code() + " is listed twice");
            }
            if (level.label() == null || level.label().isBlank() || level.label().length() > MAX_LABEL) {
                throw new UnitConfigException(at + ".label", "must be 1-" + MAX_LABEL + " characters, not blank");
            }
            if (level.key().isPresent() != levels.getFirst().key().isPresent()) {
                throw new UnitConfigException(at + ".pin", "either every level has a key pin or none has");
            }
        }
    }

    /** True when the levels are wired to GPIO keys. */
    public boolean wired() {
        return levels.getFirst().key().isPresent();
    }

    /** The level with {@code code}, if the keypad has it. */
    public Optional<Level> level(String code) {
        return levels.stream().filter(level -> level.code().equals(code)).findFirst();
    }

    // ---- JSON ----

    ObjectNode toJson(ObjectMapper mapper) {
        ObjectNode node = mapper.createObjectNode().put("windowSeconds", window.toSeconds());
        ArrayNode out = node.putArray("levels");
        levels.forEach(level -> {
            ObjectNode entry = out.addObject().put("code", level.code()).put("label", level.label());
            level.key().ifPresent(key -> HardwareConfig.keyPinJson(key, entry));
        });
        return node;
    }

    static Keypad fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        HardwareConfig.object(node, "hardware.keypad", List.of("windowSeconds", "levels"));
        Duration window = node.has("windowSeconds")
                ? Duration.ofSeconds(HardwareConfig.integer(node.get("windowSeconds"), "hardware.keypad.windowSeconds"))
                : DEFAULT_WINDOW;
        if (!node.has("levels")) {
            return new Keypad(window, DEFAULT_LEVELS);
        }
        JsonNode array = node.get("levels");
        if (!array.isArray()) {
            throw new UnitConfigException("hardware.keypad.levels", "must be a list like [{\"code\": \"HAI_LONG\","
                    + " \"label\": \"Hài lòng\", \"pin\": 17}], was " + array);
        }
        List<Level> levels = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            levels.add(level(array.get(i), i));
        }
        return new Keypad(window, levels);
    }

    /**
     * A level entry; without {@code code} it is the default level at its position, and a default level's code
     * brings its label, so {@code [{"pin": 17}, {"pin": 27}, …]} wires the hub's default levels best first.
     */
    private static Level level(JsonNode entry, int index) {
        String at = "hardware.keypad.levels[" + index + "]";
        HardwareConfig.object(entry, at, List.of("code", "label", "pin", "led"));
        Optional<Level> byPosition = index < DEFAULT_LEVELS.size() ? Optional.of(DEFAULT_LEVELS.get(index))
                : Optional.empty();
        String code = entry.has("code") ? HardwareConfig.text(entry.get("code"), at + ".code")
                : byPosition.orElseThrow(() -> new UnitConfigException(at + ".code",
                        "is required past the " + DEFAULT_LEVELS.size() + " default levels")).code();
        Optional<Level> known = DEFAULT_LEVELS.stream().filter(level -> level.code().equals(code)).findFirst();
        String label = entry.has("label") ? HardwareConfig.text(entry.get("label"), at + ".label")
                : known.orElseThrow(() -> new UnitConfigException(at + ".label",
                        "is required for a level that is not one of the defaults " + codes(DEFAULT_LEVELS))).label();
        Optional<HardwareConfig.KeyPin> key = entry.has("pin") || entry.has("led")
                ? Optional.of(HardwareConfig.keyPin(entry, at)) : Optional.empty();
        return new Level(code, label, key);
    }

    private static List<String> codes(List<Level> levels) {
        return levels.stream().map(Level::code).toList();
    }
}
