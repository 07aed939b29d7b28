package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * What happened, as the engine decided it. Events carry the resulting values (tickets, counters), so applying one is
 * a plain replacement and replaying the day's log rebuilds exactly the same state. They are the append-only log in
 * the store (named by {@link JsonSubTypes} there) and never change once written.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({
    @JsonSubTypes.Type(value = Event.DayOpened.class, name = "DayOpened"),
    @JsonSubTypes.Type(value = Event.DayClosed.class, name = "DayClosed"),
    @JsonSubTypes.Type(value = Event.TicketIssued.class, name = "TicketIssued"),
    @JsonSubTypes.Type(value = Event.TicketCalled.class, name = "TicketCalled"),
    @JsonSubTypes.Type(value = Event.TicketRecalled.class, name = "TicketRecalled"),
    @JsonSubTypes.Type(value = Event.TicketChanged.class, name = "TicketChanged"),
    @JsonSubTypes.Type(value = Event.CounterChanged.class, name = "CounterChanged"),
    @JsonSubTypes.Type(value = Event.RatingRecorded.class, name = "RatingRecorded"),
    @JsonSubTypes.Type(value = Event.AppointmentBooked.class, name = "AppointmentBooked"),
    @JsonSubTypes.Type(value = Event.ActionUndone.class, name = "ActionUndone"),
    @JsonSubTypes.Type(value = Event.LeaseGranted.class, name = "LeaseGranted"),
    @JsonSubTypes.Type(value = Event.OfflineTicketSynced.class, name = "OfflineTicketSynced")
})
public sealed interface Event {

    Instant at();

    /**
     * A new office day: numbering starts again; {@code carried} are yesterday's waiting citizens, renumbered.
     * {@code counters} are the counters as the day starts (status and officer kept, nobody at them), so that a
     * replay starting here, as the store's recovery does, rebuilds them too; empty in logs written before it.
     * {@code closedLeases} are the leases of the day just closed, with the numbers synced from them, for the same
     * reason: a ticket printed offline that day may still be synced and must be checked against them (none in logs
     * written before offline printing).
     */
    record DayOpened(LocalDate day, List<Ticket> carried, List<CounterSlot> counters, LeaseDay closedLeases, Instant at)
            implements Event {
        public DayOpened {
            carried = List.copyOf(carried);
            counters = counters == null ? List.of() : List.copyOf(counters);
            closedLeases = closedLeases == null ? LeaseDay.none(day.minusDays(1)) : closedLeases;
        }
    }

    /** The office day ended: {@code ended} are the tickets still waiting, now CLOSED or about to be carried over. */
    record DayClosed(LocalDate day, List<Ticket> ended, Instant at) implements Event {
        public DayClosed {
            ended = List.copyOf(ended);
        }
    }

    record TicketIssued(Ticket ticket, Instant at) implements Event {
    }

    /**
     * A ticket was called to a counter. {@code policy} and {@code reason} say why this ticket and not another, for
     * the record: an office must be able to answer "why was 2-014 called before me?".
     */
    record TicketCalled(Ticket ticket, CounterSlot counter, String policy, String reason, Instant at) implements Event {
    }

    record TicketRecalled(Ticket ticket, Instant at) implements Event {
    }

    /**
     * Any other ticket transition (start, done, no-show, hold, transfer, next service, cancel), with the counter's
     * new slot when the ticket left or changed a counter. {@code what} names the transition for the log.
     */
    record TicketChanged(String what, Ticket ticket, Optional<CounterSlot> counter, Instant at) implements Event {
    }

    /** A counter's status or officer changed (sign in/out, pause, resume). */
    record CounterChanged(String what, CounterSlot counter, Instant at) implements Event {
    }

    record RatingRecorded(Rating rating, Instant at) implements Event {
    }

    record AppointmentBooked(Appointment appointment, Instant at) implements Event {
    }

    /** A kiosk was leased a block of numbers to print from while the hub is out of reach. */
    record LeaseGranted(Lease lease, Instant at) implements Event {
    }

    /**
     * A ticket {@code device} printed from its lease while offline came back. Of today, it is WAITING, queued at its
     * printed time; of a day already over, it is recorded on that day as CLOSED (the citizen's day is gone).
     */
    record OfflineTicketSynced(String device, Ticket ticket, Instant at) implements Event {
    }

    /** The officer's last action at {@code counter} was undone: the tickets and the counter as they were before it. */
    record ActionUndone(int counterNumber, List<Ticket> tickets, CounterSlot counter, Instant at) implements Event {
        public ActionUndone {
            tickets = List.copyOf(tickets);
        }
    }
}
