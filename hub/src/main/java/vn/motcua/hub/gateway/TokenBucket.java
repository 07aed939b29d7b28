package vn.motcua.hub.gateway;

/**
 * A token bucket on a nanosecond clock: holds at most {@code capacity} tokens, gains {@code perSecond} a second, and
 * a take succeeds while one is left. Times come from the caller, so it is tested without waiting. Not thread-safe:
 * each bucket belongs to the one thread that asks it.
 */
final class TokenBucket {

    private final double capacity;
    private final double perNano;
    private double tokens;
    private long at;

    TokenBucket(double capacity, double perSecond, long nowNanos) {
        this.capacity = capacity;
        this.perNano = perSecond / 1e9;
        this.tokens = capacity;
        this.at = nowNanos;
    }

    /** Takes one token if there is one at {@code nowNanos}. */
    boolean tryTake(long nowNanos) {
        refill(nowNanos);
        if (tokens < 1) {
            return false;
        }
        tokens -= 1;
        return true;
    }

    /** Whether the bucket has filled up again: the unit has kept within its rate for a whole bucket's worth. */
    boolean isFull(long nowNanos) {
        refill(nowNanos);
        return tokens >= capacity;
    }

    private void refill(long nowNanos) {
        if (nowNanos > at) {
            tokens = Math.min(capacity, tokens + (nowNanos - at) * perNano);
            at = nowNanos;
        }
    }
}
