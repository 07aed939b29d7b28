package vn.motcua.hub.broker;

import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.Server;
import io.moquette.interception.AbstractInterceptHandler;
import io.moquette.interception.messages.InterceptConnectionLostMessage;
import io.netty.buffer.Unpooled;
import io.netty.handler.codec.mqtt.MqttFixedHeader;
import io.netty.handler.codec.mqtt.MqttMessageType;
import io.netty.handler.codec.mqtt.MqttPublishMessage;
import io.netty.handler.codec.mqtt.MqttPublishVariableHeader;
import io.netty.handler.codec.mqtt.MqttQoS;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/**
 * Moquette 0.17 delivers a unit's will but does not keep it as the retained status (moquette #562), so a display
 * connecting later would still see the unit online. When a unit's connection is lost this handler publishes the
 * contract's will, {@code {"v":1,"online":false}}, retained on the unit's status topic, as Mosquitto does itself.
 * Units use their device id as MQTT client id; only the office's units get an offline status ({@code units}: the
 * profile's {@code units} list), so an observer or a stranger that disconnects leaves no retained topic behind. The
 * hub's client ({@link BrokerLogin#hubClientId}) gets the same on {@code hub/status}, so that units hear at once that
 * the hub is gone. A client that is connected again by the time the loss is handled (a quick reconnect taking over its
 * session) keeps its presence.
 */
final class OfflineWill extends AbstractInterceptHandler {

    private static final Logger LOG = LoggerFactory.getLogger(OfflineWill.class);

    private final Server server;
    private final Topics topics;
    private final String hubClientId;
    private final Predicate<String> units;
    private final byte[] offline = new Codec().encodeState(DeviceStatus.offline());

    OfflineWill(Server server, String site, Predicate<String> units) {
        this.server = server;
        this.topics = Topics.forSite(site);
        this.hubClientId = BrokerLogin.hubClientId(site);
        this.units = units;
    }

    @Override
    public String getID() {
        return "motcua-offline-will";
    }

    @Override
    public void onConnectionLost(InterceptConnectionLostMessage lost) {
        String client = lost.getClientID();
        String topic;
        if (client.equals(hubClientId)) {
            topic = topics.hubStatus();
        } else if (Topics.isValidName(client) && units.test(client)) {
            topic = topics.device(client, DeviceChannel.STATUS);
        } else {
            return;
        }
        if (server.listConnectedClients().stream().anyMatch(connected -> client.equals(connected.getClientID()))) {
            return;
        }
        MqttPublishMessage message = new MqttPublishMessage(
                new MqttFixedHeader(MqttMessageType.PUBLISH, false, MqttQoS.AT_LEAST_ONCE, true, 0),
                new MqttPublishVariableHeader(topic, 0), Unpooled.copiedBuffer(offline));
        server.internalPublish(message, "motcua-hub");
    }

    @Override
    public void onSessionLoopError(Throwable error) {
        LOG.warn("broker session loop error", error);
    }
}
