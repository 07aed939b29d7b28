package vn.motcua.protocol.message;

import java.time.OffsetDateTime;

/**
 * Device to hub, on {@code dev/{deviceId}/evt}: a fact the hub does not answer. Ids are ULIDs so that
 * a resent event is recognised.
 */
public record Event(String id, OffsetDateTime ts, EventBody body) {

    public Event {
        Check.ulid(id, "id");
        Check.required(ts, "ts");
        Check.required(body, "body");
    }
}
