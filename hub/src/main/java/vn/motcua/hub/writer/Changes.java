package vn.motcua.hub.writer;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import vn.motcua.hub.engine.Event;

/** Which counters' retained state a group of events changed, so only those are published again. */
final class Changes {

    private Changes() {
    }

    static Set<Integer> counters(Collection<Event> events, List<Integer> allCounters) {
        Set<Integer> changed = new TreeSet<>();
        for (Event event : events) {
            switch (event) {
                case Event.TicketCalled e -> changed.add(e.counter().number());
                case Event.TicketRecalled e -> changed.add(e.ticket().counter());
                case Event.TicketChanged e -> e.counter().ifPresent(slot -> changed.add(slot.number()));
                case Event.CounterChanged e -> changed.add(e.counter().number());
                case Event.ActionUndone e -> changed.add(e.counterNumber());
                case Event.DayOpened e -> changed.addAll(allCounters);
                case Event.DayClosed e -> changed.addAll(allCounters);
                case Event.TicketIssued e -> { }
                case Event.RatingRecorded e -> { }
                case Event.AppointmentBooked e -> { }
                case Event.LeaseGranted e -> { }
                case Event.OfflineTicketSynced e -> { }
            }
        }
        return changed;
    }
}
