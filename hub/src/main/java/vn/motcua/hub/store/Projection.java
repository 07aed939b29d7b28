package vn.motcua.hub.store;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

import vn.motcua.hub.engine.Appointment;
import vn.motcua.hub.engine.CounterSlot;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.Rating;
import vn.motcua.hub.engine.Ticket;

/**
 * Keeps the current-state tables (tickets, counters, ratings, calls, leases) in step with the event log, in the same
 * transaction, for reports and queries. The log is the truth; these tables can be rebuilt from it.
 */
final class Projection {

    private final Statements statements;

    Projection(Statements statements) {
        this.statements = statements;
    }

    void apply(Event event, Optional<String> requestId) throws SQLException {
        switch (event) {
            case Event.DayOpened e -> {
                for (Ticket t : e.carried()) {
                    ticket(t);
                }
            }
            case Event.DayClosed e -> {
                for (Ticket t : e.ended()) {
                    ticket(t);
                }
            }
            case Event.TicketIssued e -> ticket(e.ticket());
            case Event.TicketCalled e -> {
                ticket(e.ticket());
                counter(e.counter());
                call(e);
            }
            case Event.TicketRecalled e -> ticket(e.ticket());
            case Event.TicketChanged e -> {
                ticket(e.ticket());
                if (e.counter().isPresent()) {
                    counter(e.counter().get());
                }
            }
            case Event.CounterChanged e -> counter(e.counter());
            case Event.RatingRecorded e -> rating(e.rating(), requestId.orElseThrow(() ->
                    new SQLException("a rating must come with the id of the request that made it")));
            case Event.AppointmentBooked e -> {
                // Bookings live in the log, which the engine replays on start; no report reads them yet.
            }
            case Event.LeaseGranted e -> lease(e);
            case Event.OfflineTicketSynced e -> ticket(e.ticket()); // on its own day, even one already over
            case Event.ActionUndone e -> {
                for (Ticket t : e.tickets()) {
                    ticket(t);
                }
                counter(e.counter());
            }
        }
    }

    private void ticket(Ticket t) throws SQLException {
        PreparedStatement s = statements.get("""
                INSERT INTO tickets(day, label, service, number, issued_at, priority, state, counter, called_at,
                    recalls, started_at, finished_at, queued_at, appointment, for_counter, officer, file_code, served,
                    offline)
                VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)
                ON CONFLICT(day, label) DO UPDATE SET service=excluded.service, state=excluded.state,
                    counter=excluded.counter, called_at=excluded.called_at, recalls=excluded.recalls,
                    started_at=excluded.started_at, finished_at=excluded.finished_at, queued_at=excluded.queued_at,
                    for_counter=excluded.for_counter, officer=excluded.officer, file_code=excluded.file_code,
                    served=excluded.served""");
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
        s.setString(13, t.queuedAt().toString());
        s.setString(14, t.appointment().map(Appointment::token).orElse(null));
        s.setInt(15, t.forCounter());
        s.setString(16, t.officer().orElse(null));
        s.setString(17, t.fileCode().orElse(null));
        s.setInt(18, t.served());
        s.setInt(19, t.offline() ? 1 : 0);
        s.executeUpdate();
    }

    private void counter(CounterSlot slot) throws SQLException {
        PreparedStatement s = statements.get("""
                INSERT INTO counters(number, status, current_label, officer) VALUES (?,?,?,?)
                ON CONFLICT(number) DO UPDATE SET status=excluded.status, current_label=excluded.current_label,
                    officer=excluded.officer""");
        s.setInt(1, slot.number());
        s.setString(2, slot.status().name());
        s.setString(3, slot.current().orElse(null));
        s.setString(4, slot.officer().orElse(null));
        s.executeUpdate();
    }

    private void rating(Rating r, String requestId) throws SQLException {
        PreparedStatement s = statements.get(
                "INSERT INTO ratings(request_id, day, counter, level, ticket, at, officer) VALUES (?,?,?,?,?,?,?)");
        s.setString(1, requestId);
        s.setString(2, r.day().toString());
        s.setInt(3, r.counter());
        s.setString(4, r.level());
        s.setString(5, r.ticket().orElse(null));
        s.setString(6, r.at().toString());
        s.setString(7, r.officer().orElse(null));
        s.executeUpdate();
    }

    private void lease(Event.LeaseGranted e) throws SQLException {
        PreparedStatement s = statements.get(
                "INSERT INTO leases(day, service, first, last, device_id, at) VALUES (?,?,?,?,?,?)");
        s.setString(1, e.lease().day().toString());
        s.setString(2, e.lease().service());
        s.setInt(3, e.lease().first());
        s.setInt(4, e.lease().last());
        s.setString(5, e.lease().device());
        s.setString(6, e.at().toString());
        s.executeUpdate();
    }

    private void call(Event.TicketCalled e) throws SQLException {
        PreparedStatement s = statements.get(
                "INSERT INTO calls(day, label, counter, officer, policy, reason, at) VALUES (?,?,?,?,?,?,?)");
        s.setString(1, e.ticket().day().toString());
        s.setString(2, e.ticket().label());
        s.setInt(3, e.counter().number());
        s.setString(4, e.counter().officer().orElse(null));
        s.setString(5, e.policy());
        s.setString(6, e.reason());
        s.setString(7, e.at().toString());
        s.executeUpdate();
    }
}
