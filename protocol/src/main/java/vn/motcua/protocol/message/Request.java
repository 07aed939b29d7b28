package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Device to hub, on {@code dev/{deviceId}/req}. The device makes {@code id} (a ULID) and persists the request
 * before sending; a resend carries the same id and the hub answers it with the original result.
 * {@code ts} is the device's clock, informational only: the hub's clock is authoritative.
 */
public record Request(String id, Operation op, Optional<OffsetDateTime> ts, RequestBody body) {

    public Request {
        Check.ulid(id, "id");
        Check.required(op, "op");
        ts = Check.optional(ts);
        Check.required(body, "body");
        if (op.requestType() != body.getClass()) {
            throw new IllegalArgumentException(op.wireName() + " takes a " + op.requestType().getSimpleName()
                    + " body, not " + body.getClass().getSimpleName());
        }
    }

    public static Request of(String id, OffsetDateTime ts, RequestBody body) {
        return new Request(id, Operation.of(body), Optional.of(ts), body);
    }
}
