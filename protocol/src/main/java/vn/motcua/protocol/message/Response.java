package vn.motcua.protocol.message;

import java.time.OffsetDateTime;
import java.util.Optional;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;

/**
 * Hub to device, on {@code dev/{deviceId}/res}: the outcome of one request, with the request's id, and {@code at}, the
 * hub's clock when it answered (a repeat of a request gets the original answer, with its original {@code at}); units
 * learn their clock's offset to the hub from it.
 */
public sealed interface Response {

    /** The request id; absent only when the request was too broken to read one. */
    Optional<String> id();

    /** The request's operation; absent when it was unreadable or unknown. */
    Optional<Operation> op();

    /** The hub's clock when it answered; absent from a hub before this field. */
    Optional<OffsetDateTime> at();

    /** This response, stamped with the hub's clock. */
    Response answeredAt(OffsetDateTime at);

    /** The request succeeded; {@code body} is of the type {@link Operation#responseType()} names. */
    record Ok(String requestId, Operation operation, ResponseBody body, Optional<OffsetDateTime> at)
            implements Response {
        public Ok {
            at = Check.optional(at);
            Check.ulid(requestId, "id");
            Check.required(operation, "op");
            Check.required(body, "body");
            if (operation.responseType() != body.getClass()) {
                throw new IllegalArgumentException(operation.wireName() + " answers with a "
                        + operation.responseType().getSimpleName() + ", not " + body.getClass().getSimpleName());
            }
        }

        /** An answer without the hub's clock. */
        public Ok(String requestId, Operation operation, ResponseBody body) {
            this(requestId, operation, body, Optional.empty());
        }

        @Override
        public Ok answeredAt(OffsetDateTime time) {
            return new Ok(requestId, operation, body, Optional.of(time));
        }

        @Override
        public Optional<String> id() {
            return Optional.of(requestId);
        }

        @Override
        public Optional<Operation> op() {
            return Optional.of(operation);
        }
    }

    /** The request failed; nothing changed at the hub. */
    record Failure(Optional<String> id, Optional<Operation> op, ErrorCode code, String message,
                   Optional<OffsetDateTime> at) implements Response {
        public Failure {
            id = Check.optional(id);
            at = Check.optional(at);
            op = Check.optional(op);
            Check.required(code, "error.code");
            Check.required(message, "error.message");
        }

        /** A failure without the hub's clock. */
        public Failure(Optional<String> id, Optional<Operation> op, ErrorCode code, String message) {
            this(id, op, code, message, Optional.empty());
        }

        @Override
        public Failure answeredAt(OffsetDateTime time) {
            return new Failure(id, op, code, message, Optional.of(time));
        }

        public static Failure of(Request request, ErrorCode code, String message) {
            return new Failure(Optional.of(request.id()), Optional.of(request.op()), code, message);
        }

        /** The answer to a request the codec rejected, correlated as far as the codec could read it. */
        public static Failure of(ProtocolException rejection) {
            return new Failure(rejection.requestId(), rejection.operation().flatMap(Operation::ofWireName),
                    rejection.code(), rejection.getMessage());
        }
    }
}
