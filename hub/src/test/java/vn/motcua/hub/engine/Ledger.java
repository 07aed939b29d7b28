package vn.motcua.hub.engine;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The tests' own reading of the event stream, independent of {@link EngineState}: every ticket of the current
 * office day with its latest value and every value it had. Properties look here for "just before" an event.
 */
final class Ledger {

    /** Called for each event with the ledger as it was just before that event. */
    interface Visitor {
        void visit(int stepIndex, Run.Step step, Event event, Ledger before);
    }

    private LocalDate day;
    private final Map<String, Ticket> tickets = new LinkedHashMap<>();
    private final Map<String, List<Ticket>> history = new HashMap<>();

    Ledger(LocalDate day) {
        this.day = day;
    }

    /** Walks every event of {@code run}, prelude before command events, showing each to {@code visitor} first. */
    static Ledger walk(Run run, Visitor visitor) {
        Ledger ledger = new Ledger(run.firstDay());
        for (int i = 0; i < run.steps().size(); i++) {
            Run.Step step = run.steps().get(i);
            for (Event event : step.decision().prelude()) {
                visitor.visit(i, step, event, ledger);
                ledger.apply(event);
            }
            for (Event event : step.decision().events()) {
                visitor.visit(i, step, event, ledger);
                ledger.apply(event);
            }
        }
        return ledger;
    }

    void apply(Event event) {
        switch (event) {
            case Event.DayOpened opened -> {
                day = opened.day();
                tickets.clear();
                history.clear();
                opened.carried().forEach(this::put);
            }
            case Event.DayClosed closed -> closed.ended().forEach(this::put);
            case Event.ActionUndone undone -> undone.tickets().forEach(this::put);
            case Event.OfflineTicketSynced synced -> {
                if (synced.ticket().day().equals(day)) { // one of a closed day is recorded there, not queued today
                    put(synced.ticket());
                }
            }
            default -> changed(event).ifPresent(this::put);
        }
    }

    /** The ticket an issue, call, recall or change carries. */
    static Optional<Ticket> changed(Event event) {
        return switch (event) {
            case Event.TicketIssued e -> Optional.of(e.ticket());
            case Event.TicketCalled e -> Optional.of(e.ticket());
            case Event.TicketRecalled e -> Optional.of(e.ticket());
            case Event.TicketChanged e -> Optional.of(e.ticket());
            default -> Optional.empty();
        };
    }

    private void put(Ticket ticket) {
        tickets.put(ticket.label(), ticket);
        history.computeIfAbsent(ticket.label(), l -> new ArrayList<>()).add(ticket);
    }

    LocalDate day() {
        return day;
    }

    Optional<Ticket> ticket(String label) {
        return Optional.ofNullable(tickets.get(label));
    }

    Collection<Ticket> tickets() {
        return tickets.values();
    }

    /** Every value the ticket had today, oldest first. */
    List<Ticket> history(String label) {
        return history.getOrDefault(label, List.of());
    }
}
