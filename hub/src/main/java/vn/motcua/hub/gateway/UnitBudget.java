package vn.motcua.hub.gateway;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongSupplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.UnitLimits;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.Response;

/**
 * Each unit's share of the hub, checked before a request reaches the desk writer's queue: a request budget (so a
 * flooding unit's requests do not queue ahead of everyone else's) and a ticket budget (so one unit cannot use up a
 * service's numbers). Over budget, the request is answered at once with {@code RATE_LIMITED} or
 * {@code TOO_MANY_TICKETS} and is not recorded as processed: the unit may send it again, same id, later, and it is
 * then applied once. Counted per unit ({@link UnitLabels}); a unit's first refusal of an episode is logged at WARN and,
 * for tickets, raises {@code motcua_ticket_flood_alerts_total{device="…"}}. An episode ends when the unit's bucket has
 * filled up again. Runs on Paho's callback thread only, which owns the buckets.
 */
final class UnitBudget {

    private static final Logger LOG = LoggerFactory.getLogger(UnitBudget.class);
    static final String RATE_LIMITED = "motcua_unit_rate_limited_total";
    static final String TICKETS_REFUSED = "motcua_unit_tickets_refused_total";
    static final String FLOOD_ALERTS = "motcua_ticket_flood_alerts_total";
    /** Units whose budgets are kept; past it, full buckets (units within their budget) are forgotten: no loss. */
    private static final int TRACKED = 2_000;

    private final UnitLimits limits;
    private final Metrics metrics;
    private final LongSupplier nanos;
    private final UnitLabels labels = new UnitLabels();
    private final Map<String, Unit> units = new HashMap<>();

    UnitBudget(UnitLimits limits, Metrics metrics, LongSupplier nanos) {
        this.limits = limits;
        this.metrics = metrics;
        this.nanos = nanos;
    }

    /** The refusal to answer {@code request} with, or empty when it may go to the writer. */
    Optional<Response.Failure> admit(String deviceId, Request request) {
        long now = nanos.getAsLong();
        Unit unit = unit(deviceId, now);
        unit.idle(now); // ends an episode the unit has recovered from
        if (!unit.requests.tryTake(now)) {
            if (unit.startFlooding()) {
                LOG.warn("unit {} sends more than {} requests a second (after a burst of {}): answering RATE_LIMITED",
                        deviceId, limits.requestsPerSecond(), limits.requestBurst());
            }
            metrics.increment(RATE_LIMITED, "device", labels.of(deviceId));
            return Optional.of(Response.Failure.of(request, ErrorCode.RATE_LIMITED, "this unit sent more than "
                    + limits.requestsPerSecond() + " requests a second; nothing changed: send it again after a pause"));
        }
        if (issuesTicket(request.op()) && !unit.tickets.tryTake(now)) {
            if (unit.startIssuingTooMany()) {
                metrics.increment(FLOOD_ALERTS, "device", labels.of(deviceId));
                LOG.warn("ALERT: unit {} issues more than {} tickets a minute, faster than any kiosk printer hands"
                        + " them out: refusing its tickets until it slows down (a fault or misuse: check the unit)",
                        deviceId, limits.ticketsPerMinute());
            }
            metrics.increment(TICKETS_REFUSED, "device", labels.of(deviceId));
            return Optional.of(Response.Failure.of(request, ErrorCode.TOO_MANY_TICKETS, "this unit issued more than "
                    + limits.ticketsPerMinute() + " tickets a minute; nothing changed and the office is alerted"));
        }
        return Optional.empty();
    }

    private static boolean issuesTicket(Operation op) {
        return op == Operation.TICKET_ISSUE || op == Operation.APPOINTMENT_CHECKIN;
    }

    private Unit unit(String deviceId, long now) {
        if (units.size() >= TRACKED && !units.containsKey(deviceId)) {
            units.values().removeIf(unit -> unit.idle(now));
        }
        return units.computeIfAbsent(deviceId, id -> new Unit(limits, now));
    }

    /** One unit's buckets and whether it is in an episode of refusals. */
    private static final class Unit {
        final TokenBucket requests;
        final TokenBucket tickets;
        boolean flooding;
        boolean issuingTooMany;

        Unit(UnitLimits limits, long now) {
            requests = new TokenBucket(limits.requestBurst(), limits.requestsPerSecond(), now);
            tickets = new TokenBucket(limits.ticketsPerMinute(), limits.ticketsPerMinute() / 60.0, now);
        }

        /** True when this refusal starts an episode: the first since the request bucket was last full. */
        boolean startFlooding() {
            boolean starts = !flooding;
            flooding = true;
            return starts;
        }

        boolean startIssuingTooMany() {
            boolean starts = !issuingTooMany;
            issuingTooMany = true;
            return starts;
        }

        /**
         * Ends each episode whose bucket has filled up again; true when both are full, i.e. forgetting the unit loses
         * nothing.
         */
        boolean idle(long now) {
            if (requests.isFull(now)) {
                flooding = false;
            }
            if (tickets.isFull(now)) {
                issuingTooMany = false;
            }
            return !flooding && !issuingTooMany && requests.isFull(now) && tickets.isFull(now);
        }
    }
}
