package vn.motcua.protocol;

/**
 * Stable error codes carried in {@code error.code} of a failed response.
 * Codes are never renamed or reused; new ones may be added in the same wire version.
 */
public enum ErrorCode {
    /** The payload is not a JSON object in UTF-8. */
    MALFORMED_JSON,
    /** The payload is larger than {@link Protocol#MAX_MESSAGE_BYTES}. */
    MESSAGE_TOO_LARGE,
    /** {@code v} names a wire version this party does not speak. */
    UNSUPPORTED_VERSION,
    /** A required field is missing, or a field has the wrong type or an invalid value. */
    INVALID_FIELD,
    /** {@code op} is not an operation of this wire version. */
    UNKNOWN_OPERATION,
    /** The topic does not belong to the contract, or names another site. */
    INVALID_TOPIC,
    /** The service code is not in the site's catalogue. */
    UNKNOWN_SERVICE,
    /** The counter number is not configured at this site. */
    UNKNOWN_COUNTER,
    /** The ticket does not exist today. */
    UNKNOWN_TICKET,
    /** The service is not taking tickets now (outside opening hours or closed by the office). */
    SERVICE_CLOSED,
    /** The counter is paused or closed and cannot call. */
    COUNTER_NOT_OPEN,
    /** Nobody is waiting for any service this counter serves. */
    NO_TICKET_WAITING,
    /** The operation needs a current ticket at the counter and there is none. */
    NO_CURRENT_TICKET,
    /** The ticket is not in a state that allows the operation. */
    INVALID_STATE,
    /** The hub understood the request but this version of the hub does not perform the operation. */
    NOT_SUPPORTED,
    /** The hub failed; the request may be retried with the same id. */
    INTERNAL,
    /** An interactive request reached the hub after its deadline (the unit had given up on it); nothing changed. */
    EXPIRED,
    /** The request id's time is older than the hub keeps processed ids, or too far in the future by the hub's clock. */
    ID_OUT_OF_RANGE,
    /** The sending unit is not bound to the role or counter the request acts for, or the officer is not on the staff list. */
    NOT_PERMITTED,
    /** The sending unit used up its request budget; nothing changed, try again shortly. */
    RATE_LIMITED,
    /** The unit issued more tickets than a kiosk can hand out in the time; nothing changed, an alert was raised. */
    TOO_MANY_TICKETS,
    /** The ticket was not served (started or done) at that counter, or its rating window has passed. */
    NOT_RATEABLE
}
