package vn.motcua.protocol;

import java.time.Duration;

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

    /**
     * QoS of every message in the contract except interactive requests: at least once, made exactly-once in effect by
     * request ids.
     */
    public static final int QOS = 1;

    /**
     * QoS of an interactive request ({@code Operation.interactive()}): at most once. A unit gives up on one after its
     * answer timeout; at QoS 1 neither its MQTT client (resending an unacknowledged publish after a reconnect) nor
     * the broker (queueing it in the hub's persistent session) would know that, and would deliver it later.
     */
    public static final int INTERACTIVE_QOS = 0;

    /** The deadline the hub assumes for an interactive request without one: its id's time plus this. */
    public static final Duration DEFAULT_DEADLINE = Duration.ofSeconds(10);

    /** The latest deadline the hub honours for an interactive request: its id's time plus this. */
    public static final Duration MAX_DEADLINE = Duration.ofSeconds(60);

    /**
     * How long the hub keeps the ids of processed requests (and their answers), at least. A request whose id's time is
     * older could be a replay the hub no longer recognises, so it is refused ({@code ID_OUT_OF_RANGE}).
     */
    public static final Duration PROCESSED_ID_RETENTION = Duration.ofDays(7);

    /** How far ahead of the hub's clock a request id's time may be before the hub refuses it ({@code ID_OUT_OF_RANGE}). */
    public static final Duration MAX_ID_AHEAD = Duration.ofDays(1);

    private Protocol() {
    }
}
