package vn.motcua.device.link;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;

/**
 * Requests sent and not yet answered, by request id. Callers' threads register; answers, timeouts and failures are
 * applied on the link's event thread, so each future completes exactly once, on that thread. Every answer to a request
 * still waited for, success or failure, tells the {@link HubClock} what the hub's clock said.
 */
final class PendingRequests {

    private static final Logger log = LoggerFactory.getLogger(PendingRequests.class);
    /** Answered ids remembered to drop repeats: far more than a unit sends within any redelivery window. */
    static final int REMEMBERED_ANSWERS = 1_024;

    private record Pending(Operation operation, CompletableFuture<ResponseBody> answer, Instant sent) {
    }

    private final String deviceId;
    private final EventThread eventThread;
    private final Duration timeout;
    private final Map<String, Pending> byId = new ConcurrentHashMap<>();
    private final Consumer<Response.Ok> unclaimed;
    private final HubClock hubClock;
    /**
     * Ids of requests already answered, most recent last (event thread only). A broker or a replaying client may
     * deliver the hub's answer twice; the second copy is not "a late answer nobody waits for" — treating it as one
     * made the kiosk cancel the ticket the citizen was holding — so it is dropped.
     */
    private final Map<String, Boolean> answered = new LinkedHashMap<>() {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > REMEMBERED_ANSWERS;
        }
    };

    /** {@code unclaimed} gets answers nobody waits for any more (expired, or sent before a restart). */
    PendingRequests(String deviceId, EventThread eventThread, Duration timeout, Consumer<Response.Ok> unclaimed,
                    HubClock hubClock) {
        this.deviceId = deviceId;
        this.eventThread = eventThread;
        this.timeout = timeout;
        this.unclaimed = unclaimed;
        this.hubClock = hubClock;
    }

    /** Registers the request before it is published, so even an instant answer finds it. */
    CompletableFuture<ResponseBody> register(Request request) {
        CompletableFuture<ResponseBody> answer = new CompletableFuture<>();
        byId.put(request.id(), new Pending(request.op(), answer, hubClock.localInstant()));
        try {
            ScheduledFuture<?> expiry = eventThread.schedule(() -> expire(request.id()), timeout);
            answer.whenComplete((body, failure) -> expiry.cancel(false));
        } catch (RejectedExecutionException closing) {
            fail(request.id(), new LinkException(deviceId + ": link closed"));
        }
        return answer;
    }

    /** Completes the request the response answers. Runs on the event thread. */
    void answer(Response response) {
        response.id().map(byId::get).ifPresent(pending ->
                response.at().ifPresent(at -> hubClock.observe(pending.sent(), at)));
        switch (response) {
            case Response.Ok ok -> {
                Pending pending = byId.remove(ok.requestId());
                if (pending == null && answered.containsKey(ok.requestId())) {
                    log.debug("{}: a repeated answer to {} was dropped", deviceId, ok.requestId());
                } else if (pending == null) {
                    log.info("{}: an answer to unknown or expired request {} ({}) arrived late", deviceId,
                            ok.requestId(), ok.operation().wireName());
                    unclaimed.accept(ok);
                } else if (pending.operation() != ok.operation()) {
                    pending.answer().completeExceptionally(new LinkException("hub answered " + ok.requestId() + " ("
                            + pending.operation().wireName() + ") as " + ok.operation().wireName()));
                } else {
                    answered.put(ok.requestId(), Boolean.TRUE);
                    pending.answer().complete(ok.body());
                }
            }
            case Response.Failure failure -> {
                Pending pending = failure.id().map(byId::remove).orElse(null);
                if (pending == null && failure.id().map(answered::containsKey).orElse(false)) {
                    log.debug("{}: a repeated answer to {} was dropped", deviceId, failure.id().get());
                } else if (pending == null) {
                    log.warn("{}: hub reported {} for unknown or unreadable request {}: {}", deviceId, failure.code(),
                            failure.id().orElse("(no id)"), failure.message());
                } else {
                    answered.put(failure.id().get(), Boolean.TRUE);
                    pending.answer().completeExceptionally(
                            new RequestFailedException(pending.operation(), failure.code(), failure.message()));
                }
            }
        }
    }

    /** The request could not be sent at all. */
    void fail(String requestId, Throwable cause) {
        Pending pending = byId.remove(requestId);
        if (pending != null) {
            pending.answer().completeExceptionally(cause);
        }
    }

    /** Fails everything still waiting, e.g. when the link closes. */
    void failAll(Throwable cause) {
        byId.keySet().forEach(id -> fail(id, cause));
    }

    private void expire(String requestId) {
        Pending pending = byId.remove(requestId);
        if (pending != null) {
            log.warn("{}: {} {} got no answer within {} ms", deviceId, pending.operation().wireName(), requestId,
                    timeout.toMillis());
            pending.answer().completeExceptionally(new RequestTimeoutException(pending.operation(), requestId, timeout));
        }
    }
}
