package vn.motcua.protocol.message;

import java.util.Optional;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;

/** Hub to device, on {@code dev/{deviceId}/res}: the outcome of one request, with the request's id. */
public sealed interface Response {

    /** The request id; absent only when the request was too broken to read one. */
    Optional<String> id();

    /** The request's operation; absent when it was unreadable or unknown. */
    Optional<Operation> op();

    /** The request succeeded; {@code body} is of the type {@link Operation#responseType()} names. */
    record Ok(String requestId, Operation operation, ResponseBody body) implements Response {
        public Ok {
            Check.ulid(requestId, "id");
            Check.required(operation, "op");
            Check.required(body, "body");
            if (operation.responseType() != body.getClass()) {
                throw new IllegalArgumentException(operation.wireName() + " answers with a "
                        + operation.responseType().getSimpleName() + ", not " + body.getClass().getSimpleName());
            }
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
    record Failure(Optional<String> id, Optional<Operation> op, ErrorCode code, String message) implements Response {
        public Failure {
            id = Check.optional(id);
            op = Check.optional(op);
            Check.required(code, "error.code");
            Check.required(message, "error.message");
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
