package vn.motcua.hub.predict;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.hub.engine.CounterSlot;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.TicketState;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.CounterStatus;

/**
 * How long a counter is taken per ticket of a service, learned online from the engine's events: from the ticket's
 * call until the counter is free again (done, no-show, transfer, next service, hold), so the walk to the counter,
 * recalls and no-shows are inside it — the very time the forward simulation needs. Also what the forward simulation
 * needs beyond the mean: today's occupancies themselves, for the time still to come at a counter busy for a while
 * ({@link #remainingMinutes}); how long a pause lasts; and how often tickets come back into a queue ({@link Jumpers}).
 *
 * <p>Per service and per half hour of the office day (the call's local time): each half hour is shrunk towards the
 * service's mean (worth {@link #BUCKET_WEIGHT} observations), and the service's mean towards the profile's
 * {@code meanMin} (worth {@link #PRIOR_WEIGHT}), so a half hour with nothing observed falls back to the service and
 * a service with nothing observed to the profile. Older observations weigh less ({@link #DECAY} per newer one), so
 * the estimate follows the day. What was learned carries over to the next office day (a half hour's freshest
 * observations are then yesterday's of that half hour); what was under way (busy and paused counters, the day's
 * returning tickets) does not. A restarted hub learns the earlier days again from its log ({@code Engine#learn})
 * before replaying the current one, so it promises what it promised before. Pure and deterministic; one thread (the
 * engine's).
 */
public final class ServiceTimeLearner implements ServiceTimeStats {

    /** The profile's mean counts as this many observations. */
    static final double PRIOR_WEIGHT = 5;
    /** A half hour's own observations are shrunk towards the service's mean, worth this many. */
    static final double BUCKET_WEIGHT = 5;
    /** Each new observation of a series multiplies the weight of the older ones by this. */
    static final double DECAY = 0.9;
    /** A break's length before any was seen today, worth {@link #PAUSE_PRIOR_WEIGHT} breaks. */
    static final double PAUSE_PRIOR_MINUTES = 10;
    static final double PAUSE_PRIOR_WEIGHT = 2;
    /** Today's occupancies kept per service for the time still to come at a busy counter. */
    static final int RECENT_OCCUPANCIES = 60;
    /** The naive remainder, mean − elapsed, counts as this many of today's longer occupancies. */
    static final double RESIDUAL_PRIOR_WEIGHT = 2;
    /** Jump rates start at none, as if this many open minutes without any had passed. */
    static final double RATE_PRIOR_MINUTES = 30;

    private final Office office;
    private final Map<String, Mean> byService = new HashMap<>();
    private final Map<String, Mean> byHalfHour = new HashMap<>();
    private final Mean pauses = new Mean();
    /** The ticket each counter was last seen calling and when, until the counter is free again. */
    private final Map<Integer, Occupancy> occupied = new HashMap<>();
    private final Map<Integer, Instant> pausedSince = new HashMap<>();
    /** Tickets queued again today (next service, transfer), by their new service: see {@link Jumpers}. */
    private final Map<String, Integer> jumpers = new HashMap<>();
    /** The last {@link #RECENT_OCCUPANCIES} occupancies per service, oldest first. */
    private final Map<String, ArrayDeque<Double>> recent = new HashMap<>();

    private record Occupancy(String label, String service, Instant from) {
    }

    /** An exponentially weighted sum and weight. */
    private static final class Mean {
        double sum;
        double weight;

        void add(double x) {
            sum = sum * DECAY + x;
            weight = weight * DECAY + 1;
        }

        /** The mean shrunk towards {@code prior}, which counts as {@code priorWeight} observations. */
        double towards(double prior, double priorWeight) {
            return (prior * priorWeight + sum) / (priorWeight + weight);
        }
    }

    public ServiceTimeLearner(Office office) {
        this.office = office;
    }

    /** Learns from events in the order the engine applied them. */
    public void observe(List<Event> events) {
        events.forEach(this::observe);
    }

    private void observe(Event event) {
        switch (event) {
            case Event.DayOpened opened -> forget();
            case Event.DayClosed closed -> {
                // Whoever is still at a counter at the day's end was not finished by anyone: no occupancy to learn.
                occupied.clear();
                pausedSince.clear();
            }
            case Event.TicketCalled called -> {
                slot(called.counter(), called.at());
                occupied.put(called.counter().number(),
                        new Occupancy(called.ticket().label(), called.ticket().service(), called.at()));
            }
            case Event.TicketChanged changed -> {
                changed.counter().ifPresent(slot -> slot(slot, changed.at()));
                if (changed.ticket().state() == TicketState.WAITING) {
                    jumpers.merge(changed.ticket().service(), 1, Integer::sum); // back for a next service, or moved
                }
            }
            case Event.CounterChanged changed -> slot(changed.counter(), changed.at());
            case Event.ActionUndone undone -> {
                // The undone action's occupancy never happened; the restored ticket's started at its own call.
                int counter = undone.counterNumber();
                occupied.remove(counter);
                undone.counter().current().flatMap(label -> undone.tickets().stream()
                                .filter(t -> t.label().equals(label)).findFirst())
                        .filter(t -> t.calledAt().isPresent())
                        .ifPresent(t -> occupied.put(counter, new Occupancy(t.label(), t.service(), t.calledAt().get())));
                pause(undone.counter(), undone.at());
            }
            default -> {
            }
        }
    }

