package vn.motcua.demo.chaos;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;

import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.topic.Topics;

/**
 * What the broker holds as each counter's retained state, as a newcomer would see it: an observer on the broker
 * (not through a proxy) that forgets everything when it reconnects, so that after a broker restart it knows only
 * what was published again.
 *
 * <p>Threads: Paho's callback thread writes; any thread reads.
 */
final class RetainedStates implements MqttCallbackExtended, AutoCloseable {

    private final MqttAsyncClient client;
    private final String filter;
    private final Codec codec = new Codec();
    private final Map<Integer, CounterState> states = new ConcurrentHashMap<>();

    private RetainedStates(MqttAsyncClient client, String filter) {
        this.client = client;
        this.filter = filter;
    }

    static RetainedStates watch(String brokerUrl) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(brokerUrl, "chaos-observer", new MemoryPersistence());
        RetainedStates watcher = new RetainedStates(client, Topics.forSite(ChaosSite.site()).everyCounterState());
        client.setCallback(watcher);
        MqttConnectOptions options = new MqttConnectOptions();
        options.setAutomaticReconnect(true);
        options.setMaxReconnectDelay(1_000);
        options.setCleanSession(true);
        client.connect(options).waitForCompletion(10_000);
        return watcher;
    }

    Optional<CounterState> counter(int number) {
        return Optional.ofNullable(states.get(number));
    }

    @Override
    public void connectComplete(boolean reconnect, String serverUri) {
        states.clear();
        try {
            client.subscribe(filter, 1);
        } catch (MqttException e) {
            // the next connect subscribes again
        }
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        if (message.getPayload().length == 0) {
            return;
        }
        CounterState state = codec.decodeState(message.getPayload(), CounterState.class);
        states.put(state.counter(), state);
    }

    @Override
    public void connectionLost(Throwable cause) {
        // automatic reconnect
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // publishes nothing
    }

    @Override
    public void close() throws MqttException {
        client.disconnectForcibly(0, 1_000);
        client.close();
    }

    /** A state as the suite compares it: everything a display shows, not the time it was published. */
    static String shown(CounterState state) {
        return state.status() + " officer " + state.officer().orElse("-") + " "
                + state.current().map(c -> c.ticket() + " " + c.phase()).orElse("nobody at the counter");
    }
}
