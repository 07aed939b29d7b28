package vn.motcua.hub.desk;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.ResponseBody;

/**
 * The ticket desk of the foundation: numbering, call-next and the counter lifecycle (call, recall, start, done,
 * no-show, pause, resume) and ratings. Deterministic: requests and the time come in, an {@link Outcome} goes out;
 * no I/O, threads or clock inside. Owned by the hub's single writer thread. The full allocation engine
 * (priority head start, transfers, holds, appointments, undo) replaces the selection rule here in issue 3.
 */
public final class Desk {

    private static final int RECENT_CALLS = 12;

    private final Office office;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>(); // today's, in issue order
    private final Map<String, Integer> lastNumber = new HashMap<>();
    private final Map<Integer, CounterSlot> counters = new TreeMap<>();
    private final Deque<Board.Call> recentCalls = new ArrayDeque<>();
    private final Set<String> rated = new HashSet<>(); // labels of today's tickets that have a rating
    private LocalDate day;

    public Desk(Office office, LocalDate day) {
        this.office = office;
        this.day = day;
        office.counters().forEach(c -> counters.put(c.number(), new CounterSlot(c.number(), CounterStatus.OPEN,
                Optional.empty())));
    }

    /** Restores what a store recovered: today's tickets in issue order, the counters, the tickets rated today. */
    public void restore(Collection<Ticket> todaysTickets, Collection<CounterSlot> slots, Collection<String> ratedTickets) {
        todaysTickets.forEach(this::put);
        rated.addAll(ratedTickets);
        slots.stream().filter(s -> counters.containsKey(s.number())).forEach(s -> counters.put(s.number(), s));
        todaysTickets.stream().filter(t -> t.calledAt().isPresent())
                .sorted(Comparator.comparing(t -> t.calledAt().orElseThrow()))
                .forEach(t -> remember(new Board.Call(t.label(), t.counter(), false, t.calledAt().orElseThrow()
                        .atZone(office.zone()).toOffsetDateTime())));
    }

    public Outcome handle(RequestBody request, Instant now) {
        rollOver(now);
        DeskOperations ops = new DeskOperations(this, now);
        return switch (request) {
            case RequestBody.TicketIssue issue -> ops.issue(issue);
            case RequestBody.CounterNext next -> ops.next(next.counter());
            case RequestBody.CounterCallTicket call -> ops.callTicket(call.counter(), call.ticket());
            case RequestBody.CounterRecall recall -> ops.recall(recall.counter());
            case RequestBody.CounterStart start -> ops.start(start.counter());
            case RequestBody.CounterDone done -> ops.finish(done.counter(), TicketState.DONE);
            case RequestBody.CounterNoShow noShow -> ops.finish(noShow.counter(), TicketState.NO_SHOW);
            case RequestBody.CounterPause pause -> ops.status(pause.counter(), CounterStatus.PAUSED);
            case RequestBody.CounterResume resume -> ops.status(resume.counter(), CounterStatus.OPEN);
            case RequestBody.RatingSubmit rating -> ops.rate(rating);
            case RequestBody.TicketIssueOffline ignored -> notYet("ticket.issueOffline");
            case RequestBody.AppointmentCheckin ignored -> notYet("appointment.checkin");
            case RequestBody.CounterTransfer ignored -> notYet("counter.transfer");
            case RequestBody.CounterHold ignored -> notYet("counter.hold");
            case RequestBody.LeaseRenew ignored -> notYet("lease.renew");
        };
    }

    private static Outcome notYet(String op) {
        return Outcome.rejected(ErrorCode.NOT_SUPPORTED, op + " is not supported by this hub version");
    }

    /** A new office day starts numbering afresh; yesterday's tickets stay in the store, not on the board. */
    private void rollOver(Instant now) {
        LocalDate today = now.atZone(office.zone()).toLocalDate();
        if (!today.equals(day)) {
            day = today;
            tickets.clear();
            lastNumber.clear();
            recentCalls.clear();
            rated.clear();
            counters.replaceAll((n, slot) -> slot.serving(Optional.empty()));
        }
    }

    // ---- state access for DeskOperations and the views (same thread) ------------------------------------------

    Office office() {
        return office;
    }

    LocalDate day() {
        return day;
    }

    int nextNumber(String service) {
        return lastNumber.merge(service, 1, Integer::sum);
    }

    void put(Ticket ticket) {
        tickets.put(ticket.label(), ticket);
        lastNumber.merge(ticket.service(), ticket.number(), Math::max);
    }

    Optional<Ticket> ticket(String label) {
        return Optional.ofNullable(tickets.get(label));
    }

    Collection<Ticket> tickets() {
        return tickets.values();
    }

    Optional<CounterSlot> slot(int counter) {
        return Optional.ofNullable(counters.get(counter));
    }

    void putSlot(CounterSlot slot) {
        counters.put(slot.number(), slot);
    }

    Collection<CounterSlot> slots() {
        return counters.values();
    }

    void remember(Board.Call call) {
        recentCalls.addFirst(call);
        while (recentCalls.size() > RECENT_CALLS) {
            recentCalls.removeLast();
        }
    }

    List<Board.Call> recentCalls() {
        return List.copyOf(recentCalls);
    }

    /** The ticket most recently finished as served at {@code counter}, if any. */
    Optional<Ticket> lastServedAt(int counter) {
        return tickets.values().stream()
                .filter(t -> t.counter() == counter && t.state() == TicketState.DONE && t.finishedAt().isPresent())
                .max(Comparator.comparing(t -> t.finishedAt().orElseThrow()));
    }

    boolean isRated(String label) {
        return rated.contains(label);
    }

    void markRated(String label) {
        rated.add(label);
    }

    /** The slot of a configured counter, for the store. */
    public CounterSlot slotOf(int counter) {
        return counters.get(counter);
    }

    /** Read-only views (board, catalogue, counter state) of the current state. */
    public DeskView view() {
        return new DeskView(this);
    }

    static ResponseBody.CounterUpdated updated(DeskView view, int counter, Instant now) {
        return new ResponseBody.CounterUpdated(view.counterState(counter, now));
    }
}
