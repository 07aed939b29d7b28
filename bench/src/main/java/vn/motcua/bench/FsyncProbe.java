package vn.motcua.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The storage floor: one SQLite transaction holding one small insert, committed, again and again, with the hub's
 * settings ({@code journal_mode=WAL}, {@code synchronous=FULL}, so every commit fsyncs the WAL). Its rate is the most
 * a one-fsync-per-request writer could do; its latency is the least a durable answer can cost.
 */
final class FsyncProbe {

    /** What one run measured: commits per second and each commit's duration. */
    record Result(int commits, double seconds, long[] sortedNanos) {
        double perSecond() {
            return commits / seconds;
        }

        long p(double percentile) {
            return Samples.percentile(sortedNanos, percentile);
        }

        String summary() {
            return String.format("%d one-row transactions in %.2f s = %.0f commits/s; commit p50 %s ms, p90 %s ms, "
                    + "p99 %s ms, max %s ms", commits, seconds, perSecond(), Samples.ms(p(50)), Samples.ms(p(90)),
                    Samples.ms(p(99)), Samples.ms(p(100)));
        }
    }

    private FsyncProbe() {
    }

    /**
     * Commits one-row transactions back to back in a new database {@code file} until {@code maxCommits} or
     * {@code maxSeconds}: the rate a disk can sustain.
     */
    static Result run(Path file, int maxCommits, double maxSeconds) throws SQLException {
        return run(file, maxCommits, maxSeconds, 0);
    }

    /**
     * As {@link #run(Path, int, double)}, starting a commit every {@code periodNanos} (0: back to back). A lone commit
     * on an idle disk costs more than one in a tight loop (measured here: ≈ 0.6 ms at 50 a second against ≈ 0.2 ms
     * back to back), and a hub at 50 requests a second commits alone, so the latency floor uses the paced figure.
     */
    static Result run(Path file, int maxCommits, double maxSeconds, long periodNanos) throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath())) {
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("CREATE TABLE probe (id INTEGER PRIMARY KEY, at INTEGER NOT NULL, payload BLOB NOT NULL)");
            }
            db.setAutoCommit(false);
            byte[] payload = new byte[300]; // about one stored response
            Samples commits = new Samples(maxCommits);
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO probe(at, payload) VALUES (?, ?)")) {
                // A few unmeasured commits first: the first ones create the WAL file and its index.
                for (int i = 0; i < 20; i++) {
                    insertAndCommit(db, insert, payload);
                }
                long start = System.nanoTime();
                long deadline = start + (long) (maxSeconds * 1e9);
                int n = 0;
                long next = System.nanoTime();
                while (n < maxCommits && System.nanoTime() < deadline) {
                    if (periodNanos > 0) {
                        next += periodNanos;
                        for (long wait = next - System.nanoTime(); wait > 0; wait = next - System.nanoTime()) {
                            java.util.concurrent.locks.LockSupport.parkNanos(wait);
                        }
                    }
                    long t0 = System.nanoTime();
                    insertAndCommit(db, insert, payload);
                    commits.add(System.nanoTime() - t0);
                    n++;
                }
                return new Result(n, (System.nanoTime() - start) / 1e9, commits.sorted());
            }
        }
    }

    private static void insertAndCommit(Connection db, PreparedStatement insert, byte[] payload) throws SQLException {
        insert.setLong(1, System.currentTimeMillis());
        insert.setBytes(2, payload);
        insert.executeUpdate();
        db.commit();
    }
}
