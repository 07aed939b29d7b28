package vn.motcua.hub.gateway;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import java.util.function.Predicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.metrics.Metrics;

/**
 * The units the hub has heard from (a request, an event or an online status on their own topics, so with a valid
 * device id), and when it last did: {@value #LAST_SEEN}{@code {device="…"}} is the age of the latest message in whole
 * seconds. A unit that sends its health event every 10 s is never older than that while it can reach the hub, so an
 * alert on, say, 30 s finds a unit that is down or cut off.
 *
 * <p>Only the office's units are tracked ({@link #onlyFor}). Every per-unit series of the hub (these, and {@link DeviceFacts}' gauges) exists only for a unit tracked here, and
 * at most {@link #MAX_UNITS} are: on a broker that lets anyone in (the embedded one without a password file), a flood
 * of made-up device ids must not grow {@code /metrics} and the hub's memory without bound. Ids beyond the cap are
 * counted in {@value #UNTRACKED} and logged once.
 *
 * <p>Threads: written on Paho's callback thread only, read by {@code /metrics}.
 */
final class SeenUnits {

    /** Far more units than an office has (a large one has about 40). */
    static final int MAX_UNITS = 500;
    static final String LAST_SEEN = "motcua_device_last_seen_seconds";
    static final String UNTRACKED = "motcua_device_messages_untracked_total";
    private static final Logger LOG = LoggerFactory.getLogger(SeenUnits.class);

    private final Metrics metrics;
    private final LongSupplier nanoTime;
    private final int maxUnits;
    private final Map<String, Long> lastNanos = new ConcurrentHashMap<>();
    private boolean warned;
    private volatile Predicate<String> units = id -> true;

    SeenUnits(Metrics metrics) {
        this(metrics, System::nanoTime, MAX_UNITS);
    }

    SeenUnits(Metrics metrics, LongSupplier nanoTime, int maxUnits) {
        this.metrics = metrics;
        this.nanoTime = nanoTime;
        this.maxUnits = maxUnits;
    }

    /** Tracks only ids {@code units} accepts (the office's units); others are counted in {@value #UNTRACKED}. */
    void onlyFor(Predicate<String> units) {
        this.units = units;
    }

    /** {@code deviceId} sent a message now; false when it is not tracked (the cap is reached). */
    boolean heard(String deviceId) {
        if (!track(deviceId)) {
            return false;
        }
        lastNanos.put(deviceId, nanoTime.getAsLong());
        return true;
    }

    /**
     * Whether {@code deviceId} has (or now gets) per-unit series: it is tracked already, or there is room for it.
     * Only the callback thread adds, so the size check cannot race with another add.
     */
    boolean track(String deviceId) {
        if (lastNanos.containsKey(deviceId)) {
            return true;
        }
        if (!units.test(deviceId)) {
            metrics.increment(UNTRACKED);
            return false;
        }
        if (lastNanos.size() >= maxUnits) {
            metrics.increment(UNTRACKED);
            if (!warned) {
                warned = true;
                LOG.warn("more than {} unit ids have sent messages; later ones get no per-unit metrics (counted in {})",
                        maxUnits, UNTRACKED);
            }
            return false;
        }
        lastNanos.put(deviceId, nanoTime.getAsLong());
        metrics.gauge(DeviceFacts.series(LAST_SEEN, deviceId), () -> TimeUnit.NANOSECONDS.toSeconds(
                nanoTime.getAsLong() - lastNanos.get(deviceId)));
        return true;
    }
}
