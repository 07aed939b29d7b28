package vn.motcua.device.config;

import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.protocol.message.Codes;

/**
 * A kiosk's keys on GPIO: {@code hardware.serviceKeys} (service code → key) and the optional
 * {@code hardware.priorityKey}, which makes the next service key's ticket a priority one of its class.
 *
 * @param services service code → key, in the order given; each code must be one of the unit's {@code services}
 * @param priority the priority key, if the kiosk has one
 */
public record KioskKeys(Map<String, HardwareConfig.KeyPin> services, Optional<PriorityKey> priority) {

    public static final KioskKeys NONE = new KioskKeys(Map.of(), Optional.empty());

    /**
     * A key that marks the next ticket as priority class {@code priorityClass} (a code of the office's rules, e.g.
     * ELDERLY; the hub refuses others), for a service key pressed within a few seconds.
     */
    public record PriorityKey(String priorityClass, HardwareConfig.KeyPin key) {
        public PriorityKey {
            if (!Codes.isCode(priorityClass)) {
                throw new UnitConfigException("hardware.priorityKey.class", "must be an upper-case priority class"
                        + " code like ELDERLY, was \"" + priorityClass + "\"");
            }
        }
    }

    public KioskKeys {
        services = Collections.unmodifiableMap(new LinkedHashMap<>(services));
        priority = priority == null ? Optional.empty() : priority;
        services.keySet().stream().filter(code -> !Codes.isCode(code)).findFirst().ifPresent(code -> {
            throw new UnitConfigException("hardware.serviceKeys." + code, "must be an upper-case service code like HT");
        });
        if (priority.isPresent() && services.isEmpty()) {
            throw new UnitConfigException("hardware.priorityKey", "needs service keys on GPIO"
                    + " (hardware.serviceKeys) to act on");
        }
    }

    public boolean isEmpty() {
        return services.isEmpty() && priority.isEmpty();
    }

    /** Refuses a key for a service the kiosk does not issue. */
    void checkServices(List<String> issued) {
        services.keySet().stream().filter(code -> !issued.contains(code)).findFirst().ifPresent(code -> {
            throw new UnitConfigException("hardware.serviceKeys." + code, "is not one of the unit's services "
                    + issued);
        });
    }

    // ---- JSON ----

    void toJson(ObjectNode hardware) {
        if (!services.isEmpty()) {
            ObjectNode out = hardware.putObject("serviceKeys");
            services.forEach((code, key) -> HardwareConfig.keyPinJson(key, out.putObject(code)));
        }
        priority.ifPresent(p -> HardwareConfig.keyPinJson(p.key(),
                hardware.putObject("priorityKey").put("class", p.priorityClass())));
    }

    static KioskKeys fromJson(JsonNode serviceKeys, JsonNode priorityKey) {
        Map<String, HardwareConfig.KeyPin> services = new LinkedHashMap<>();
        if (serviceKeys != null && !serviceKeys.isNull()) {
            if (!serviceKeys.isObject()) {
                throw new UnitConfigException("hardware.serviceKeys", "must be an object like {\"DD\": {\"pin\": 5,"
                        + " \"led\": 17}}, was " + serviceKeys);
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = serviceKeys.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> entry = it.next();
                String field = "hardware.serviceKeys." + entry.getKey();
                HardwareConfig.object(entry.getValue(), field, List.of("pin", "led"));
                services.put(entry.getKey(), HardwareConfig.keyPin(entry.getValue(), field));
            }
        }
        Optional<PriorityKey> priority = Optional.empty();
        if (priorityKey != null && !priorityKey.isNull()) {
            HardwareConfig.object(priorityKey, "hardware.priorityKey", List.of("class", "pin", "led"));
            if (!priorityKey.has("class")) {
                throw new UnitConfigException("hardware.priorityKey.class", "is required: the priority class code"
                        + " the key gives, e.g. \"ELDERLY\"");
            }
            priority = Optional.of(new PriorityKey(
                    HardwareConfig.text(priorityKey.get("class"), "hardware.priorityKey.class"),
                    HardwareConfig.keyPin(priorityKey, "hardware.priorityKey")));
        }
        return new KioskKeys(services, priority);
    }
}
