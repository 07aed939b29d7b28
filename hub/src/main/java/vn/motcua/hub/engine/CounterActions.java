package vn.motcua.hub.engine;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.engine.policy.Choice;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ResponseBody;

/** Decisions of one counter's officer at one instant: calls, the service lifecycle, the counter's status, undo. */
final class CounterActions {

    private final EngineState state;
    private final AllocationPolicy policy;
    private final Instant now;

    CounterActions(EngineState state, AllocationPolicy policy, Instant now) {
        this.state = state;
        this.policy = policy;
        this.now = now;
    }

    Decision decide(Command.AtCounter command) {
        Optional<CounterSlot> found = state.counter(command.counter());
        if (found.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_COUNTER, "counter " + command.counter() + " is not configured at this office");
        }
        CounterSlot slot = found.get();
        Optional<Ticket> current = slot.current().flatMap(state::ticket).filter(t -> t.state().atCounter());
        return switch (command) {
            case Command.CallNext next -> callNext(slot, current);
            case Command.CallTicket call -> callTicket(slot, current, call.ticket());
            case Command.Recall recall -> withCurrent(slot, current, this::recall);
            case Command.Start start -> withCurrent(slot, current, this::start);
            case Command.Done done -> withCurrent(slot, current, (s, t) -> finish(s, t, TicketState.DONE, done.fileCode()));
            case Command.NoShow noShow -> withCurrent(slot, current, this::noShow);
            case Command.Transfer transfer -> withCurrent(slot, current, (s, t) -> transfer(s, t, transfer));
            case Command.Hold hold -> withCurrent(slot, current, this::hold);
            case Command.AddService add -> withCurrent(slot, current, (s, t) -> addService(s, t, add.service()));
            case Command.Pause pause -> pause(slot);
            case Command.Resume resume -> status(slot, slot.with(CounterStatus.OPEN), "resumed");
            // Who is at the counter is not an officer's misclick to mend: sign in and out are not undoable.
            case Command.SignIn signIn -> withoutUndo(status(slot, slot.signedIn(signIn.officer()), "signed in"));
            case Command.SignOut signOut -> current.isPresent()
                    ? Decision.rejected(ErrorCode.INVALID_STATE, current.get().label() + " is still at counter "
                    + slot.number() + "; finish, hold or transfer it first")
                    : withoutUndo(status(slot, slot.signedOut(), "signed out"));
        };
    }

    // ---- calls ----------------------------------------------------------------------------------------------

    private Decision callNext(CounterSlot slot, Optional<Ticket> current) {
        if (slot.status() != CounterStatus.OPEN) {
            return notOpen(slot);
        }
        Office.Counter counter = state.office().counter(slot.number()).orElseThrow();
        Optional<Choice> choice = policy.choose(counter, state.waitingFor(counter.services()), now);
        if (choice.isEmpty()) {
            return Decision.rejected(ErrorCode.NO_TICKET_WAITING, "nobody is waiting for the services of counter " + slot.number());
        }
        return call(slot, current, choice.get().ticket(), policy.name(), choice.get().reason());
    }

    private Decision callTicket(CounterSlot slot, Optional<Ticket> current, String label) {
        if (slot.status() != CounterStatus.OPEN) {
            return notOpen(slot);
        }
        Optional<Ticket> ticket = state.ticket(label);
        if (ticket.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_TICKET, "no ticket " + label + " today");
        }
        Ticket t = ticket.get();
        if (t.state() != TicketState.WAITING && t.state() != TicketState.ON_HOLD) {
            return Decision.rejected(ErrorCode.INVALID_STATE, label + " is " + t.state() + ", not waiting or on hold");
        }
        Office.Counter counter = state.office().counter(slot.number()).orElseThrow();
        if (!counter.services().contains(t.service()) || t.forCounter() != 0 && t.forCounter() != slot.number()) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "counter " + slot.number() + " may not serve " + label);
        }
        return call(slot, current, t, "by-hand", label + ": called by hand at counter " + slot.number()
                + (t.state() == TicketState.ON_HOLD ? " (back from hold)" : ""));
    }

    /** Calls {@code ticket}; a ticket still at the counter is finished first (done, or no-show after the recalls). */
    private Decision call(CounterSlot slot, Optional<Ticket> current, Ticket ticket, String policyName, String reason) {
        List<Event> events = new ArrayList<>();
        CounterSlot free = slot;
        if (current.isPresent()) {
            Ticket previous = current.get();
            boolean gaveUp = previous.state() == TicketState.CALLED
                    && previous.recalls() >= state.office().rules().recallsBeforeNoShow();
            free = slot.serving(Optional.empty());
            events.add(new Event.TicketChanged(gaveUp ? "no-show" : "done",
                    previous.finished(gaveUp ? TicketState.NO_SHOW : TicketState.DONE, Optional.empty(), now),
                    Optional.of(free), now));
        }
        Ticket called = ticket.called(slot.number(), slot.officer(), now);
        events.add(new Event.TicketCalled(called, free.serving(Optional.of(called.label())), policyName, reason, now));
        return Decision.ok(Optional.of(slot.number()), events, answer(called));
    }

    private Decision recall(CounterSlot slot, Ticket ticket) {
        int limit = state.office().rules().recallsBeforeNoShow();
        if (ticket.state() == TicketState.CALLED && ticket.recalls() >= limit) {
            return Decision.rejected(ErrorCode.INVALID_STATE, ticket.label() + " was recalled " + limit
                    + " times; record a no-show or call the next citizen");
        }
        Ticket recalled = ticket.recalled();
        return Decision.ok(Optional.of(slot.number()), List.of(new Event.TicketRecalled(recalled, now)), answer(recalled));
    }

    // ---- the service ----------------------------------------------------------------------------------------

    private Decision start(CounterSlot slot, Ticket ticket) {
        if (ticket.state() != TicketState.CALLED) {
            return Decision.rejected(ErrorCode.INVALID_STATE, ticket.label() + " is already being served");
        }
        return changed(slot, "started", ticket.started(now), slot);
    }

    private Decision finish(CounterSlot slot, Ticket ticket, TicketState outcome, Optional<String> fileCode) {
        return changed(slot, outcome == TicketState.DONE ? "done" : "no-show", ticket.finished(outcome, fileCode, now),
                slot.serving(Optional.empty()));
    }

    private Decision noShow(CounterSlot slot, Ticket ticket) {
        if (ticket.state() != TicketState.CALLED) {
            return Decision.rejected(ErrorCode.INVALID_STATE, ticket.label() + " came to the counter; use done");
        }
        return finish(slot, ticket, TicketState.NO_SHOW, Optional.empty());
    }

    private Decision transfer(CounterSlot slot, Ticket ticket, Command.Transfer transfer) {
        String service = ticket.service();
        int reserved = 0;
        if (transfer.toService().isPresent()) {
            service = transfer.toService().get();
            if (state.office().service(service).isEmpty()) {
                return Decision.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + service + " at this office");
            }
        } else {
            reserved = transfer.toCounter().orElseThrow();
            Optional<Office.Counter> target = state.office().counter(reserved);
            if (target.isEmpty()) {
                return Decision.rejected(ErrorCode.UNKNOWN_COUNTER, "counter " + reserved + " is not configured at this office");
            }
            if (reserved == slot.number()) {
                return Decision.rejected(ErrorCode.INVALID_FIELD, "body.toCounter is this counter");
            }
            if (!target.get().services().contains(service)) {
                service = target.get().services().getFirst();
            }
        }
        return changed(slot, "transferred", ticket.requeued(service, reserved, false, now), slot.serving(Optional.empty()));
    }

    private Decision hold(CounterSlot slot, Ticket ticket) {
        if (ticket.state() != TicketState.SERVING) {
            return Decision.rejected(ErrorCode.INVALID_STATE, ticket.label() + " has not come to the counter yet");
        }
        return changed(slot, "on hold", ticket.held(), slot.serving(Optional.empty()));
    }

    private Decision addService(CounterSlot slot, Ticket ticket, String service) {
        if (state.office().service(service).isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + service + " at this office");
        }
        if (ticket.state() != TicketState.SERVING) {
            return Decision.rejected(ErrorCode.INVALID_STATE, ticket.label() + " has not come to the counter yet");
        }
        return changed(slot, "next service", ticket.requeued(service, 0, true, now), slot.serving(Optional.empty()));
    }

    // ---- the counter ----------------------------------------------------------------------------------------

    private Decision pause(CounterSlot slot) {
        return switch (slot.status()) {
            case OPEN -> status(slot, slot.with(CounterStatus.PAUSED), "paused");
            case PAUSED -> Decision.counterUpdated(Optional.empty(), List.of()); // already paused: nothing changes
            case CLOSED -> notOpen(slot);
        };
    }

    private Decision status(CounterSlot slot, CounterSlot next, String what) {
        if (next.equals(slot)) {
            return Decision.counterUpdated(Optional.empty(), List.of());
        }
        return Decision.counterUpdated(Optional.of(slot.number()), List.of(new Event.CounterChanged(what, next, now)));
    }

    /**
     * Reverses the officer's last action at the counter, within the undo window and only if nothing it touched has
     * changed since: a misclick is mended, but nobody else's work is ever reset.
     */
    Decision undo(int counter) {
        if (state.counter(counter).isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_COUNTER, "counter " + counter + " is not configured at this office");
        }
        Optional<EngineState.UndoEntry> entry = state.undoEntry(counter);
        if (entry.isEmpty()) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "nothing to undo at counter " + counter);
        }
        Duration window = state.office().rules().undoWindow();
        if (Duration.between(entry.get().at(), now).compareTo(window) > 0) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "the last action is older than " + window.toSeconds() + " s");
        }
        boolean untouched = entry.get().after().stream().allMatch(t -> state.ticket(t.label()).map(t::equals).orElse(false))
                && state.counter(counter).orElseThrow().equals(entry.get().slotAfter());
        if (!untouched) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "cannot undo: a ticket of that action changed since");
        }
        return Decision.counterUpdated(Optional.empty(),
                List.of(new Event.ActionUndone(counter, entry.get().before(), entry.get().slotBefore(), now)));
    }

    // ---- helpers --------------------------------------------------------------------------------------------

    private interface Action {
        Decision on(CounterSlot slot, Ticket ticket);
    }

    private Decision withCurrent(CounterSlot slot, Optional<Ticket> current, Action action) {
        return current.map(t -> action.on(slot, t)).orElseGet(() ->
                Decision.rejected(ErrorCode.NO_CURRENT_TICKET, "counter " + slot.number() + " has no ticket"));
    }

    private Decision changed(CounterSlot slot, String what, Ticket ticket, CounterSlot after) {
        return Decision.counterUpdated(Optional.of(slot.number()),
                List.of(new Event.TicketChanged(what, ticket, Optional.of(after), now)));
    }

    private static Decision withoutUndo(Decision decision) {
        return new Decision(decision.prelude(), Optional.empty(), decision.events(), decision.answer(), decision.rejection());
    }

    private Decision notOpen(CounterSlot slot) {
        return Decision.rejected(ErrorCode.COUNTER_NOT_OPEN, "counter " + slot.number() + " is " + slot.status());
    }

    private ResponseBody.TicketCalled answer(Ticket called) {
        return new ResponseBody.TicketCalled(called.label(), called.service(), called.counter(), called.recalls(),
                local(called.calledAt().orElseThrow()));
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(state.office().zone()).toOffsetDateTime();
    }
}
