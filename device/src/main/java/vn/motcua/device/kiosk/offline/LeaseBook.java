package vn.motcua.device.kiosk.offline;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Optional;

import vn.motcua.device.store.SqliteFile;
import vn.motcua.device.store.StoreException;

/**
 * The number blocks the hub leased to this kiosk ({@code leases.db} in its data directory), and how far each is used.
 * A number is taken — committed to disk — before its ticket is printed, so no number is printed twice, even across a
 * power cut (one may be lost unprinted; the hub never issues it to anyone else, so nothing is wrong, only skipped).
 * Blocks of a day are used oldest first; blocks of other days are never used. Thread-safe.
 */
public final class LeaseBook implements AutoCloseable {

    /** A number taken for an offline ticket, with the label prefix of its service when the block was granted. */
    public record Taken(String service, String prefix, int number) {
    }

    private static final String[] SCHEMA = {
            """
            CREATE TABLE blocks (
              service TEXT NOT NULL,
              day     TEXT NOT NULL,
              first   INTEGER NOT NULL,
              last    INTEGER NOT NULL,
              next    INTEGER NOT NULL,
              prefix  TEXT NOT NULL,
              PRIMARY KEY (service, day, first)
            )"""
    };

    private final Connection connection;

    private LeaseBook(Connection connection) {
        this.connection = connection;
    }

    public static LeaseBook open(Path file) {
        return new LeaseBook(SqliteFile.open(file, SCHEMA));
    }

    /**
     * Records a block granted for {@code day}; granting the same block again (an answer repeated after a restart)
     * changes nothing. Blocks of earlier days are dropped: they can never be used again.
     */
    public synchronized void add(String service, String prefix, LocalDate day, int first, int last) {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT OR IGNORE INTO blocks (service, day, first, last, next, prefix) VALUES (?, ?, ?, ?, ?, ?)");
             PreparedStatement old = connection.prepareStatement("DELETE FROM blocks WHERE day < ?")) {
            insert.setString(1, service);
            insert.setString(2, day.toString());
            insert.setInt(3, first);
            insert.setInt(4, last);
            insert.setInt(5, first);
            insert.setString(6, prefix);
            insert.executeUpdate();
            old.setString(1, day.toString());
            old.executeUpdate();
        } catch (SQLException e) {
            throw new StoreException("could not record the lease " + service + " " + first + "-" + last + ": "
                    + e.getMessage(), e);
        }
    }

    /** Takes the next unused number of {@code service} for {@code day}: empty when its blocks are used up. */
    public synchronized Optional<Taken> take(String service, LocalDate day) {
        try {
            connection.setAutoCommit(false);
            try (PreparedStatement select = connection.prepareStatement(
                    "SELECT first, next, prefix FROM blocks WHERE service = ? AND day = ? AND next <= last "
                            + "ORDER BY first LIMIT 1")) {
                select.setString(1, service);
                select.setString(2, day.toString());
                Optional<Taken> taken;
                try (ResultSet rows = select.executeQuery()) {
                    if (!rows.next()) {
                        connection.rollback();
                        return Optional.empty();
                    }
                    taken = Optional.of(new Taken(service, rows.getString(3), rows.getInt(2)));
                    try (PreparedStatement advance = connection.prepareStatement(
                            "UPDATE blocks SET next = next + 1 WHERE service = ? AND day = ? AND first = ?")) {
                        advance.setString(1, service);
                        advance.setString(2, day.toString());
                        advance.setInt(3, rows.getInt(1));
                        advance.executeUpdate();
                    }
                }
                connection.commit();
                return taken;
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new StoreException("could not take an offline number for " + service + ": " + e.getMessage(), e);
        }
    }

    /** Unused numbers of {@code service} for {@code day}. */
    public synchronized int remaining(String service, LocalDate day) {
        try (PreparedStatement count = connection.prepareStatement(
                "SELECT coalesce(sum(last - next + 1), 0) FROM blocks WHERE service = ? AND day = ? AND next <= last")) {
            count.setString(1, service);
            count.setString(2, day.toString());
            try (ResultSet rows = count.executeQuery()) {
                return rows.getInt(1);
            }
        } catch (SQLException e) {
            throw new StoreException("could not read the leases of " + service + ": " + e.getMessage(), e);
        }
    }

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException("could not close the lease book: " + e.getMessage(), e);
        }
    }
}
