package vn.motcua.device.link;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;

import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.device.store.Outbox;
import vn.motcua.device.store.StoreException;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;

/**
 * Drains the {@link Outbox} to the broker: one entry in flight at a time, oldest first, so the hub sees a unit's
 * stored messages in the order they happened (a rating after the ticket it rates, offline tickets in print order).
 * A request leaves the outbox when the hub answers it; an event when the broker has taken it (PUBACK: from there the
 * broker's persistent session for the hub holds it). Without an answer within the timeout, or after the link
 * dropped, the same entry — same id, same bytes — is sent again; the hub answers a repeat from its processed-id table.
 * A refusal ends an entry (kept forever it would block every later one) except {@code INTERNAL} and
 * {@code RATE_LIMITED}, for which the hub recorded nothing and asks for the same request again later.
 *
 * <p>Runs on the link's event thread: {@link #kick}, {@link #claim} and the timers all do, so the in-flight entry
 * needs no lock. Only {@link #store} runs on the caller's thread, as the caller must know the entry is on disk.
 */
final class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    private final String deviceId;
    private final Outbox outbox;
    private final MqttAsyncClient client;
    private final EventThread eventThread;
    private final Duration answerTimeout;
    private final String requestTopic;
    private final String eventTopic;
    private final DeviceMetrics metrics;
    /** Futures of entries stored by this process, completed when they leave the outbox. */
    private final Map<String, CompletableFuture<ResponseBody>> waiting = new ConcurrentHashMap<>();

    private Outbox.Entry inFlight;
    private ScheduledFuture<?> deadline;
    private int attempts;
    private boolean closed;

    OutboxSender(String deviceId, Outbox outbox, MqttAsyncClient client, EventThread eventThread,
                 Duration answerTimeout, String requestTopic, String eventTopic, DeviceMetrics metrics) {
        this.deviceId = deviceId;
        this.outbox = outbox;
        this.client = client;
        this.eventThread = eventThread;
        this.answerTimeout = answerTimeout;
        this.requestTopic = requestTopic;
        this.eventTopic = eventTopic;
        this.metrics = metrics;
    }

    /**
     * Stores an entry (on disk when this returns) and starts sending it after those stored before it. The future
     * completes with the hub's answer (events: with empty) when the entry leaves the outbox.
     *
     * @throws StoreException when it cannot be stored; nothing will be sent then
     */
    CompletableFuture<ResponseBody> store(String id, Outbox.Kind kind, String name, byte[] payload) {
        CompletableFuture<ResponseBody> done = new CompletableFuture<>();
        waiting.put(id, done);
        try {
            outbox.append(id, kind, name, payload);
        } catch (StoreException e) {
            waiting.remove(id);
            metrics.increment("outbox.store_failed");
            throw e;
        }
        metrics.increment("outbox.stored");
        eventThread.execute(this::kick);
        return done;
    }

    /** Sends the oldest entry if the link is up and nothing is in flight. */
    void kick() {
        if (closed || !client.isConnected() || inFlight != null) {
            return;
        }
        try {
            inFlight = outbox.oldest().orElse(null);
        } catch (StoreException e) {
            log.error("{}: {}; retrying in {} s", deviceId, e.getMessage(), MAX_BACKOFF.toSeconds());
            metrics.increment("outbox.read_failed");
            deadline = eventThread.schedule(this::kick, MAX_BACKOFF);
            return;
        }
        attempts = 0;
        if (inFlight != null) {
            publish(inFlight);
        }
    }

    /** The link came back: resend what was in flight, with the same id, or start on the next. */
    void connected() {
        cancelDeadline();
        resend();
    }

    private void resend() {
        if (closed || !client.isConnected()) {
            return; // the next connect resends
        }
        if (inFlight == null) {
            kick();
        } else {
            publish(inFlight);
        }
    }

    /**
     * An answer arrived: true when it answers the entry in flight (or a stored one), which then leaves the outbox.
     * False for answers to interactive requests, which the caller routes on.
     */
    boolean claim(Response response) {
        Optional<String> id = switch (response) {
            case Response.Ok ok -> Optional.of(ok.requestId());
            case Response.Failure failure -> failure.id();
        };
        if (id.isEmpty()) {
            return false;
        }
        boolean ours = inFlight != null && inFlight.id().equals(id.get());
        if (!ours && !waiting.containsKey(id.get())) {
            return false;
        }
        if (response instanceof Response.Failure failure
                && (failure.code() == ErrorCode.INTERNAL || failure.code() == ErrorCode.RATE_LIMITED)) {
            log.warn("{}: hub could not take {} yet ({}); sending it again later", deviceId, id.get(), failure.message());
            metrics.increment("outbox.retried");
            if (ours) {
                retryLater();
            }
            return true;
        }
        finish(id.get(), response);
        return true;
    }

    int depth() {
        return outbox.depth();
    }

    /** Stops sending; what is still stored is sent by the next start. */
    void close() {
        closed = true;
        cancelDeadline();
        waiting.values().forEach(f -> f.completeExceptionally(new LinkException(deviceId
                + ": link closed; the message stays in the outbox and is sent after the next start")));
        waiting.clear();
    }

    private void publish(Outbox.Entry entry) {
        attempts++;
        if (attempts > 1) {
            metrics.increment("outbox.resent");
            log.info("{}: sending {} {} again (attempt {})", deviceId, entry.name(), entry.id(), attempts);
        }
        cancelDeadline();
        String topic = entry.kind() == Outbox.Kind.REQUEST ? requestTopic : eventTopic;
        try {
            client.publish(topic, entry.payload(), Protocol.QOS, false, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    if (entry.kind() == Outbox.Kind.EVENT) {
                        eventThread.execute(() -> finish(entry.id(), null));
                    }
                }

                @Override
                public void onFailure(IMqttToken token, Throwable failure) {
                    eventThread.execute(() -> sendFailed(entry, failure));
                }
            });
        } catch (MqttException e) {
            sendFailed(entry, e);
            return;
        }
        if (entry.kind() == Outbox.Kind.REQUEST) {
            deadline = eventThread.schedule(() -> {
                if (inFlight == entry) {
                    log.warn("{}: {} {} got no answer within {} ms", deviceId, entry.name(), entry.id(),
                            answerTimeout.toMillis());
                    retryLater();
                }
            }, answerTimeout);
        }
    }

    private void sendFailed(Outbox.Entry entry, Throwable failure) {
        if (inFlight == entry) {
            log.info("{}: {} {} not sent ({}); it stays in the outbox", deviceId, entry.name(), entry.id(),
                    failure.toString());
            retryLater(); // a reconnect resends sooner
        }
    }

    /** Leaves the in-flight entry in place and sends it again after a back-off that doubles up to a limit. */
    private void retryLater() {
        cancelDeadline();
        long delayMs = Math.min(MAX_BACKOFF.toMillis(), 500L << Math.min(attempts, 10));
        deadline = eventThread.schedule(this::resend, Duration.ofMillis(delayMs));
    }

    /** The entry is done with (answered, refused, or taken by the broker): remove it and send the next. */
    private void finish(String id, Response response) {
        try {
            outbox.remove(id);
        } catch (StoreException e) {
            // Kept on disk, it is sent again after a restart and the hub answers the repeat: no harm, only noise.
            log.error("{}: {}", deviceId, e.getMessage());
            metrics.increment("outbox.remove_failed");
        }
        CompletableFuture<ResponseBody> done = waiting.remove(id);
        switch (response) {
            case null -> {
                metrics.increment("outbox.delivered");
                complete(done, null);
            }
            case Response.Ok ok -> {
                metrics.increment("outbox.delivered");
                complete(done, ok.body());
            }
            case Response.Failure failure -> {
                log.warn("{}: hub refused {} ({}: {}); dropped from the outbox", deviceId, id, failure.code(),
                        failure.message());
                metrics.increment("outbox.refused." + failure.code().name().toLowerCase(Locale.ROOT));
                if (done != null) {
                    done.completeExceptionally(new RequestFailedException(failure.op().orElse(null),
                            failure.code(), failure.message()));
                }
            }
        }
        if (inFlight != null && inFlight.id().equals(id)) {
            inFlight = null;
            cancelDeadline();
            kick();
        }
    }

    private static void complete(CompletableFuture<ResponseBody> done, ResponseBody body) {
        if (done != null) {
            done.complete(body);
        }
    }

    private void cancelDeadline() {
        if (deadline != null) {
            deadline.cancel(false);
            deadline = null;
        }
    }
}
