package vn.motcua.device.link;

import java.time.Duration;

import vn.motcua.protocol.message.Operation;

/**
 * No answer came within the unit's request timeout. The request may still reach the hub later (it is queued while the
 * broker is away); the hub answers a resend of the same id with the original result.
 */
public final class RequestTimeoutException extends RuntimeException {

    private final Operation operation;
    private final String requestId;

    public RequestTimeoutException(Operation operation, String requestId, Duration timeout) {
        super(operation.wireName() + " " + requestId + " got no answer within " + timeout.toMillis() + " ms");
        this.operation = operation;
        this.requestId = requestId;
    }

    public Operation operation() {
        return operation;
    }

    public String requestId() {
        return requestId;
    }
}
