package vn.motcua.device.link;

import java.util.function.Consumer;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;

/** Paho action listener that only cares about failures; Paho calls it on its own threads, so keep the work short. */
record FailureListener(Consumer<Throwable> onFailure) implements IMqttActionListener {

    @Override
    public void onSuccess(IMqttToken token) {
        // Success needs no action: a request's success is its answer, and an event's is silence.
    }

    @Override
    public void onFailure(IMqttToken token, Throwable failure) {
        onFailure.accept(failure);
    }
}
