package vn.motcua.device.link;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Operation;

/** The hub answered a request with a failure; nothing changed at the hub. {@link #code()} is stable, for decisions. */
public final class RequestFailedException extends RuntimeException {

    private final Operation operation;
    private final ErrorCode code;
    private final String hubMessage;

    public RequestFailedException(Operation operation, ErrorCode code, String hubMessage) {
        super(operation.wireName() + " refused by the hub: " + code + " (" + hubMessage + ")");
        this.operation = operation;
        this.code = code;
        this.hubMessage = hubMessage;
    }

    public Operation operation() {
        return operation;
    }

    public ErrorCode code() {
        return code;
    }

    /** The hub's explanation, for logs; not for decisions. */
    public String hubMessage() {
        return hubMessage;
    }
}
