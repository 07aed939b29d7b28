package vn.motcua.hub.writer;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.store.CommitFailedException;
import vn.motcua.hub.store.CommitFailedException.Reason;

/**
 * Whether the writer's last commit went through, for {@code /health}, {@code /metrics} and the log. A run of failed
 * commits with the same reason is one episode: logged once at ERROR when it starts and once when a commit succeeds
 * again, never once per request, because a full disk under load would otherwise fill the journal too. Every failed
 * commit counts in {@value #FAILURES}{@code {reason=…}}. Written by the writer thread, read from any.
 */
final class CommitHealth {

    static final String FAILURES = "motcua_store_commit_failures_total";
    static final String FAILING = "motcua_store_commit_failing";
    private static final Logger LOG = LoggerFactory.getLogger(CommitHealth.class);

    /** The episode under way: why, since when, how many commits and requests failed in it. */
    private record Episode(Reason reason, Instant since, long commits, long requests) {
    }

    private final Metrics metrics;
    private final Clock clock;
    private volatile Episode episode;

    CommitHealth(Metrics metrics, Clock clock) {
        this.metrics = metrics;
        this.clock = clock;
        metrics.gauge(FAILING, () -> episode == null ? 0 : 1);
    }

    /** Why the last commit failed; empty if it succeeded (or none was tried yet). */
    Optional<Reason> failing() {
        Episode now = episode;
        return now == null ? Optional.empty() : Optional.of(now.reason());
    }

    /** A commit went through: ends the episode, if there was one. */
    void committed() {
        Episode ended = episode;
        if (ended != null) {
            episode = null;
            LOG.warn("storage works again: {} commit(s) of {} request(s) failed ({}) since {}", ended.commits(),
                    ended.requests(), ended.reason().label(), ended.since());
        }
    }

    /** A commit of {@code requests} requests (0 for the clock's own) failed and was rolled back; returns why. */
    Reason failed(RuntimeException failure, int requests) {
        Reason reason = failure instanceof CommitFailedException commit ? commit.reason() : Reason.OTHER;
        metrics.increment(FAILURES, "reason", reason.label());
        Episode before = episode;
        if (before != null && before.reason() == reason) {
            episode = new Episode(reason, before.since(), before.commits() + 1, before.requests() + requests);
            LOG.debug("commit failed again ({}): {}", reason.label(), failure.toString());
            return reason;
        }
        episode = new Episode(reason, clock.instant(), 1, requests);
        LOG.error("{}; every request is answered INTERNAL (retry with the same id) and nothing is stored until a "
                + "commit succeeds; logged once until then, counted in {}", headline(reason), FAILURES, failure);
        return reason;
    }

    /** What the administrator must do, first on the log line. */
    private static String headline(Reason reason) {
        return switch (reason) {
            case FULL -> "the hub's storage is full: free space on the data directory's disk";
            case IO -> "the hub's storage fails to write: check the SD card or disk";
            case OTHER -> "a commit failed for a reason other than the storage";
        };
    }

    /** The wire message for a request whose commit failed for {@code reason}: what happened, and that a retry is safe. */
    static String wireMessage(Reason reason) {
        return switch (reason) {
            case FULL -> "the hub's storage is full; nothing was stored: keep the request and retry with the same id";
            case IO -> "the hub's storage could not be written; nothing was stored: keep the request and retry with "
                    + "the same id";
            case OTHER -> "the hub could not store the request; retry with the same id";
        };
    }
}
