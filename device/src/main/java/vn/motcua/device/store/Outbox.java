package vn.motcua.device.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The unit's durable outbox ({@code outbox.db} in its data directory): messages that must reach the hub — ratings,
 * offline tickets, events — stored before they are first sent and removed only when the hub has answered them.
 * Entries keep their id and exact bytes, so a resend after a reboot is the same message and the hub's processed-id
 * table answers it without doing the work twice. {@link #oldest()} gives them back in the order they were stored.
 * Thread-safe: one connection, used under this object's lock.
 */
public final class Outbox implements AutoCloseable {

    /** Whether an entry goes to the unit's request topic (answered by the hub) or its event topic (not answered). */
    public enum Kind { REQUEST, EVENT }

    /** One stored message: its id, what it is (e.g. {@code rating.submit}), and the payload as first encoded. */
    public record Entry(long seq, String id, Kind kind, String name, byte[] payload) {
    }

    private static final String[] SCHEMA = {
            """
            CREATE TABLE outbox (
              seq     INTEGER PRIMARY KEY AUTOINCREMENT,
              id      TEXT NOT NULL UNIQUE,
              kind    TEXT NOT NULL CHECK (kind IN ('REQUEST', 'EVENT')),
              name    TEXT NOT NULL,
              payload BLOB NOT NULL
            )"""
    };

    private final Connection connection;

    private Outbox(Connection connection) {
        this.connection = connection;
    }

    /** Opens (creating) the outbox file. */
    public static Outbox open(Path file) {
        return new Outbox(SqliteFile.open(file, SCHEMA));
    }

    /**
     * Stores a message; when this returns it is on disk.
     *
     * @throws StoreException when it cannot be stored (e.g. the disk is full); then it will not be sent either
     */
    public synchronized void append(String id, Kind kind, String name, byte[] payload) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO outbox (id, kind, name, payload) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, id);
            insert.setString(2, kind.name());
            insert.setString(3, name);
            insert.setBytes(4, payload);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not store " + name + " " + id + " in the outbox: " + e.getMessage(), e);
        }
    }

    /** The entry stored first among those still here. */
    public synchronized Optional<Entry> oldest() {
        List<Entry> first = read("SELECT seq, id, kind, name, payload FROM outbox ORDER BY seq LIMIT 1");
        return first.stream().findFirst();
    }

    /** Every entry, oldest first (for diagnostics and tests). */
    public synchronized List<Entry> entries() {
        return read("SELECT seq, id, kind, name, payload FROM outbox ORDER BY seq");
    }

    /** Removes the entry with {@code id}; true if it was here. */
    public synchronized boolean remove(String id) {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM outbox WHERE id = ?")) {
            delete.setString(1, id);
            return delete.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new StoreException("could not remove " + id + " from the outbox: " + e.getMessage(), e);
        }
    }

    /** How many entries wait. */
    public synchronized int depth() {
        try (PreparedStatement count = connection.prepareStatement("SELECT count(*) FROM outbox");
             ResultSet rows = count.executeQuery()) {
            return rows.getInt(1);
        } catch (SQLException e) {
            throw new StoreException("could not count the outbox: " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the outbox: " + e.getMessage(), e);
        }
    }

    private List<Entry> read(String sql) {
        List<Entry> entries = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement(sql); ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                entries.add(new Entry(rows.getLong(1), rows.getString(2), Kind.valueOf(rows.getString(3)),
                        rows.getString(4), rows.getBytes(5)));
            }
            return entries;
        } catch (SQLException e) {
            throw new StoreException("could not read the outbox: " + e.getMessage(), e);
        }
    }
}
