package vn.motcua.device.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * A unit's own counters (scans rejected by reason, requests resent, tickets printed offline, ...). A unit has no web
 * server, so they are read through {@link #snapshot()} into its health file and health event. Names are dotted
 * lower-case, e.g. {@code scan.rejected.too_long}. Thread-safe; one instance per unit.
 */
public final class DeviceMetrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();

    /** Adds one to counter {@code name}, creating it at zero first. */
    public void increment(String name) {
        counters.computeIfAbsent(name, n -> new LongAdder()).increment();
    }

    /** The current value of counter {@code name}; 0 when it was never incremented. */
    public long count(String name) {
        LongAdder counter = counters.get(name);
        return counter == null ? 0 : counter.sum();
    }

    /** Every counter's current value, sorted by name. */
    public Map<String, Long> snapshot() {
        Map<String, Long> values = new TreeMap<>();
        counters.forEach((name, counter) -> values.put(name, counter.sum()));
        return values;
    }
}
