package vn.motcua.protocol;

/** Constants every party to the motcua MQTT contract agrees on. */
public final class Protocol {

    /** Wire version carried as {@code "v"} in every message and as {@code v1} in every topic. */
    public static final int VERSION = 1;

    /** Largest request, response or event, in bytes of UTF-8 JSON, that a conforming party sends or accepts. */
    public static final int MAX_MESSAGE_BYTES = 16 * 1024;

    /**
     * Largest retained state message (status, counter state, board, services). Only the hub publishes the large
     * ones; the board of a 100-counter centre with every counter busy is about 21 KB.
     */
    public static final int MAX_STATE_BYTES = 64 * 1024;

    /** Brokers we configure accept larger packets so that an oversized request still reaches the hub and gets an error. */
    public static final int BROKER_MAX_PACKET_BYTES = 256 * 1024;

    /** QoS of every message in the contract: at least once, made exactly-once in effect by request ids. */
    public static final int QOS = 1;

    private Protocol() {
    }
}
