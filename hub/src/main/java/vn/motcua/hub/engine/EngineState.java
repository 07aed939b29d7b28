package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.Board;

/**
 * The engine's memory of the office day, changed only by applying events ({@link #apply}), so that a replay of the
 * day's log rebuilds it exactly. Owned by the writer thread; not thread-safe.
 */
public final class EngineState {

    private static final int RECENT_CALLS = 12;

    private final Office office;
    private LocalDate day;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>(); // today's, in issue order
    /**
     * The WAITING tickets of {@link #tickets} by service, then label: kept by {@link #put} so "call next" need not scan
     * the whole day. Sorted by label, not by history, so it is a function of {@code tickets} alone and a replay (or an
     * undo that puts a ticket back) rebuilds it exactly.
     */
    private final Map<String, TreeMap<String, Ticket>> waiting = new HashMap<>();
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<Integer, CounterSlot> counters = new TreeMap<>();
    private final Deque<Board.Call> recentCalls = new ArrayDeque<>();
    private final Set<String> rated = new HashSet<>();
    private final Map<String, Appointment> appointments = new HashMap<>();
    private final Map<Integer, UndoEntry> undo = new HashMap<>();
    /**
     * When each counter last changed in what its state shows (status, officer, the ticket at it and its phase,
     * recalls and call time): the time of the event that changed it, so a replay of the log rebuilds it exactly.
     */
    private final Map<Integer, Instant> changedAt = new HashMap<>();
    private LeaseDay leases;
    private LeaseDay closedLeases;

    /** The officer's last action at a counter: values before and after, to restore or to detect later changes. */
    record UndoEntry(Instant at, List<Ticket> before, List<Ticket> after, CounterSlot slotBefore, CounterSlot slotAfter) {
    }

    EngineState(Office office, LocalDate day) {
        this.office = office;
        this.day = day;
        this.leases = LeaseDay.none(day);
        this.closedLeases = LeaseDay.none(day.minusDays(1));
        office.counters().forEach(c -> {
            counters.put(c.number(), CounterSlot.closed(c.number()));
            changedAt.put(c.number(), dayStart());
        });
    }

    /** Applies the events of one command; {@code actor} is the counter whose officer acted (its undo journal). */
    void apply(Optional<Integer> actor, List<Event> events) {
        if (events.isEmpty()) {
            return;
        }
        Set<String> touched = new LinkedHashSet<>();
        events.forEach(e -> touched.addAll(labels(e)));
        List<Ticket> before = touched.stream().map(tickets::get).filter(t -> t != null).toList();
        CounterSlot slotBefore = actor.map(counters::get).orElse(null);
        events.forEach(this::applyNotingChanges);
        actor.ifPresent(counter -> undo.put(counter, new UndoEntry(events.getLast().at(), before,
                touched.stream().map(tickets::get).filter(t -> t != null).toList(), slotBefore, counters.get(counter))));
    }

    /** Applies {@code event}; a counter whose state it changed has changed at the event's time. */
    private void applyNotingChanges(Event event) {
        Set<Integer> concerned = concerned(event);
        if (concerned.isEmpty()) {
            apply(event); // a ticket issued, a rating, a lease…: no counter changes
            return;
        }
        Map<Integer, Shown> before = new HashMap<>();
        concerned.forEach(n -> before.put(n, shown(n)));
        apply(event);
        before.forEach((n, shown) -> {
            if (!shown(n).equals(shown)) {
                changedAt.put(n, event.at());
            }
        });
    }

    /** What a counter's published state shows, but its time. */
    private record Shown(CounterSlot slot, Optional<Ticket> current) {
    }

    private Shown shown(int counter) {
        CounterSlot slot = counters.get(counter);
        return new Shown(slot, atCounter(slot));
    }