    /** A counter's new slot: the occupancy ends when its ticket left it, a pause when it is no longer paused. */
    private void slot(CounterSlot slot, Instant at) {
        Occupancy occupancy = occupied.get(slot.number());
        if (occupancy != null && !slot.current().equals(Optional.of(occupancy.label()))) {
            occupied.remove(slot.number());
            learn(occupancy, at);
        }
        pause(slot, at);
    }

    private void pause(CounterSlot slot, Instant at) {
        if (slot.status() == CounterStatus.PAUSED) {
            pausedSince.putIfAbsent(slot.number(), at);
            return;
        }
        Instant since = pausedSince.remove(slot.number());
        if (since != null && slot.status() == CounterStatus.OPEN) {
            pauses.add(minutes(since, at));
        }
    }

    private void learn(Occupancy occupancy, Instant until) {
        double minutes = minutes(occupancy.from(), until);
        byService.computeIfAbsent(occupancy.service(), s -> new Mean()).add(minutes);
        byHalfHour.computeIfAbsent(key(occupancy.service(), occupancy.from()), k -> new Mean()).add(minutes);
        ArrayDeque<Double> kept = recent.computeIfAbsent(occupancy.service(), s -> new ArrayDeque<>());
        kept.addLast(minutes);
        if (kept.size() > RECENT_OCCUPANCIES) {
            kept.removeFirst();
        }
    }

    private void forget() {
        occupied.clear();
        pausedSince.clear();
        jumpers.clear();
    }

    // ---- what was learned ----------------------------------------------------------------------------------

    /** The service's occupancy over the day so far, falling back to the profile's mean. */
    @Override
    public double meanMinutes(String service) {
        Mean learned = byService.get(service);
        double prior = prior(service);
        return learned == null ? prior : learned.towards(prior, PRIOR_WEIGHT);
    }

    /** The occupancy of a ticket of {@code service} called at {@code at}: its half hour, else the service's. */
    public double meanMinutes(String service, Instant at) {
        double overall = meanMinutes(service);
        Mean learned = byHalfHour.get(key(service, at));
        return learned == null ? overall : learned.towards(overall, BUCKET_WEIGHT);
    }

    /**
     * Minutes a counter busy with a ticket of {@code service} called {@code elapsed} minutes ago stays busy: of
     * today's occupancies longer than that, the mean time beyond it — longer than mean − elapsed, for the short ones
     * are over by now — blended with mean − elapsed (worth {@link #RESIDUAL_PRIOR_WEIGHT}), at least {@code floor}.
     */
    public double remainingMinutes(String service, Instant called, double elapsed, double floor) {
        double sum = Math.max(meanMinutes(service, called) - elapsed, floor) * RESIDUAL_PRIOR_WEIGHT;
        double weight = RESIDUAL_PRIOR_WEIGHT;
        for (double x : recent.getOrDefault(service, new ArrayDeque<>())) {
            if (x > elapsed) {
                sum += x - elapsed;
                weight++;
            }
        }
        return Math.max(sum / weight, floor);
    }

    /** Minutes until a paused counter is expected back: a typical break less what has passed, at least {@code floor}. */
    public double pauseRemaining(int counter, Instant now, double floor) {
        Instant since = pausedSince.get(counter);
        double elapsed = since == null ? 0 : minutes(since, now);
        return Math.max(pauses.towards(PAUSE_PRIOR_MINUTES, PAUSE_PRIOR_WEIGHT) - elapsed, floor);
    }

    /** Jumpers ({@link Jumpers}) of {@code service} per open minute, over the office day until {@code now}. */
    public double jumpRate(String service, Instant now) {
        OpeningHours hours = OpeningHours.of(office, now);
        double open = hours.openMinutes(hours.periods().getFirst()[0], now);
        return jumpers.getOrDefault(service, 0) / (open + RATE_PRIOR_MINUTES);
    }

    private double prior(String service) {
        return office.service(service).map(Office.Service::meanMinutes)
                .orElseThrow(() -> new IllegalArgumentException("office " + office.id() + " has no service " + service));
    }

    private String key(String service, Instant at) {
        LocalTime local = at.atZone(office.zone()).toLocalTime();
        return service + "@" + local.toSecondOfDay() / 1800;
    }

    private static double minutes(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 60_000.0;
    }
}
