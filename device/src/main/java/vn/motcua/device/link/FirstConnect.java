package vn.motcua.device.link;

import java.security.cert.CertificateException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The first connect, retried until a deadline. Paho reconnects by itself only after a connection has once succeeded,
 * and a unit often boots before the hub's broker is up. Runs on the caller's thread.
 */
final class FirstConnect {

    private static final Logger log = LoggerFactory.getLogger(FirstConnect.class);
    private static final Duration RETRY_PAUSE = Duration.ofMillis(500);

    private final String deviceId;
    private final MqttAsyncClient client;
    private final MqttConnectOptions options;
    private final CompletableFuture<Void> subscribed;
    private final String username;

    FirstConnect(String deviceId, MqttAsyncClient client, MqttConnectOptions options,
                 CompletableFuture<Void> subscribed, String username) {
        this.deviceId = deviceId;
        this.client = client;
        this.options = options;
        this.subscribed = subscribed;
        this.username = username;
    }

    /**
     * Returns once connected and subscribed; throws {@link LinkException} at the deadline, or at once when the broker
     * refuses the unit's credentials or the unit refuses the broker's certificate: waiting does not fix either.
     */
    void await(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        int attempts = 0;
        while (true) {
            attempts++;
            try {
                // Bounded by the connect options' connection timeout; the extra second covers the CONNACK.
                client.connect(options).waitForCompletion((options.getConnectionTimeout() + 1) * 1000L);
                break;
            } catch (MqttException e) {
                if (client.isConnected()) {
                    break; // an attempt that outlived its wait succeeded after all
                }
                failFastOnRefusal(e);
                if (Instant.now().plus(RETRY_PAUSE).isAfter(deadline)) {
                    throw new LinkException(deviceId + ": could not connect to " + client.getServerURI() + " within "
                            + timeout.toSeconds() + " s (" + attempts + " attempts): " + describe(e), e);
                }
                if (attempts == 1) {
                    log.warn("{}: broker {} not reachable yet ({}); retrying until {}", deviceId,
                            client.getServerURI(), describe(e), deadline);
                }
                pause();
            }
        }
        awaitSubscribed(Duration.between(Instant.now(), deadline));
    }

    private void failFastOnRefusal(MqttException e) {
        String refusal = switch (e.getReasonCode()) {
            case MqttException.REASON_CODE_FAILED_AUTHENTICATION -> "bad user name or password";
            case MqttException.REASON_CODE_NOT_AUTHORIZED -> "not authorised to connect";
            default -> null;
        };
        if (refusal != null) {
            throw new LinkException(deviceId + ": the broker " + client.getServerURI() + " refused " + deviceId
                    + "'s credentials (user " + username + ": " + refusal + "); check the unit's passwordFile and the "
                    + "broker's password file", e);
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof CertificateException) {
                throw new LinkException(deviceId + ": TLS to " + client.getServerURI() + " failed: the broker's "
                        + "certificate was refused (" + cause.getMessage() + "); it must be issued by the site CA of "
                        + "the unit's caFile and name the broker's host", e);
            }
        }
    }

    private void awaitSubscribed(Duration remaining) {
        try {
            subscribed.get(Math.max(remaining.toMillis(), 1_000), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new LinkException(deviceId + ": connected but could not subscribe: " + e.getCause(), e.getCause());
        } catch (TimeoutException e) {
            throw new LinkException(deviceId + ": connected but the broker did not confirm the subscriptions", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(deviceId + ": interrupted while connecting", e);
        }
    }

    /** Back-off between first-connect attempts, so a unit booting before the broker does not spin. */
    private void pause() {
        try {
            Thread.sleep(RETRY_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LinkException(deviceId + ": interrupted while connecting", e);
        }
    }

    private static String describe(MqttException e) {
        return e.getCause() == null ? e.getMessage() + " (" + e.getReasonCode() + ")"
                : e.getMessage() + ": " + e.getCause().getMessage();
    }
}
