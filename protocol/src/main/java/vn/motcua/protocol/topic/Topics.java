package vn.motcua.protocol.topic;

import java.util.regex.Pattern;

/**
 * Builds the topic names of one site. Every name lives under {@code motcua/v1/{site}/}; a device publishes
 * only under its own {@code dev/{deviceId}/}, which keeps broker ACLs one pattern per device.
 */
public final class Topics {

    static final String ROOT = "motcua";
    static final String VERSION_LEVEL = "v1";

    /** Site and device ids: lower-case letters, digits, '-' and '_'; no MQTT wildcards or separators. */
    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,47}");

    private final String site;
    private final String prefix;

    private Topics(String site) {
        this.site = requireName(site, "site");
        this.prefix = ROOT + "/" + VERSION_LEVEL + "/" + site + "/";
    }

    public static Topics forSite(String site) {
        return new Topics(site);
    }

    public String site() {
        return site;
    }

    public String device(String deviceId, DeviceChannel channel) {
        return prefix + "dev/" + requireName(deviceId, "device id") + "/" + channel.segment();
    }

    /** Subscription filter for one channel of every device at the site, e.g. all requests. */
    public String everyDevice(DeviceChannel channel) {
        return prefix + "dev/+/" + channel.segment();
    }

    public String counterState(int counter) {
        if (counter < 1 || counter > 999) {
            throw new IllegalArgumentException("counter must be 1-999, was " + counter);
        }
        return prefix + "counter/" + counter + "/state";
    }

    /** Subscription filter for the state of every counter. */
    public String everyCounterState() {
        return prefix + "counter/+/state";
    }

    public String board() {
        return prefix + "board";
    }

    public String services() {
        return prefix + "services";
    }

    /** The hub's own presence, retained; the broker publishes the hub's will here when the hub drops. */
    public String hubStatus() {
        return prefix + "hub/status";
    }

    /** Whether {@code name} is usable as a site or device id. */
    public static boolean isValidName(String name) {
        return name != null && NAME.matcher(name).matches();
    }

    static String requireName(String name, String what) {
        if (!isValidName(name)) {
            throw new IllegalArgumentException(what + " must match " + NAME.pattern() + ", was: " + name);
        }
        return name;
    }
}
