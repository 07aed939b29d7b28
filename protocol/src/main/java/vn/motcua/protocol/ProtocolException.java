package vn.motcua.protocol;

import java.util.Optional;

/**
 * A message that breaks the contract. Carries the stable {@link ErrorCode} to answer with and,
 * where the codec could still read them, the request id and operation so the answer can be correlated.
 */
public final class ProtocolException extends RuntimeException {

    private final ErrorCode code;
    private final String requestId;
    private final String operation;

    public ProtocolException(ErrorCode code, String message) {
        this(code, message, null, null, null);
    }

    public ProtocolException(ErrorCode code, String message, Throwable cause) {
        this(code, message, null, null, cause);
    }

    private ProtocolException(ErrorCode code, String message, String requestId, String operation, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.requestId = requestId;
        this.operation = operation;
    }

    /** The same error, now knowing which request it belongs to. */
    public ProtocolException about(String requestId, String operation) {
        return new ProtocolException(code, getMessage(), requestId, operation, getCause());
    }

    public ErrorCode code() {
        return code;
    }

    /** The id of the offending request, when it could be read. */
    public Optional<String> requestId() {
        return Optional.ofNullable(requestId);
    }

    /** The wire name of the offending operation, when it could be read and is known. */
    public Optional<String> operation() {
        return Optional.ofNullable(operation);
    }
}
