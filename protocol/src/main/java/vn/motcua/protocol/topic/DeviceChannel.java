package vn.motcua.protocol.topic;

import java.util.Arrays;
import java.util.Optional;

/** The channels under {@code dev/{deviceId}/}, each with its direction. */
public enum DeviceChannel {
    /** Device to all, retained: presence; the broker publishes the device's will here when it drops. */
    STATUS("status", true),
    /** Device to hub: requests. */
    REQUEST("req", true),
    /** Hub to device: responses, correlated by request id. */
    RESPONSE("res", false),
    /** Device to hub: facts the device reports (printer paper, health). */
    EVENT("evt", true),
    /** Hub to device: commands. */
    COMMAND("cmd", false),
    /** Hub to device, retained: the unit's configuration. */
    CONFIG("config", false);

    private final String segment;
    private final boolean publishedByDevice;

    DeviceChannel(String segment, boolean publishedByDevice) {
        this.segment = segment;
        this.publishedByDevice = publishedByDevice;
    }

    /** The last topic level, e.g. {@code req}. */
    public String segment() {
        return segment;
    }

    /** Whether the device (rather than the hub) publishes on this channel; brokers' ACLs follow this. */
    public boolean publishedByDevice() {
        return publishedByDevice;
    }

    static Optional<DeviceChannel> ofSegment(String segment) {
        return Arrays.stream(values()).filter(c -> c.segment.equals(segment)).findFirst();
    }
}
