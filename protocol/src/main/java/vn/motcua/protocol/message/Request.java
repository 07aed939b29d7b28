package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Optional;

/**
 * Device to hub, on {@code dev/{deviceId}/req}. The device makes {@code id} (a ULID) and persists the request
 * before sending; a resend carries the same id and the hub answers it with the original result.
 * {@code ts} is the device's clock, informational only: the hub's clock is authoritative. {@code deadline} is the
 * instant, by the hub's clock as the device estimates it, after which the device has given up on an interactive
 * request ({@link Operation#interactive()}); the hub refuses it as {@code EXPIRED} after that (protocol §6.2).
 */
public record Request(String id, Operation op, Optional<OffsetDateTime> ts, Optional<OffsetDateTime> deadline,
                      RequestBody body) {

    public Request {
        Check.ulid(id, "id");
        Check.required(op, "op");
        ts = Check.optional(ts);
        deadline = Check.optional(deadline);
        Check.required(body, "body");
        if (op.requestType() != body.getClass()) {
            throw new IllegalArgumentException(op.wireName() + " takes a " + op.requestType().getSimpleName()
                    + " body, not " + body.getClass().getSimpleName());
        }
    }

    /** A request without a deadline. */
    public Request(String id, Operation op, Optional<OffsetDateTime> ts, RequestBody body) {
        this(id, op, ts, Optional.empty(), body);
    }

    public static Request of(String id, OffsetDateTime ts, RequestBody body) {
        return new Request(id, Operation.of(body), Optional.of(ts), body);
    }

    /** This request with {@code deadline}: the device gives up on it after that instant. */
    public Request withDeadline(OffsetDateTime deadline) {
        return new Request(id, op, ts, Optional.of(deadline), body);
    }
}
