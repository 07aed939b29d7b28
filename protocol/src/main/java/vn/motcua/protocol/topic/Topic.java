package vn.motcua.protocol.topic;

import java.util.Optional;

/** A parsed topic of the contract. {@link #parse} accepts exactly the names {@link Topics} builds. */
public sealed interface Topic {

    String site();

    /** {@code motcua/v1/{site}/dev/{deviceId}/{channel}}. */
    record Device(String site, String deviceId, DeviceChannel channel) implements Topic {
    }

    /** {@code motcua/v1/{site}/counter/{counterNo}/state}. */
    record CounterState(String site, int counter) implements Topic {
    }

    /** {@code motcua/v1/{site}/board}. */
    record Board(String site) implements Topic {
    }

    /** {@code motcua/v1/{site}/services}. */
    record Services(String site) implements Topic {
    }

    /** {@code motcua/v1/{site}/hub/status}: the hub's presence. */
    record HubStatus(String site) implements Topic {
    }

    /** The topic {@code name} denotes, or empty when it is not a topic of this wire version. */
    static Optional<Topic> parse(String name) {
        String[] levels = name.split("/", -1);
        if (levels.length < 4 || !levels[0].equals(Topics.ROOT) || !levels[1].equals(Topics.VERSION_LEVEL)
                || !Topics.isValidName(levels[2])) {
            return Optional.empty();
        }
        String site = levels[2];
        return switch (levels.length) {
            case 4 -> switch (levels[3]) {
                case "board" -> Optional.of(new Board(site));
                case "services" -> Optional.of(new Services(site));
                default -> Optional.empty();
            };
            case 5 -> levels[3].equals("hub") && levels[4].equals("status")
                    ? Optional.of(new HubStatus(site)) : Optional.empty();
            case 6 -> parseNested(site, levels[3], levels[4], levels[5]);
            default -> Optional.empty();
        };
    }

    private static Optional<Topic> parseNested(String site, String kind, String key, String leaf) {
        if (kind.equals("dev") && Topics.isValidName(key)) {
            return DeviceChannel.ofSegment(leaf).map(channel -> new Device(site, key, channel));
        }
        if (kind.equals("counter") && leaf.equals("state") && key.matches("[1-9][0-9]{0,2}")) {
            return Optional.of(new CounterState(site, Integer.parseInt(key)));
        }
        return Optional.empty();
    }
}
