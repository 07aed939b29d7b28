package vn.motcua.provisioning;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/** What a unit config sets up, in the words an installer checks against the office's plan. */
final class Summary {

    private Summary() {
    }

    static String of(UnitConfig config) {
        String statusTopic = Topics.forSite(config.site()).device(config.deviceId(), DeviceChannel.STATUS);
        String ownTopics = statusTopic.substring(0, statusTopic.length() - DeviceChannel.STATUS.segment().length()) + "#";
        StringBuilder text = new StringBuilder();
        line(text, "unit", config.deviceId() + " at site " + config.site());
        line(text, "roles", config.roles().toString());
        config.counter().ifPresent(counter -> line(text, "counter", String.valueOf(counter)));
        if (!config.services().isEmpty()) {
            line(text, "keys", String.join(", ", config.services()));
        }
        line(text, "broker", config.brokerUrl() + " as client " + config.deviceId() + ", topics " + ownTopics);
        line(text, "data", config.dataDir().toString());
        line(text, "timeout", config.requestTimeout().toMillis() + " ms");
        config.officeName().ifPresent(name -> line(text, "office", name));
        return text.toString();
    }

    private static void line(StringBuilder text, String label, String value) {
        text.append(String.format("  %-8s %s%n", label, value));
    }
}
