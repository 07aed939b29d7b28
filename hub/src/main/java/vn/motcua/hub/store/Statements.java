package vn.motcua.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

/**
 * Prepared statements of one connection, prepared once and reused: preparing was the largest single cost of the
 * writer (≈ 30 % of its time, docs/benchmarks.md). Same thread as the connection's user; not thread-safe.
 */
final class Statements implements AutoCloseable {

    private final Connection db;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();

    Statements(Connection db) {
        this.db = db;
    }

    /** The statement for {@code sql}, parameters cleared, ready to bind. */
    PreparedStatement get(String sql) throws SQLException {
        PreparedStatement statement = prepared.get(sql);
        if (statement == null) {
            statement = db.prepareStatement(sql);
            prepared.put(sql, statement);
        } else {
            statement.clearParameters();
        }
        return statement;
    }

    @Override
    public void close() throws SQLException {
        for (PreparedStatement statement : prepared.values()) {
            statement.close();
        }
        prepared.clear();
    }
}
