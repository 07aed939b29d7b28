package vn.motcua.protocol.message;

/** Where the ticket shown at a counter is in its service. */
public enum ServingPhase {
    /** Called and announced; the citizen is on the way. */
    CALLED,
    /** The citizen is at the counter. */
    SERVING
}
