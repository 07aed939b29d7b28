package vn.motcua.hub.store;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Versioned schema migrations, in code. Each entry upgrades from its index to the next version; a database
 * records its version in {@code PRAGMA user_version}. Migrations only ever append. Version 1: current-state tables
 * and processed requests; version 2: the append-only event log, the call reasons, officers; version 3: number
 * leases for offline printing, and which tickets were printed offline.
 */
final class Schema {

    private static final List<String> MIGRATIONS = List.of("""
            CREATE TABLE tickets (
                day TEXT NOT NULL, label TEXT NOT NULL, service TEXT NOT NULL, number INTEGER NOT NULL,
                issued_at TEXT NOT NULL, priority TEXT, state TEXT NOT NULL, counter INTEGER NOT NULL,
                called_at TEXT, recalls INTEGER NOT NULL, started_at TEXT, finished_at TEXT,
                PRIMARY KEY (day, label));
            CREATE TABLE counters (number INTEGER PRIMARY KEY, status TEXT NOT NULL, current_label TEXT);
            CREATE TABLE ratings (request_id TEXT PRIMARY KEY, day TEXT NOT NULL, counter INTEGER NOT NULL,
                level TEXT NOT NULL, ticket TEXT, at TEXT NOT NULL);
            CREATE TABLE processed_requests (request_id TEXT NOT NULL, device_id TEXT NOT NULL, op TEXT NOT NULL,
                response BLOB NOT NULL, at TEXT NOT NULL, PRIMARY KEY (device_id, request_id));
            """, """
            CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL, grp INTEGER NOT NULL,
                actor INTEGER, type TEXT NOT NULL, at TEXT NOT NULL, body TEXT NOT NULL);
            CREATE INDEX events_by_day ON events (day, seq);
            CREATE INDEX events_by_type ON events (type, seq);
            ALTER TABLE tickets ADD COLUMN queued_at TEXT;
            ALTER TABLE tickets ADD COLUMN appointment TEXT;
            ALTER TABLE tickets ADD COLUMN for_counter INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE tickets ADD COLUMN officer TEXT;
            ALTER TABLE tickets ADD COLUMN file_code TEXT;
            ALTER TABLE tickets ADD COLUMN served INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE counters ADD COLUMN officer TEXT;
            ALTER TABLE ratings ADD COLUMN officer TEXT;
            CREATE TABLE calls (seq INTEGER PRIMARY KEY AUTOINCREMENT, day TEXT NOT NULL, label TEXT NOT NULL,
                counter INTEGER NOT NULL, officer TEXT, policy TEXT NOT NULL, reason TEXT NOT NULL, at TEXT NOT NULL);
            CREATE INDEX calls_by_ticket ON calls (day, label);
            """, """
            CREATE TABLE leases (day TEXT NOT NULL, service TEXT NOT NULL, first INTEGER NOT NULL, last INTEGER NOT NULL,
                device_id TEXT NOT NULL, at TEXT NOT NULL, PRIMARY KEY (day, service, first));
            ALTER TABLE tickets ADD COLUMN offline INTEGER NOT NULL DEFAULT 0;
            """);

    private Schema() {
    }

    static void migrate(Connection db) throws SQLException {
        int version;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("PRAGMA user_version")) {
            version = rs.getInt(1);
        }
        if (version > MIGRATIONS.size()) {
            throw new SQLException("database schema version " + version + " is newer than this hub ("
                    + MIGRATIONS.size() + "); upgrade the hub");
        }
        for (int v = version; v < MIGRATIONS.size(); v++) {
            db.setAutoCommit(false);
            try (Statement s = db.createStatement()) {
                for (String statement : MIGRATIONS.get(v).split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
                s.execute("PRAGMA user_version = " + (v + 1));
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            }
        }
    }
}