    /**
     * The counters {@code event} may change: those it names, and those its tickets were or will be at. A new day is
     * not among them: it changes every counter ({@link #openDay}).
     */
    private Set<Integer> concerned(Event event) {
        Set<Integer> concerned = new HashSet<>();
        List<Ticket> changing = switch (event) {
            case Event.TicketCalled called -> {
                concerned.add(called.counter().number());
                yield List.of(called.ticket());
            }
            case Event.TicketRecalled recalled -> List.of(recalled.ticket());
            case Event.TicketChanged changed -> {
                changed.counter().ifPresent(slot -> concerned.add(slot.number()));
                yield List.of(changed.ticket());
            }
            case Event.CounterChanged changed -> {
                concerned.add(changed.counter().number());
                yield List.of();
            }
            case Event.ActionUndone undone -> {
                concerned.add(undone.counterNumber());
                yield undone.tickets();
            }
            case Event.DayClosed closed -> closed.ended();
            default -> List.of();
        };
        for (Ticket ticket : changing) {
            Ticket previous = tickets.get(ticket.label());
            if (previous != null && previous.state().atCounter()) {
                concerned.add(previous.counter());
            }
            if (ticket.state().atCounter()) {
                concerned.add(ticket.counter());
            }
        }
        concerned.retainAll(counters.keySet());
        return concerned;
    }

    private void apply(Event event) {
        switch (event) {
            case Event.DayOpened opened -> openDay(opened);
            case Event.DayClosed closed -> {
                closed.ended().forEach(this::put);
                undo.clear();
            }
            case Event.TicketIssued issued -> put(issued.ticket());
            case Event.TicketCalled called -> {
                put(called.ticket());
                counters.put(called.counter().number(), called.counter());
                remember(new Board.Call(called.ticket().label(), called.counter().number(), false, local(called.at())));
            }
            case Event.TicketRecalled recalled -> {
                put(recalled.ticket());
                remember(new Board.Call(recalled.ticket().label(), recalled.ticket().counter(), true, local(recalled.at())));
            }
            case Event.TicketChanged changed -> {
                put(changed.ticket());
                changed.counter().ifPresent(slot -> counters.put(slot.number(), slot));
            }
            case Event.CounterChanged changed -> counters.put(changed.counter().number(), changed.counter());
            case Event.RatingRecorded recorded -> recorded.rating().ticket().ifPresent(rated::add);
            case Event.AppointmentBooked booked -> appointments.put(booked.appointment().token(), booked.appointment());
            case Event.LeaseGranted granted -> leases = leases.granting(granted.lease());
            case Event.OfflineTicketSynced synced -> sync(synced.ticket());
            case Event.ActionUndone undone -> {
                UndoEntry entry = undo.remove(undone.counterNumber());
                undone.tickets().forEach(this::put);
                counters.put(undone.counter().number(), undone.counter());
                if (entry != null) {
                    // A call the undone action made comes off the board; earlier calls stay.
                    recentCalls.removeIf(call -> call.counter() == undone.counterNumber()
                            && !call.at().toInstant().isBefore(entry.at()) && !isCalledAt(call));
                }
            }
        }
    }

    /** A synced offline ticket of today joins the day's tickets; one of the closed day is only marked as synced. */
    private void sync(Ticket ticket) {
        if (ticket.day().equals(day)) {
            put(ticket);
            leases = leases.syncing(ticket.service(), ticket.number());
        } else {
            closedLeases = closedLeases.syncing(ticket.service(), ticket.number());
        }
    }

    /** A call stays on the board only while its ticket is still called or served at that counter. */
    private boolean isCalledAt(Board.Call call) {
        Ticket ticket = tickets.get(call.ticket());
        return ticket != null && ticket.counter() == call.counter() && ticket.state().atCounter();
    }

    private void openDay(Event.DayOpened opened) {
        day = opened.day();
        leases = LeaseDay.none(day);
        closedLeases = opened.closedLeases();
        tickets.clear();
        waiting.clear();
        lastNumber.clear();
        recentCalls.clear();
        rated.clear();
        undo.clear();
        counters.replaceAll((n, slot) -> slot.serving(Optional.empty()));
        opened.counters().forEach(slot -> counters.put(slot.number(), slot)); // a replay may start here: no earlier days
        // A new day is a change at every counter, whether or not its status changed: a replay that starts here, as
        // the store's recovery does, knows nothing earlier, so the day's opening is the earliest time it can give.
        counters.keySet().forEach(n -> changedAt.put(n, opened.at()));
        opened.carried().forEach(this::put);
    }

