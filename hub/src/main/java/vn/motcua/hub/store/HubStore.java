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

import vn.motcua.hub.desk.CounterSlot;
import vn.motcua.hub.desk.Rating;
import vn.motcua.hub.desk.Ticket;
import vn.motcua.hub.desk.TicketState;
import vn.motcua.protocol.message.CounterStatus;

/**
 * The hub's SQLite file: tickets, counters, ratings and the processed request ids with their original responses.
 * WAL with {@code synchronous=FULL}: a committed batch survives power loss. Used only by the writer thread, which
 * wraps each batch of requests in one transaction ({@link #inTransaction}) so one fsync covers many requests.
 */
public final class HubStore implements AutoCloseable {

    private final Connection db;

    private HubStore(Connection db) {
        this.db = db;
    }

    public static HubStore open(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Connection db = DriverManager.getConnection("jdbc:sqlite:" + file.toAbsolutePath());
            try (Statement s = db.createStatement()) {
                s.execute("PRAGMA journal_mode=WAL");
                s.execute("PRAGMA synchronous=FULL");
                s.execute("PRAGMA busy_timeout=5000");
            }
            Schema.migrate(db);
            db.setAutoCommit(false);
            return new HubStore(db);
        } catch (Exception e) {
            throw new StoreException("cannot open the hub database " + file + ": " + e.getMessage(), e);
        }
    }

    /** Work that must commit atomically. */
    @FunctionalInterface
    public interface Work {
        void run() throws SQLException;
    }

    /** Runs {@code work} and commits; on failure rolls back and rethrows, so nothing partial is ever visible. */
    public void inTransaction(Work work) {
        try {
            work.run();
            db.commit();
        } catch (SQLException | RuntimeException e) {
            try {
                db.rollback();
            } catch (SQLException rollback) {
                e.addSuppressed(rollback);
            }
            throw new StoreException("transaction rolled back: " + e.getMessage(), e);
        }
    }

    public void saveTicket(Ticket t) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO tickets(day, label, service, number, issued_at, priority, state, counter, called_at,
                                    recalls, started_at, finished_at)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(day, label) DO UPDATE SET state=excluded.state, counter=excluded.counter,
                    called_at=excluded.called_at, recalls=excluded.recalls, started_at=excluded.started_at,
                    finished_at=excluded.finished_at""")) {
            s.setString(1, t.day().toString());
            s.setString(2, t.label());
            s.setString(3, t.service());
            s.setInt(4, t.number());
            s.setString(5, t.issuedAt().toString());
            s.setString(6, t.priority().orElse(null));
            s.setString(7, t.state().name());
            s.setInt(8, t.counter());
            s.setString(9, t.calledAt().map(Instant::toString).orElse(null));
            s.setInt(10, t.recalls());
            s.setString(11, t.startedAt().map(Instant::toString).orElse(null));
            s.setString(12, t.finishedAt().map(Instant::toString).orElse(null));
            s.executeUpdate();
        }
    }

    public void saveCounter(CounterSlot slot) throws SQLException {
        try (PreparedStatement s = db.prepareStatement("""
                INSERT INTO counters(number, status, current_label) VALUES (?,?,?)
                ON CONFLICT(number) DO UPDATE SET status=excluded.status, current_label=excluded.current_label""")) {
            s.setInt(1, slot.number());
            s.setString(2, slot.status().name());
            s.setString(3, slot.current().orElse(null));
            s.executeUpdate();
        }
    }

    public void saveRating(String requestId, Rating r) throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "INSERT INTO ratings(request_id, day, counter, level, ticket, at) VALUES (?,?,?,?,?,?)")) {
            s.setString(1, requestId);
            s.setString(2, r.day().toString());
            s.setInt(3, r.counter());
            s.setString(4, r.level());
            s.setString(5, r.ticket().orElse(null));
            s.setString(6, r.at().toString());
            s.executeUpdate();
        }
    }

    public void saveProcessed(String requestId, String deviceId, String op, byte[] response, Instant at)
            throws SQLException {
        try (PreparedStatement s = db.prepareStatement(
                "INSERT INTO processed_requests(request_id, device_id, op, response, at) VALUES (?,?,?,?,?)")) {
            s.setString(1, requestId);
            s.setString(2, deviceId);
            s.setString(3, op);
            s.setBytes(4, response);
            s.setString(5, at.toString());
            s.executeUpdate();
        }
    }

    /** The response already sent for {@code requestId} by {@code deviceId}, if it was processed before. */
    public Optional<byte[]> processedResponse(String deviceId, String requestId) {
        return query("SELECT response FROM processed_requests WHERE request_id=? AND device_id=?",
                rs -> rs.getBytes(1), requestId, deviceId).stream().findFirst();
    }

    public List<Ticket> ticketsOf(LocalDate day) {
        return query("SELECT * FROM tickets WHERE day=? ORDER BY issued_at, label", HubStore::ticket, day.toString());
    }

    public List<CounterSlot> counters() {
        return query("SELECT number, status, current_label FROM counters", rs -> new CounterSlot(rs.getInt(1),
                CounterStatus.valueOf(rs.getString(2)), Optional.ofNullable(rs.getString(3))));
    }

    /** Labels of the tickets of {@code day} that have a rating. */
    public List<String> ratedTickets(LocalDate day) {
        return query("SELECT ticket FROM ratings WHERE day=? AND ticket IS NOT NULL", rs -> rs.getString(1), day.toString());
    }

    private static Ticket ticket(ResultSet rs) throws SQLException {
        return new Ticket(LocalDate.parse(rs.getString("day")), rs.getString("label"), rs.getString("service"),
                rs.getInt("number"), Instant.parse(rs.getString("issued_at")), Optional.ofNullable(rs.getString("priority")),
                TicketState.valueOf(rs.getString("state")), rs.getInt("counter"), instant(rs, "called_at"),
                rs.getInt("recalls"), instant(rs, "started_at"), instant(rs, "finished_at"));
    }

    private static Optional<Instant> instant(ResultSet rs, String column) throws SQLException {
        return Optional.ofNullable(rs.getString(column)).map(Instant::parse);
    }

    @FunctionalInterface
    private interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    private <T> List<T> query(String sql, Row<T> row, Object... args) {
        try (PreparedStatement s = db.prepareStatement(sql)) {
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
            db.close();
        } catch (SQLException e) {
            throw new StoreException("cannot close the hub database: " + e.getMessage(), e);
        }
    }
}
