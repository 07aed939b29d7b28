package vn.motcua.device.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Opens the small SQLite files a unit keeps in its data directory. WAL with {@code synchronous=FULL}: a commit is on
 * the SD card before the method that made it returns, so what a unit has acknowledged (a rating's thank-you light, a
 * printed offline number) survives a power cut.
 */
public final class SqliteFile {

    private SqliteFile() {
    }

    /**
     * Opens (creating) {@code file} and brings its schema to {@code schema.length}: statement {@code i} runs once, when
     * the file's {@code user_version} is {@code i}, in the same transaction that raises it.
     *
     * @throws StoreException when the directory cannot be created or the file is not a usable database
     */
    public static Connection open(Path file, String... schema) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
        } catch (IOException e) {
            throw new StoreException("cannot create the directory for " + file + ": " + e.getMessage(), e);
        }
        try {
            Connection connection = DriverManager.getConnection("jdbc:sqlite:" + file);
            try (Statement statement = connection.createStatement()) {
                statement.execute("PRAGMA journal_mode=WAL");
                statement.execute("PRAGMA synchronous=FULL");
                statement.execute("PRAGMA busy_timeout=5000");
                migrate(connection, statement, schema);
            }
            return connection;
        } catch (SQLException e) {
            throw new StoreException("cannot open " + file + " (" + e.getMessage() + "); move the file away to start "
                    + "afresh if it is damaged", e);
        }
    }

    private static void migrate(Connection connection, Statement statement, String[] schema) throws SQLException {
        int version;
        try (var rows = statement.executeQuery("PRAGMA user_version")) {
            version = rows.getInt(1);
        }
        if (version > schema.length) {
            throw new SQLException("schema version " + version + " is newer than this firmware's " + schema.length);
        }
        connection.setAutoCommit(false);
        try {
            for (int step = version; step < schema.length; step++) {
                statement.execute(schema[step]);
                statement.execute("PRAGMA user_version=" + (step + 1));
            }
            connection.commit();
        } catch (SQLException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(true);
        }
    }
}
