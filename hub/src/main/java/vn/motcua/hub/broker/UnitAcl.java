package vn.motcua.hub.broker;

import java.util.Set;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topic.CounterState;
import vn.motcua.protocol.topic.Topic.Device;
import vn.motcua.protocol.topic.Topics;

/**
 * The unit ACL of docs/operations.md, for the embedded broker: a unit (user name = device id) may publish only on its
 * own {@code dev/{id}/status|req|evt} and subscribe only to its own {@code dev/{id}/res|cmd|config}, the counters'
 * state ({@code counter/+/state} or one counter's), the board, the service catalogue and the hub's presence
 * ({@code hub/status}). The hub may do anything.
 * Which channel a unit publishes follows {@link DeviceChannel#publishedByDevice()}, so the ACL and the contract cannot
 * drift apart. Moquette checks reads once, at SUBSCRIBE (a refused filter gets the SUBACK failure code 0x80), and
 * writes at every PUBLISH (a refused QoS 1 message is dropped without PUBACK).
 */
final class UnitAcl implements IAuthorizatorPolicy {

    private final Topics topics;
    private final Set<String> publicState;

    UnitAcl(Topics topics) {
        this.topics = topics;
        this.publicState = Set.of(topics.everyCounterState(), topics.board(), topics.services(),
                topics.hubStatus());
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        return isHub(user) || ownChannel(topic.toString(), user, true);
    }

    @Override
    public boolean canRead(Topic filter, String user, String client) {
        if (isHub(user)) {
            return true;
        }
        String name = filter.toString();
        return publicState.contains(name) || isOneCounterState(name) || ownChannel(name, user, false);
    }

    private static boolean isHub(String user) {
        return BrokerLogin.HUB_USER.equals(user);
    }

    /** Whether {@code name} is one of {@code user}'s own topics that a unit publishes (or, if not, reads). */
    private boolean ownChannel(String name, String user, boolean publishedByDevice) {
        return parse(name) instanceof Device device && device.deviceId().equals(user)
                && device.channel().publishedByDevice() == publishedByDevice;
    }

    private boolean isOneCounterState(String name) {
        return parse(name) instanceof CounterState;
    }

    /** The contract topic {@code name} denotes at this site; null for anything else, wildcard filters included. */
    private vn.motcua.protocol.topic.Topic parse(String name) {
        return vn.motcua.protocol.topic.Topic.parse(name).filter(topic -> topic.site().equals(topics.site())).orElse(null);
    }
}
