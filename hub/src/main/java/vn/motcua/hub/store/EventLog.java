package vn.motcua.hub.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

import vn.motcua.hub.engine.Event;

/**
 * The append-only log of engine events, one JSON row each, grouped as the engine applied them (one group per
 * command, with the counter that acted). Replaying the groups through the engine rebuilds its state exactly.
 */
final class EventLog {

    /** One command's events, as the engine applied them together. */
    record Group(long id, Optional<Integer> actor, List<Event> events) {
    }

    private final JsonMapper json = JsonMapper.builder().addModule(new Jdk8Module()).addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE)
            .build();
    private final Connection db;
    private final Statements statements;
    private long lastGroup;

    EventLog(Connection db, Statements statements) throws SQLException {
        this.db = db;
        this.statements = statements;
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(grp), 0) FROM events")) {
            lastGroup = rs.getLong(1);
        }
    }

    void append(LocalDate day, Optional<Integer> actor, List<Event> events) throws SQLException {
        long group = ++lastGroup;
        PreparedStatement s = statements.get(
                "INSERT INTO events(day, grp, actor, type, at, body) VALUES (?,?,?,?,?,?)");
        for (Event event : events) {
            s.setString(1, event instanceof Event.DayOpened opened ? opened.day().toString() : day.toString());
            s.setLong(2, group);
            s.setObject(3, actor.orElse(null));
            s.setString(4, event.getClass().getSimpleName());
            s.setString(5, event.at().toString());
            s.setString(6, write(event));
            s.addBatch();
        }
        s.executeBatch();
    }

    /** The number of the last group appended: groups are numbered 1, 2, 3… in the order they were written. */
    long lastGroup() {
        return lastGroup;
    }

    /**
     * What to replay to rebuild the engine: every appointment booking ever (they are booked days ahead), then the
     * groups of the current office day — from its {@code DayOpened}, or from the start when there is none.
     */
    List<Group> recovery() throws SQLException {
        long from = lastDayOpening();
        List<Group> groups = new ArrayList<>(read("SELECT grp, actor, body FROM events WHERE type='AppointmentBooked' "
                + "AND seq < " + from + " ORDER BY seq"));
        groups.addAll(read("SELECT grp, actor, body FROM events WHERE seq >= " + from + " ORDER BY seq"));
        return groups;
    }

    /**
     * What the engine's wait predictor learns from the office days before the current one (the last {@code days} of
     * them that have events): their counter events, in order. Not state: the current day's replay does not need them.
     */
    List<Event> learningHistory(int days) throws SQLException {
        long from = lastDayOpening();
        String earlierDays = "SELECT DISTINCT day FROM events WHERE seq < " + from + " ORDER BY day DESC LIMIT " + days;
        return read("SELECT grp, actor, body FROM events WHERE seq < " + from + " AND type IN ('DayOpened', 'DayClosed', "
                + "'TicketCalled', 'TicketChanged', 'CounterChanged', 'ActionUndone') AND day IN (" + earlierDays
                + ") ORDER BY seq").stream().flatMap(g -> g.events().stream()).toList();
    }

    private long lastDayOpening() throws SQLException {
        try (Statement s = db.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(max(seq), 0) FROM events WHERE type='DayOpened'")) {
            return rs.getLong(1);
        }
    }

    /** The office day the log starts in, when it has no {@code DayOpened} yet. */
    Optional<LocalDate> firstDay() throws SQLException {
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery("SELECT min(day) FROM events")) {
            return Optional.ofNullable(rs.getString(1)).map(LocalDate::parse);
        }
    }

    private List<Group> read(String sql) throws SQLException {
        List<Group> groups = new ArrayList<>();
        try (Statement s = db.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                long id = rs.getLong(1);
                int counter = rs.getInt(2);
                Optional<Integer> actor = rs.wasNull() ? Optional.empty() : Optional.of(counter);
                Event event = json.readValue(rs.getString(3), Event.class);
                if (groups.isEmpty() || groups.getLast().id() != id) {
                    groups.add(new Group(id, actor, new ArrayList<>()));
                }
                groups.getLast().events().add(event);
            }
        } catch (JsonProcessingException e) {
            throw new SQLException("an event in the log cannot be read: " + e.getOriginalMessage(), e);
        }
        return groups;
    }

    private String write(Event event) throws SQLException {
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new SQLException("cannot encode " + event.getClass().getSimpleName(), e);
        }
    }
}
