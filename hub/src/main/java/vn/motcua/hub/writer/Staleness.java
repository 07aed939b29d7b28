package vn.motcua.hub.writer;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;

/**
 * Which new requests come too late to be carried out (protocol §6.2), decided by the writer with its own clock at the
 * moment it takes the request, so time spent in the broker's queue, a frozen connection or the writer's own queue all
 * count. An interactive request ({@code Operation.interactive()}) past its effective deadline is {@code EXPIRED}: the
 * person who pressed the key was told it failed and has moved on. The effective deadline is the request's
 * {@code deadline}, or its id's time plus {@link Protocol#DEFAULT_DEADLINE} without one, and never later than its id's
 * time plus {@link Protocol#MAX_DEADLINE}, so no client can make a key press good for ever. Any request whose id's time
 * is older than the hub keeps processed ids, or too far ahead of its clock, is {@code ID_OUT_OF_RANGE}: the hub could
 * not tell a replay from a new request. Repeats of processed ids never get here: they are answered from the store.
 */
final class Staleness {

    private final Metrics metrics;

    Staleness(Metrics metrics) {
        this.metrics = metrics;
    }

    /** The refusal for {@code request} taken at {@code now}, or empty when it is fresh enough to decide. */
    Optional<Decision> refusal(Request request, Instant now) {
        Instant idTime = Instant.ofEpochMilli(Ulid.timestampMillis(request.id()));
        if (idTime.isBefore(now.minus(Protocol.PROCESSED_ID_RETENTION))) {
            return idOutOfRange("the request id's time is " + Duration.between(idTime, now).toDays()
                    + " days before the hub's clock; ids older than " + Protocol.PROCESSED_ID_RETENTION.toDays()
                    + " days are refused, as the hub no longer remembers whether they were processed");
        }
        if (idTime.isAfter(now.plus(Protocol.MAX_ID_AHEAD))) {
            return idOutOfRange("the request id's time is " + Duration.between(now, idTime).toHours()
                    + " hours ahead of the hub's clock; at most " + Protocol.MAX_ID_AHEAD.toHours()
                    + " hours are accepted");
        }
        if (!request.op().interactive()) {
            return Optional.empty();
        }
        Instant latest = idTime.plus(Protocol.MAX_DEADLINE);
        Instant deadline = request.deadline().map(d -> d.toInstant().isAfter(latest) ? latest : d.toInstant())
                .orElse(idTime.plus(Protocol.DEFAULT_DEADLINE));
        if (!now.isAfter(deadline)) {
            return Optional.empty();
        }
        metrics.increment("motcua_requests_expired_total", "op", request.op().wireName());
        return Optional.of(rejected(ErrorCode.EXPIRED, request.op().wireName() + " reached the hub "
                + Duration.between(deadline, now).toMillis() + " ms after its deadline, when the unit had given up on "
                + "it; nothing changed"));
    }

    private Optional<Decision> idOutOfRange(String message) {
        metrics.increment("motcua_requests_id_out_of_range_total");
        return Optional.of(rejected(ErrorCode.ID_OUT_OF_RANGE, message + "; nothing changed"));
    }

    private static Decision rejected(ErrorCode code, String message) {
        return new Decision(List.of(), Optional.empty(), List.of(), Optional.empty(),
                Optional.of(new Decision.Rejection(code, message)));
    }
}
