package vn.motcua.device.link;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hub's clock as this unit estimates it: the unit's own clock plus an offset learnt from the {@code at} of the
 * hub's answers (protocol §6.3). Request ids and deadlines are made by it, so a unit whose clock is minutes wrong — no
 * NTP on the office network, a flat RTC battery — still sends deadlines the hub reads right from its second exchange
 * on. The offset is {@code at} minus the midpoint of sending and receiving, taken only from answers that came back
 * within {@link #SHORT_ROUND_TRIP}, so it is off by at most half of that; zero until the first such answer.
 * Thread-safe: answers are observed on the link's event thread, ids are made on callers' threads.
 */
final class HubClock extends Clock {

    private static final Logger log = LoggerFactory.getLogger(HubClock.class);

    /** Round trips longer than this say too little about when the hub read its clock. */
    static final Duration SHORT_ROUND_TRIP = Duration.ofSeconds(1);
    /** An offset change smaller than this is measuring noise, not worth a log line. */
    private static final Duration NOTEWORTHY = Duration.ofSeconds(1);

    private final String deviceId;
    private final Clock local;
    private volatile long offsetMillis;

    HubClock(String deviceId, Clock local) {
        this.deviceId = deviceId;
        this.local = local;
    }

    /** The unit's own clock, by which send and receive times are taken. */
    Instant localInstant() {
        return local.instant();
    }

    /** A request sent at {@code sent} (local clock) was answered now, by a hub whose clock said {@code at}. */
    void observe(Instant sent, OffsetDateTime at) {
        Instant received = local.instant();
        Duration roundTrip = Duration.between(sent, received);
        if (roundTrip.isNegative() || roundTrip.compareTo(SHORT_ROUND_TRIP) > 0) {
            return; // the local clock stepped meanwhile, or the answer waited somewhere
        }
        Instant midpoint = sent.plus(roundTrip.dividedBy(2));
        long offset = Duration.between(midpoint, at.toInstant()).toMillis();
        if (Math.abs(offset - offsetMillis) >= NOTEWORTHY.toMillis()) {
            log.info("{}: this unit's clock is {} ms {} the hub's; requests now carry the hub's time", deviceId,
                    Math.abs(offset), offset > 0 ? "behind" : "ahead of");
        }
        offsetMillis = offset;
    }

    /** How far the hub's clock is ahead of this unit's (negative: behind), as last measured. */
    Duration offset() {
        return Duration.ofMillis(offsetMillis);
    }

    @Override
    public Instant instant() {
        return local.instant().plusMillis(offsetMillis);
    }

    @Override
    public ZoneId getZone() {
        return local.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException("the hub's clock keeps the unit's zone");
    }
}