    private void put(Ticket ticket) {
        Ticket previous = tickets.put(ticket.label(), ticket);
        if (previous != null && previous.state() == TicketState.WAITING) {
            waiting.get(previous.service()).remove(previous.label()); // a transfer changes the service
        }
        if (ticket.state() == TicketState.WAITING) {
            waiting.computeIfAbsent(ticket.service(), s -> new TreeMap<>()).put(ticket.label(), ticket);
        }
        if (ticket.offline()) {
            return; // a leased number: the online numbers stay below every lease (LeaseDay#lowestLeased)
        }
        lastNumber.merge(ticket.service(), ticket.number(), Math::max);
        lastNumber.merge(prefixKey(ticket), ticket.number(), Math::max);
    }

    /** Numbers run per ticket prefix: a transferred ticket keeps its number under its first service's prefix. */
    private static String prefixKey(Ticket ticket) {
        return "prefix:" + ticket.label().substring(0, ticket.label().indexOf('-'));
    }

    private void remember(Board.Call call) {
        recentCalls.addFirst(call);
        while (recentCalls.size() > RECENT_CALLS) {
            recentCalls.removeLast();
        }
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(office.zone()).toOffsetDateTime();
    }

    private static Collection<String> labels(Event event) {
        return switch (event) {
            case Event.TicketIssued e -> List.of(e.ticket().label());
            case Event.TicketCalled e -> List.of(e.ticket().label());
            case Event.TicketRecalled e -> List.of(e.ticket().label());
            case Event.TicketChanged e -> List.of(e.ticket().label());
            default -> List.of();
        };
    }

    // ---- reads, for the engine and its views (same thread) ----------------------------------------------------

    public Office office() {
        return office;
    }

    public LocalDate day() {
        return day;
    }

    public Optional<Ticket> ticket(String label) {
        return Optional.ofNullable(tickets.get(label));
    }

    public Collection<Ticket> tickets() {
        return tickets.values();
    }

    /** Every ticket waiting, whatever its service (service by service, each by label). */
    public List<Ticket> waiting() {
        return waiting.values().stream().flatMap(queue -> queue.values().stream()).toList();
    }

    /** The tickets waiting for any of {@code services}, service by service in the order given, each by label. */
    public List<Ticket> waitingFor(Collection<String> services) {
        return services.stream().distinct().map(waiting::get).filter(queue -> queue != null)
                .flatMap(queue -> queue.values().stream()).toList();
    }

    int lastNumber(String prefix) {
        return lastNumber.getOrDefault("prefix:" + prefix, 0);
    }

    /** Today's number leases and the numbers synced from them. */
    public LeaseDay leases() {
        return leases;
    }

    /** The leases of the last office day before today, for offline tickets of that day synced late. */
    public LeaseDay closedLeases() {
        return closedLeases;
    }

    public Optional<CounterSlot> counter(int number) {
        return Optional.ofNullable(counters.get(number));
    }

    public Collection<CounterSlot> counters() {
        return counters.values();
    }

    /** When {@code counter} last changed: today's opening if it has not changed since (the start of the day at first). */
    public Instant changedAt(int counter) {
        return changedAt.get(counter);
    }

    /** Local midnight of the current office day; of the first day, when its counters changed before any event. */
    Instant dayStart() {
        return day.atStartOfDay(office.zone()).toInstant();
    }

    /** The ticket at the counter, called or being served; empty when the counter is free. */
    Optional<Ticket> atCounter(CounterSlot slot) {
        return slot.current().map(tickets::get).filter(t -> t.state().atCounter());
    }

    List<Board.Call> recentCalls() {
        return List.copyOf(recentCalls);
    }

    boolean isRated(String label) {
        return rated.contains(label);
    }

    Optional<Appointment> appointment(String token) {
        return Optional.ofNullable(appointments.get(token));
    }

    boolean appointmentUsed(String token) {
        return tickets.values().stream().anyMatch(t -> t.appointment().map(a -> a.token().equals(token)).orElse(false));
    }

    Optional<UndoEntry> undoEntry(int counter) {
        return Optional.ofNullable(undo.get(counter));
    }

    /** What two states must agree on to be the same office: every ticket, every counter, the number leases. */
    public Snapshot snapshot() {
        return new Snapshot(day, List.copyOf(tickets.values()), List.copyOf(counters.values()), leases, closedLeases);
    }

    /** A comparable picture of the state, for tests of replay and undo. */
    public record Snapshot(LocalDate day, List<Ticket> tickets, List<CounterSlot> counters, LeaseDay leases,
                           LeaseDay closedLeases) {
    }
}
