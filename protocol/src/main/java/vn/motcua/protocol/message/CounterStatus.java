package vn.motcua.protocol.message;

/** Whether a counter takes calls. */
public enum CounterStatus {
    /** Staffed and calling. */
    OPEN,
    /** Staffed but taking no calls for now (break, meeting). */
    PAUSED,
    /** Not staffed. */
    CLOSED
}
