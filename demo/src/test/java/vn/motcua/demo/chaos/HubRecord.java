package vn.motcua.demo.chaos;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.sqlite.SQLiteConfig;

import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Response;

/**
 * What the hub ended with, read from its SQLite file (read-only, after the hub has stopped): the requests it
 * applied and what it answered, its tickets, its calls, its ratings and its counters.
 */
record HubRecord(List<Applied> applied, List<Ticket> tickets, List<Call> calls, List<Rating> ratings,
                 List<CounterRow> counters) {

    /** A request the hub took and answered; {@code ok} unless it refused it. */
    record Applied(String device, String requestId, String op, boolean ok, String answer, Instant at) {

        /** When the unit made the request: the time in its ULID. */
        Instant made() {
            return Instant.ofEpochMilli(Ulid.timestampMillis(requestId));
        }
    }

    record Ticket(String day, String label, String service, int number, String state, int counter, boolean offline,
                  Instant issuedAt, Instant queuedAt, Optional<Instant> calledAt, Optional<Instant> finishedAt,
                  int served) {
    }

    record Call(String day, String label, int counter, Instant at) {
    }

    record Rating(String requestId, int counter, String level, Optional<String> ticket, Instant at) {
    }

    record CounterRow(int number, String status, Optional<String> current, Optional<String> officer) {
    }

    static HubRecord read(Path database) throws SQLException {
        SQLiteConfig config = new SQLiteConfig();
        config.setReadOnly(true);
        Codec codec = new Codec();
        List<Applied> applied = new ArrayList<>();
        List<Ticket> tickets = new ArrayList<>();
        List<Call> calls = new ArrayList<>();
        List<Rating> ratings = new ArrayList<>();
        List<CounterRow> counters = new ArrayList<>();
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + database, config.toProperties());
             Statement s = db.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT device_id, request_id, op, response, at FROM processed_requests ORDER BY at")) {
                while (rs.next()) {
                    byte[] answer = rs.getBytes("response");
                    boolean ok = codec.decodeResponse(answer) instanceof Response.Ok;
                    applied.add(new Applied(rs.getString("device_id"), rs.getString("request_id"), rs.getString("op"),
                            ok, Codec.preview(answer), Instant.parse(rs.getString("at"))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT day, label, service, number, state, counter, offline, issued_at, "
                    + "queued_at, called_at, finished_at, served FROM tickets ORDER BY day, issued_at")) {
                while (rs.next()) {
                    tickets.add(new Ticket(rs.getString("day"), rs.getString("label"), rs.getString("service"),
                            rs.getInt("number"), rs.getString("state"), rs.getInt("counter"), rs.getInt("offline") != 0,
                            Instant.parse(rs.getString("issued_at")), instant(rs.getString("queued_at")).orElseThrow(),
                            instant(rs.getString("called_at")), instant(rs.getString("finished_at")),
                            rs.getInt("served")));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT day, label, counter, at FROM calls ORDER BY seq")) {
                while (rs.next()) {
                    calls.add(new Call(rs.getString("day"), rs.getString("label"), rs.getInt("counter"),
                            Instant.parse(rs.getString("at"))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT request_id, counter, level, ticket, at FROM ratings ORDER BY at")) {
                while (rs.next()) {
                    ratings.add(new Rating(rs.getString("request_id"), rs.getInt("counter"), rs.getString("level"),
                            Optional.ofNullable(rs.getString("ticket")), Instant.parse(rs.getString("at"))));
                }
            }
            try (ResultSet rs = s.executeQuery("SELECT number, status, current_label, officer FROM counters")) {
                while (rs.next()) {
                    counters.add(new CounterRow(rs.getInt("number"), rs.getString("status"),
                            Optional.ofNullable(rs.getString("current_label")),
                            Optional.ofNullable(rs.getString("officer"))));
                }
            }
        }
        return new HubRecord(applied, tickets, calls, ratings, counters);
    }

    Optional<CounterRow> counter(int number) {
        return counters.stream().filter(c -> c.number() == number).findFirst();
    }

    private static Optional<Instant> instant(String text) {
        return Optional.ofNullable(text).map(Instant::parse);
    }
}
