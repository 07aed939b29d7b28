package vn.motcua.hub.gateway;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.LogText;
import vn.motcua.protocol.topic.Topic;
import vn.motcua.protocol.topic.Topics;

/**
 * Which unit a publish that reached the hub came from, or why it is refused before anything reads its payload:
 * {@code foreign_topic}
 * (not a unit topic of this site, e.g. a device id that breaks the naming rule). Each refusal is counted as
 * {@code motcua_gateway_refused_publishes_total{reason="…"}} and logged, the topic escaped, at most once a minute per
 * reason so that a flood of them cannot flood the log. Called on Paho's callback thread; never throws.
 */
final class InboundTopics {

    private static final Logger LOG = LoggerFactory.getLogger(InboundTopics.class);
    static final String REFUSED = "motcua_gateway_refused_publishes_total";
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final Topics topics;
    private final Metrics metrics;
    private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    InboundTopics(Topics topics, Metrics metrics) {
        this.topics = topics;
        this.metrics = metrics;
    }

    /** The unit topic {@code name} is, if it is one of this site's. */
    Optional<Topic.Device> unit(String name) {
        if (Topic.parse(name).orElse(null) instanceof Topic.Device device && device.site().equals(topics.site())) {
            return Optional.of(device);
        }
        refuse("foreign_topic", "the topic \"" + LogText.escape(name) + "\", which is not a unit topic of this site");
        return Optional.empty();
    }

    private void refuse(String reason, String what) {
        metrics.increment(REFUSED, "reason", reason);
        AtomicLong last = lastLogged.computeIfAbsent(reason, r -> new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= LOG_EVERY_NANOS && last.compareAndSet(before, now)) {
            LOG.warn("refused a publish on {} ({}: counted in /metrics; logged at most once a minute)", what, reason);
        }
    }
}
