package vn.motcua.hub.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.LongSupplier;

/**
 * Counters of what the hub saw, by name and label (e.g. rejected requests by error code), served in Prometheus
 * text format at /metrics. Thread-safe; counting never blocks.
 */
public final class Metrics {

    private final Map<String, LongAdder> counters = new ConcurrentHashMap<>();
    private final Map<String, LongSupplier> gauges = new ConcurrentHashMap<>();

    /** Registers a value read when /metrics is scraped, e.g. how many units are online. */
    public void gauge(String name, LongSupplier value) {
        gauges.put(name, value);
    }

    /** Adds one to {@code name{label="value"}}. Names and labels are fixed strings of ours, never device input. */
    public void increment(String name, String label, String value) {
        counters.computeIfAbsent(name + "{" + label + "=\"" + value + "\"}", k -> new LongAdder()).increment();
    }

    public void increment(String name) {
        counters.computeIfAbsent(name, k -> new LongAdder()).increment();
    }

    public long value(String series) {
        LongAdder adder = counters.get(series);
        return adder == null ? 0 : adder.sum();
    }

    /** The Prometheus text exposition of every counter, sorted by name. */
    public String prometheusText() {
        StringBuilder out = new StringBuilder();
        new TreeMap<>(counters).forEach((series, adder) -> out.append(series).append(' ').append(adder.sum()).append('\n'));
        new TreeMap<>(gauges).forEach((series, value) -> out.append(series).append(' ').append(value.getAsLong()).append('\n'));
        return out.toString();
    }
}
