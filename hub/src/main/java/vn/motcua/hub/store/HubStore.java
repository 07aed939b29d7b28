package vn.motcua.hub.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.Event;

/**
 * The hub's SQLite file: the append-only event log, the current-state tables kept from it, and the processed
 * request ids with their original responses. WAL with {@code synchronous=FULL}: a committed batch survives power
 * loss. Used only by the writer thread, which wraps each batch of requests in one transaction
 * ({@link #inTransaction}) so one fsync covers many requests.
 */
public final class HubStore implements AutoCloseable {

    private final Connection db;
    private final Statements statements;
    private final EventLog log;
    private final Projection projection;
    private final StorageRoom room;

    private HubStore(Connection db, StorageRoom room) throws SQLException {
        this.db = db;
        this.room = room;
        this.statements = new Statements(db);
        this.log = new EventLog(db, statements);
        this.projection = new Projection(statements);
    }

    public static HubStore open(Path file) {
        return open(file, true);
    }

    /**
     * A second connection for readers on other threads (web pages). It reads in autocommit mode, so each query sees
     * the latest committed state instead of holding one old snapshot; it never writes. Callers serialise its use.
     */
    public static HubStore openReader(Path file) {
        return open(file, false);
    }

    private static HubStore open(Path file, boolean writer) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            if (writer) {
                Schema.migrate(db);
                db.setAutoCommit(false);
            }
            return new HubStore(db, new StorageRoom(file));
        } catch (Exception e) {
            throw new StoreException("cannot open the hub database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Work that must commit atomically. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /**
     * Runs {@code work} and commits; on failure rolls back and throws, so nothing partial is ever visible.
     *
     * @throws CommitFailedException saying whether the storage is full, failing, or something else went wrong
     */
    public void inTransaction(Work work) {
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            rollBack(e);
            throw CommitFailedException.of(e, room);
        }
    }

    private void rollBack(Exception failure) {
        try {
            db.rollback();
        } catch (SQLException rollback) {
            // On a full disk or an I/O error SQLite has already rolled back by itself, so the driver's ROLLBACK fails
            // and it never opens its next transaction: every later statement would commit on its own, and a batch
            // could be half stored. Open it here; BEGIN fails, and so starts nothing, if a transaction is still open.
            failure.addSuppressed(rollback);
            try (Statement begin = db.createStatement()) {
                begin.execute("BEGIN");
            } catch (SQLException stillOpen) {
                failure.addSuppressed(stillOpen);
            }
        }
    }

    /**
     * Appends one command's events to the log and updates the current-state tables. {@code requestId} is the
     * device request that caused them, recorded with ratings so a rating is provably counted once.
     */
    public void append(LocalDate day, Optional<Integer> actor, List<Event> events, Optional<String> requestId)
            throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        log.append(day, actor, events);
        for (Event event : events) {
            projection.apply(event, requestId);
        }
    }

    /**
     * The number of the latest change appended to the log: each command or clock step that changed anything is one,
     * numbered in order from 1 (0 for an empty log) and never reused, so it only grows, across restarts too. Read
     * after a commit, it is the last change committed (a rolled-back batch only leaves a gap).
     */
    public long lastChange() {
        return log.lastGroup();
    }

    /** A stored group of events: one command's, with the counter that acted. */
    public record Replay(Optional<Integer> actor, List<Event> events) {
    }

    /** Everything the engine must replay to be where it was, in order. */
    public List<Replay> recovery() {
        try {
            return log.recovery().stream().map(g -> new Replay(g.actor(), List.copyOf(g.events()))).toList();
        } catch (SQLException e) {
            throw new StoreException("cannot read the event log: " + e.getMessage(), e);
        }
    }

    /** The counter events of the last {@code days} office days before the current one, for the wait predictor. */
    public List<Event> learningHistory(int days) {
        try {
            return log.learningHistory(days);
        } catch (SQLException e) {
            throw new StoreException("cannot read the event log: " + e.getMessage(), e);
        }
    }

    /** The office day the log starts in, if it has no day opening yet. */
    public Optional<LocalDate> firstDay() {
        try {
            return log.firstDay();
        } catch (SQLException e) {
            throw new StoreException("cannot read the event log: " + e.getMessage(), e);
        }
    }

    public void saveProcessed(String requestId, String deviceId, String op, byte[] response, Instant at)
            throws SQLException {
        PreparedStatement s = statements.get(
                "INSERT INTO processed_requests(request_id, device_id, op, response, at) VALUES (?,?,?,?,?)");
        s.setString(1, requestId);
        s.setString(2, deviceId);
        s.setString(3, op);
        s.setBytes(4, response);
        s.setString(5, at.toString());
        s.executeUpdate();
    }

    /** The response already sent for {@code requestId} by {@code deviceId}, if it was processed before. */
    public Optional<byte[]> processedResponse(String deviceId, String requestId) {
        return query("SELECT response FROM processed_requests WHERE request_id=? AND device_id=?",
                rs -> rs.getBytes(1), requestId, deviceId).stream().findFirst();
    }

    /** Why a ticket was called, each time it was: the explanation the allocation policy recorded. */
    public record CallRecord(String ticket, int counter, Optional<String> officer, String policy, String reason,
                             Instant at) {
    }

    public List<CallRecord> calls(LocalDate day, String ticket) {
        return query("SELECT label, counter, officer, policy, reason, at FROM calls WHERE day=? AND label=? ORDER BY seq",
                rs -> new CallRecord(rs.getString(1), rs.getInt(2), Optional.ofNullable(rs.getString(3)),
                        rs.getString(4), rs.getString(5), Instant.parse(rs.getString(6))), day.toString(), ticket);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try {
            PreparedStatement s = statements.get(sql);
            for (int i = 0; i < args.length; i++) {
                s.setObject(i + 1, args[i]);
            }
            List<T> out = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
            return out;
        } catch (SQLException e) {
            throw new StoreException("query failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        try {
            statements.close();
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the hub database: " + e.getMessage(), e);
        }
    }
}
