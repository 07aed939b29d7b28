package vn.motcua.device.counter;

import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.link.MqttLink;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.store.StoreException;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;

/**
 * The unit at one counter: shows the counter's retained state on its display, sends the officer's keys and the
 * citizen's satisfaction rating to the hub. The display follows the retained state only, never the answers to
 * key presses, so every unit showing the counter agrees with the hub. While the hub is gone (its presence says offline,
 * or the link is down) the display says {@link CounterText#OFFLINE} and the officer's keys fail at once with
 * {@link vn.motcua.device.link.HubUnreachableException}; ratings are stored and sent when the hub is back.
 *
 * <p>Threads: {@link #press} and {@link #rate} may be called from any thread. State and connection changes arrive
 * on the link's event thread, which alone drives the display.
 */
public final class CounterUnit {

    private static final Logger log = LoggerFactory.getLogger(CounterUnit.class);

    private final MqttLink link;
    private final CounterDisplay display;
    private final int counter;
    private final String deviceId;
    private final Codec codec = new Codec();
    private volatile CounterState lastState; // written on the event thread, read by any
    /** Whether the hub can be reached, as last told; event thread only. */
    private boolean hubReachable;
    private final SatisfactionKeypad keypad;

    public CounterUnit(MqttLink link, CounterDisplay display) {
        this(link, display, () -> System.nanoTime() / 1_000_000);
    }

    /** As {@link #CounterUnit(MqttLink, CounterDisplay)}, the rating window timed by {@code clockMillis} (monotonic). */
    public CounterUnit(MqttLink link, CounterDisplay display, LongSupplier clockMillis) {
        this.counter = link.config().counter().orElseThrow(() -> new IllegalArgumentException(
                link.config().deviceId() + " is not configured as a COUNTER (it has no counter number)"));
        this.link = link;
        this.display = display;
        this.deviceId = link.config().deviceId();
        this.keypad = new SatisfactionKeypad(link.config().hardware().keypad(), clockMillis, this::rate, deviceId);
        link.onHub(this::hubChanged);
        link.onState(link.topics().counterState(counter), this::stateArrived);
    }

    /** The officer pressed {@code key}; completes with the hub's answer. */
    public CompletableFuture<ResponseBody> press(StaffKey key) {
        log.info("{}: {} pressed at counter {}", deviceId, key, counter);
        return logged(key.name(), link.request(key.request(counter)));
    }

    /** The citizen pressed a satisfaction key; {@code level} is a rating-level code of the site, e.g. SATISFIED. */
    public CompletableFuture<ResponseBody> rate(String level) {
        return submitRating(level, Optional.empty());
    }

    /**
     * A rating of {@code ticket}, served at this counter; the hub records it even when it arrives after the office's
     * rating window. The satisfaction keypad decides which ticket ({@link #keypad()}).
     */
    public CompletableFuture<ResponseBody> rate(String level, String ticket) {
        return submitRating(level, Optional.of(ticket));
    }

    /** The one place ratings leave the unit. */
    private CompletableFuture<ResponseBody> submitRating(String level, Optional<String> ticket) {
        RequestBody.RatingSubmit body;
        try {
            body = new RequestBody.RatingSubmit(counter, level, ticket);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        log.info("{}: rating {}{} at counter {}", deviceId, level, ticket.map(t -> " for " + t).orElse(""), counter);
        try {
            return logged("rating " + level, link.send(body)); // durable: stored before this returns
        } catch (StoreException e) {
            log.error("{}: rating {} not stored, so it will not be sent: {}", deviceId, level, e.getMessage());
            return CompletableFuture.failedFuture(e);
        }
    }

    /** The citizen's satisfaction keys (GPIO or terminal), which rate the ticket just served. */
    public SatisfactionKeypad keypad() {
        return keypad;
    }

    /** The officer signed in at this counter with their staff code (typed or scanned from their badge). */
    public CompletableFuture<ResponseBody> signIn(String officer) {
        RequestBody.CounterSignIn body;
        try {
            body = new RequestBody.CounterSignIn(counter, officer);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        log.info("{}: officer {} signs in at counter {}", deviceId, officer, counter);
        return logged("sign in", link.request(body));
    }

    /** Calls one particular waiting ticket, by its label (typed, or scanned from the ticket), out of turn. */
    public CompletableFuture<ResponseBody> callTicket(String ticket) {
        RequestBody.CounterCallTicket body;
        try {
            body = new RequestBody.CounterCallTicket(counter, ticket);
        } catch (ProtocolException e) {
            return CompletableFuture.failedFuture(e);
        }
        log.info("{}: ticket {} called at counter {}", deviceId, ticket, counter);
        return logged("call " + ticket, link.request(body));
    }

    public int counter() {
        return counter;
    }

    /** The counter's state as last published by the hub, if any has arrived. */
    public Optional<CounterState> state() {
        return Optional.ofNullable(lastState);
    }

    private void stateArrived(byte[] payload) {
        if (payload.length == 0) {
            return; // the hub cleared the retained state; keep showing the last one until it publishes anew
        }
        CounterState state;
        try {
            state = codec.decodeState(payload, CounterState.class);
        } catch (ProtocolException e) {
            log.warn("{}: ignored malformed counter state ({}): {}", deviceId, e.getMessage(), Codec.preview(payload));
            return;
        }
        if (state.counter() != counter) {
            log.warn("{}: ignored state of counter {} published for counter {}", deviceId, state.counter(), counter);
            return;
        }
        lastState = state;
        keypad.stateArrived(state);
        if (hubReachable) {
            display.show(state); // retained state re-sent on a reconnect is not news while the hub is gone
        }
    }

    /**
     * Without the hub every number may be stale and no key can work: say so until the hub is back. The hub publishes
     * the counter's state before its presence, so by then {@code lastState} is the current one.
     */
    private void hubChanged(boolean reachable) {
        hubReachable = reachable;
        if (!reachable) {
            display.showOffline();
        } else if (lastState != null) {
            display.show(lastState);
        }
    }

    private CompletableFuture<ResponseBody> logged(String what, CompletableFuture<ResponseBody> answer) {
        return answer.whenComplete((body, failure) -> {
            Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
            if (cause == null) {
                log.info("{}: {} done: {}", deviceId, what, body);
            } else if (cause instanceof RequestFailedException refused && refused.code() != ErrorCode.INTERNAL) {
                log.info("{}: {} refused: {} ({})", deviceId, what, refused.code(), refused.hubMessage());
            } else {
                log.warn("{}: {} failed: {}", deviceId, what, cause.toString());
            }
        });
    }
}
