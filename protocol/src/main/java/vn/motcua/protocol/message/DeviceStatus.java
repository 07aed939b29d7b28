package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Collections;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Presence of a unit, retained on {@code dev/{deviceId}/status}. The unit publishes it online on connect and
 * registers {@code {"v":1,"online":false}} as its MQTT will, so the broker marks it offline when it drops.
 */
public record DeviceStatus(boolean online, Optional<Set<Role>> roles, Optional<String> firmware,
                           Optional<OffsetDateTime> since) {

    public DeviceStatus {
        // Sorted (declaration order), so the same status always encodes to the same bytes.
        roles = Check.optional(roles).map(r -> Collections.unmodifiableSet(new TreeSet<>(r)));
        firmware = Check.text(firmware, "firmware");
        since = Check.optional(since);
    }

    public static DeviceStatus online(Set<Role> roles, String firmware, OffsetDateTime since) {
        return new DeviceStatus(true, Optional.of(roles), Optional.of(firmware), Optional.of(since));
    }

    /** The will: nothing but the fact, since it is registered long before the unit drops. */
    public static DeviceStatus offline() {
        return new DeviceStatus(false, Optional.empty(), Optional.empty(), Optional.empty());
    }
}
