package vn.motcua.hub.broker;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.moquette.broker.security.IAuthorizatorPolicy;
import io.moquette.broker.subscriptions.Topic;
import vn.motcua.hub.metrics.Metrics;
import vn.motcua.protocol.LogText;

/**
 * The embedded broker's check of every PUBLISH, in front of its ACL ({@link UnitAcl}, or none without a password
 * file): a topic that is not printable ASCII — U+0000, a newline, what invalid UTF-8 decodes to — is refused, as
 * Mosquitto refuses it (it drops the client). Every topic of the contract is printable ASCII, and Paho's client
 * stops its receive thread on such topics, so none reaches the hub or a unit. A refused QoS 1 publish gets no PUBACK.
 *
 * <p>Moquette logs every refused publish with the raw topic; the hub's logging configuration silences those loggers
 * and this guard logs instead, the topic escaped by {@link LogText}, at most once a minute per reason, and counts
 * {@code motcua_broker_refused_publishes_total{reason="unreadable_topic"|"not_permitted"}}. Called on Moquette's
 * threads; thread-safe.
 */
final class PublishGuard implements IAuthorizatorPolicy {

    private static final Logger LOG = LoggerFactory.getLogger(PublishGuard.class);
    static final String REFUSED = "motcua_broker_refused_publishes_total";
    private static final long LOG_EVERY_NANOS = 60_000_000_000L;

    private final IAuthorizatorPolicy acl;
    private final Metrics metrics;
    private final Map<String, AtomicLong> lastLogged = new ConcurrentHashMap<>();

    PublishGuard(IAuthorizatorPolicy acl, Metrics metrics) {
        this.acl = acl;
        this.metrics = metrics;
    }

    @Override
    public boolean canWrite(Topic topic, String user, String client) {
        String name = topic.toString();
        if (!isPrintableAscii(name)) {
            refuse("unreadable_topic", name, client);
            return false;
        }
        if (!acl.canWrite(topic, user, client)) {
            refuse("not_permitted", name, client);
            return false;
        }
        return true;
    }

    @Override
    public boolean canRead(Topic filter, String user, String client) {
        return acl.canRead(filter, user, client);
    }

    static boolean isPrintableAscii(String name) {
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c > 0x7E) {
                return false;
            }
        }
        return true;
    }

    private void refuse(String reason, String topic, String client) {
        metrics.increment(REFUSED, "reason", reason);
        AtomicLong last = lastLogged.computeIfAbsent(reason, r -> new AtomicLong(System.nanoTime() - LOG_EVERY_NANOS));
        long now = System.nanoTime();
        long before = last.get();
        if (now - before >= LOG_EVERY_NANOS && last.compareAndSet(before, now)) {
            LOG.warn("refused a publish by client \"{}\" on \"{}\" ({}: counted in /metrics; logged at most once a"
                    + " minute)", LogText.escape(client), LogText.escape(topic), reason);
        }
    }

    /** The ACL of a broker without a password file: anyone may publish and subscribe anywhere. */
    static final class PermitAll implements IAuthorizatorPolicy {
        @Override
        public boolean canWrite(Topic topic, String user, String client) {
            return true;
        }

        @Override
        public boolean canRead(Topic filter, String user, String client) {
            return true;
        }
    }
}
