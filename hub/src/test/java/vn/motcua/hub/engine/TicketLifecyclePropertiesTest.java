package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.ErrorCode;

/**
 * Numbering and the ticket lifecycle over random days at the sample offices: read from the events, as the log
 * and the reports see them, and from the engine's state after every command. Each property is tried on 250 seeded
 * days ({@link Tries}).
 */
class TicketLifecyclePropertiesTest {

    /**
     * What a command may do to a ticket. The end of the office day ({@link Event.DayClosed}) is checked on its own:
     * it closes every ticket not yet finished, those still at a counter included.
     */
    private static final Map<TicketState, Set<TicketState>> ALLOWED = Map.of(
            TicketState.WAITING, EnumSet.of(TicketState.CALLED, TicketState.CANCELLED),
            TicketState.CALLED, EnumSet.of(TicketState.SERVING, TicketState.DONE, TicketState.NO_SHOW, TicketState.WAITING),
            TicketState.SERVING, EnumSet.of(TicketState.DONE, TicketState.ON_HOLD, TicketState.WAITING),
            TicketState.ON_HOLD, EnumSet.of(TicketState.CALLED, TicketState.CANCELLED));

    @Test
    void no_number_is_issued_twice_in_a_day_online_numbers_rise_per_prefix_and_leased_blocks_are_the_kiosks_own() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Numbering numbering = new Numbering(run.office());
            for (Event event : run.events()) {
                switch (event) {
                    case Event.TicketIssued e -> {
                        assertThat(e.ticket().day()).as("%s is issued on the office's local date", e.ticket().label())
                                .isEqualTo(e.at().atZone(run.office().zone()).toLocalDate());
                        numbering.online(e.ticket());
                    }
                    case Event.DayOpened e -> {
                        assertThat(e.carried()).allSatisfy(t -> assertThat(t.day()).isEqualTo(e.day()));
                        e.carried().forEach(numbering::online);
                    }
                    case Event.LeaseGranted e -> numbering.leased(e.lease());
                    case Event.OfflineTicketSynced e -> {
                        numbering.offline(e.device(), e.ticket());
                        seen.count(e.ticket().day().equals(e.at().atZone(run.office().zone()).toLocalDate())
                                ? "offline tickets queued" : "offline tickets recorded late");
                    }
                    default -> {
                    }
                }
            }
            seen.count("tickets issued", numbering.issued.size());
            seen.count("leases granted", numbering.leases.values().stream().mapToInt(List::size).sum());
            seen.count("days with " + bucket(numbering.issued.size()) + " tickets");
            if (run.events().stream().anyMatch(e -> e instanceof Event.DayOpened)) {
                seen.count("days rolled over");
            }
            if (run.steps().stream().anyMatch(s -> s.command() instanceof Command.Issue
                    && s.decision().rejection().filter(r -> r.message().contains("used up")).isPresent())) {
                seen.count("days that ran out of numbers");
            }
        }).require("tickets issued", 4000).require("days with 50+ tickets", 20).require("days rolled over", 100)
                .require("days that ran out of numbers", 12).require("leases granted", 300)
                .require("offline tickets queued", 400).require("offline tickets recorded late", 20);
    }

    /** The tests' own book of the numbers given out per office day and prefix: online, leased, synced. */
    private static final class Numbering {
        private final Office office;
        private final Set<String> issued = new HashSet<>();
        private final Map<String, Integer> lastOnline = new HashMap<>();
        private final Map<String, List<Lease>> leases = new HashMap<>();

        Numbering(Office office) {
            this.office = office;
        }

        /** A number the hub gave: never twice, rising, in the service's range, in no block leased that day. */
        void online(Ticket t) {
            String prefix = t.label().substring(0, t.label().indexOf('-'));
            String key = t.day() + " " + prefix;
            unique(t);
            assertThat(t.offline()).as("%s was issued online", t.label()).isFalse();
            assertThat(t.number()).as("%s after %s-%s on %s", t.label(), prefix, lastOnline.get(key), t.day())
                    .isGreaterThan(lastOnline.getOrDefault(key, 0));
            lastOnline.put(key, t.number());
            Office.Service service = office.services().stream().filter(s -> s.prefix().equals(prefix))
                    .findFirst().orElseThrow();
            assertThat(t.number()).isBetween(service.firstNumber(), service.lastNumber());
            assertThat(leases.getOrDefault(key, List.of())).as("blocks leased on %s holding %s", t.day(), t.label())
                    .noneMatch(l -> t.number() >= l.first() && t.number() <= l.last());
        }

        /** A block: in the range, at most the cap, above every online number so far, overlapping no other block. */
        void leased(Lease lease) {
            Office.Service service = office.service(lease.service()).orElseThrow();
            String key = lease.day() + " " + service.prefix();
            assertThat(lease.first()).isBetween(service.firstNumber(), lease.last());
            assertThat(lease.last()).isLessThanOrEqualTo(service.lastNumber());
            assertThat(lease.last() - lease.first() + 1).isLessThanOrEqualTo(office.rules().offlineLeaseMax());
            assertThat(lease.first()).as("%s above the online numbers", lease).isGreaterThan(lastOnline.getOrDefault(key, 0));
            List<Lease> day = leases.computeIfAbsent(key, k -> new ArrayList<>());
            assertThat(day).as("blocks overlapping %s", lease)
                    .noneMatch(l -> l.first() <= lease.last() && lease.first() <= l.last());
            day.add(lease);
        }

        /** A synced ticket: once, offline, in a block leased to that kiosk for that service on the day it was printed. */
        void offline(String device, Ticket t) {
            Office.Service service = office.service(t.service()).orElseThrow();
            unique(t);
            assertThat(t.offline()).isTrue();
            assertThat(t.label()).isEqualTo(Ticket.labelOf(service.prefix(), t.number()));
            assertThat(leases.getOrDefault(t.day() + " " + service.prefix(), List.of()))
                    .as("%s of %s synced by %s", t.label(), t.day(), device)
                    .anyMatch(l -> l.device().equals(device) && l.service().equals(t.service())
                            && t.number() >= l.first() && t.number() <= l.last());
        }

        private void unique(Ticket t) {
            assertThat(issued.add(t.day() + " " + t.label())).as("%s issued twice on %s", t.label(), t.day()).isTrue();
        }
    }

    @Test
    void every_ticket_change_is_an_allowed_transition_and_each_counter_holds_one_ticket_that_says_so() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Ledger.walk(run, (i, step, event, before) -> {
                Object where = run.at(i);
                seen.count(event instanceof Event.TicketChanged changed ? changed.what() : event.getClass().getSimpleName());
                switch (event) {
                    case Event.TicketIssued e -> {
                        assertThat(before.ticket(e.ticket().label())).as("new label%s", where).isEmpty();
                        assertThat(e.ticket().state()).isEqualTo(TicketState.WAITING);
                    }
                    case Event.OfflineTicketSynced e -> {
                        boolean today = e.ticket().day().equals(before.day());
                        assertThat(e.ticket().state()).as("offline ticket of %s synced on %s%s", e.ticket().day(),
                                before.day(), where).isEqualTo(today ? TicketState.WAITING : TicketState.CLOSED);
                        if (today) {
                            assertThat(before.ticket(e.ticket().label())).as("new label%s", where).isEmpty();
                            assertThat(e.ticket().issuedAt()).as("queued at its printed time, not after now%s", where)
                                    .isBeforeOrEqualTo(e.at());
                        }
                    }
                    case Event.DayOpened e -> assertThat(e.carried()).allSatisfy(
                            t -> assertThat(t.state()).as("carried%s", where).isEqualTo(TicketState.WAITING));
                    case Event.DayClosed e -> {
                        // Nobody is lost: every ticket not yet finished, waiting, held or still at a counter, is closed.
                        assertThat(e.ended()).extracting(Ticket::label).as("closed at the end of %s%s", e.day(), where)
                                .containsExactlyInAnyOrderElementsOf(before.tickets().stream()
                                        .filter(t -> !t.state().isFinal()).map(Ticket::label).toList());
                        e.ended().forEach(t -> {
                            assertThat(t.state()).as("ended%s", where).isEqualTo(TicketState.CLOSED);
                            Ticket prior = before.ticket(t.label()).orElseThrow();
                            assertThat(t.issuedAt()).as("issue time of %s at the close%s", t.label(), where)
                                    .isEqualTo(prior.issuedAt());
                            if (prior.state().atCounter()) {
                                seen.count("closed at a counter");
                            }
                        });
                    }
                    case Event.TicketCalled e -> {
                        assertThat(e.ticket().state()).isEqualTo(TicketState.CALLED);
                        assertTransition(before, e.ticket(), where);
                    }
                    case Event.TicketRecalled e -> {
                        Ticket prior = before.ticket(e.ticket().label()).orElseThrow(() -> new AssertionError("recalled unknown" + where));
                        assertThat(prior.state().atCounter()).as("recalled at a counter%s", where).isTrue();
                        assertThat(e.ticket().state()).as("a recall keeps the state%s", where).isEqualTo(prior.state());
                        assertThat(e.ticket().recalls()).isEqualTo(prior.recalls() + 1);
                    }
                    case Event.TicketChanged e -> assertTransition(before, e.ticket(), where);
                    case Event.ActionUndone e -> e.tickets().forEach(t -> assertThat(before.history(t.label()))
                            .as("undo restores a value %s had earlier today%s", t.label(), where).contains(t));
                    default -> {
                    }
                }
            });
            for (int i = 0; i < run.steps().size(); i++) {
                assertOneTicketPerCounter(run.steps().get(i).after(), run.at(i));
            }
        }).require("DayClosed", 200).require("closed at a counter", 100).require("ActionUndone", 40)
                .require("TicketRecalled", 150).require("started", 400).require("done", 700).require("on hold", 50)
                .require("no-show", 120).require("cancelled", 300).require("transferred", 200)
                .require("next service", 50).require("AppointmentBooked", 200);
    }

    @Test
    void a_rating_is_accepted_exactly_when_its_ticket_was_served_at_that_counter_within_the_window_and_only_once() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Set<String> rated = new HashSet<>();
            for (Run.Step step : run.steps()) {
                if (step.decision().prelude().stream().anyMatch(e -> e instanceof Event.DayOpened)) {
                    rated.clear(); // a new day: the snapshot before this step is of the day before
                    continue;
                }
                if (!(step.command() instanceof Command.Rate rate) || !run.office().rules().hasRatingLevel(rate.level())
                        || run.office().counter(rate.counter()).isEmpty()) {
                    continue;
                }
                Optional<Ticket> named = rate.ticket().flatMap(label -> step.before().tickets().stream()
                        .filter(t -> t.label().equals(label)).findFirst());
                Optional<Ticket> target = rate.ticket().isPresent() ? named : lastDoneAt(step.before(), rate.counter());
                boolean rateable = target.filter(t -> t.counter() == rate.counter()
                        && (t.startedAt().isPresent() || t.state() == TicketState.DONE)
                        && t.finishedAt().map(end -> !end.plus(run.office().rules().ratingWindow())
                                .isBefore(rate.pressedAt())).orElse(true)).isPresent();
                Optional<ErrorCode> refused = step.decision().rejection().map(Decision.Rejection::code);
                if (rate.ticket().isPresent() && named.isEmpty()) {
                    assertThat(refused).as("%s", step).contains(ErrorCode.UNKNOWN_TICKET);
                } else if (!rateable) {
                    assertThat(refused).as("%s", step).contains(ErrorCode.NOT_RATEABLE);
                    seen.count(target.map(t -> t.counter() != rate.counter()
                                    && (t.startedAt().isPresent() || t.state() == TicketState.DONE)
                            ? "refused: served at another counter" : "refused: " + t.state().name().toLowerCase())
                            .orElse("refused: none served in the window"));
                } else if (rated.contains(target.get().label())) {
                    assertThat(refused).as("%s", step).contains(ErrorCode.INVALID_STATE);
                } else {
                    assertThat(refused).as("%s", step).isEmpty();
                    assertThat(step.decision().events()).singleElement().isInstanceOfSatisfying(Event.RatingRecorded.class,
                            e -> assertThat(e.rating().ticket()).contains(target.get().label()));
                    rated.add(target.get().label());
                    seen.count("rated");
                }
            }
        }).require("rated", 60).require("refused: waiting", 40).require("refused: called", 2)
                .require("refused: served at another counter", 20).require("refused: done", 20)
                .require("refused: none served in the window", 100);
    }

    /** The ticket last finished as done at {@code counter}, as the engine looks it up for a rating naming none. */
    private static Optional<Ticket> lastDoneAt(EngineState.Snapshot state, int counter) {
        return state.tickets().stream()
                .filter(t -> t.counter() == counter && t.state() == TicketState.DONE && t.finishedAt().isPresent())
                .max(Comparator.comparing(t -> t.finishedAt().orElseThrow()));
    }

    private static void assertTransition(Ledger before, Ticket next, Object where) {
        Ticket prior = before.ticket(next.label()).orElseThrow(() -> new AssertionError(next.label() + " unknown" + where));
        assertThat(prior.state().isFinal()).as("%s was %s, a final state%s", next.label(), prior.state(), where).isFalse();
        assertThat(ALLOWED.get(prior.state())).as("%s: %s -> %s%s", next.label(), prior.state(), next.state(), where)
                .contains(next.state());
    }

    /** Labels are unique; a ticket called or served is its counter's current ticket, and that is the only one. */
    private static void assertOneTicketPerCounter(EngineState.Snapshot snapshot, Object where) {
        Map<String, Ticket> byLabel = new HashMap<>();
        snapshot.tickets().forEach(t -> assertThat(byLabel.put(t.label(), t)).as("one value per label%s", where).isNull());
        Map<Integer, CounterSlot> slots = new HashMap<>();
        snapshot.counters().forEach(c -> slots.put(c.number(), c));
        Set<String> atCounters = new HashSet<>();
        for (CounterSlot slot : snapshot.counters()) {
            slot.current().ifPresent(label -> {
                Ticket ticket = byLabel.get(label);
                assertThat(ticket).as("counter %d holds %s, a ticket of today%s", slot.number(), label, where).isNotNull();
                assertThat(ticket.state().atCounter()).as("counter %d holds %s, which is %s%s", slot.number(), label,
                        ticket.state(), where).isTrue();
                assertThat(ticket.counter()).as("%s says it is at counter %d%s", label, slot.number(), where)
                        .isEqualTo(slot.number());
                assertThat(atCounters.add(label)).as("%s at two counters%s", label, where).isTrue();
            });
        }
        for (Ticket ticket : snapshot.tickets()) {
            if (ticket.state().atCounter()) {
                assertThat(Optional.ofNullable(slots.get(ticket.counter())).flatMap(CounterSlot::current))
                        .as("%s is %s at counter %d, which holds it%s", ticket.label(), ticket.state(), ticket.counter(), where)
                        .contains(ticket.label());
            }
        }
    }

    @Test
    void only_waiting_tickets_are_called_next_and_only_waiting_or_held_ones_by_hand() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Ledger.walk(run, (i, step, event, before) -> {
                if (event instanceof Event.TicketCalled called) {
                    Ticket prior = before.ticket(called.ticket().label()).orElseThrow();
                    Object where = run.at(i);
                    boolean byHand = step.command() instanceof Command.CallTicket;
                    assertThat(prior.state()).as("%s before %s%s", prior.label(), step.command(), where)
                            .isIn(byHand ? EnumSet.of(TicketState.WAITING, TicketState.ON_HOLD) : EnumSet.of(TicketState.WAITING));
                    Office.Counter counter = run.office().counter(called.counter().number()).orElseThrow();
                    assertThat(counter.services()).as("counter %d serves %s%s", counter.number(), prior.service(), where)
                            .contains(prior.service());
                    assertThat(prior.forCounter()).as("reserved for another counter%s", where).isIn(0, counter.number());
                    seen.count(byHand ? "by hand " + prior.state() : "next");
                }
            });
        }).require("next", 1200).require("by hand WAITING", 100).require("by hand ON_HOLD", 1);
    }

    @Test
    void transfers_next_services_and_carry_over_keep_the_original_issue_time() {
        Tries.check(250, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Ledger.walk(run, (i, step, event, before) -> {
                Object where = run.at(i);
                if (event instanceof Event.DayOpened opened) {
                    for (Ticket carried : opened.carried()) {
                        // ... and that ticket was waiting or held when the day closed: one still at a counter was being
                        // served, and is not carried over.
                        boolean fromYesterday = before.tickets().stream().anyMatch(t -> t.state() == TicketState.CLOSED
                                && t.issuedAt().equals(carried.issuedAt()) && t.service().equals(carried.service())
                                && t.priority().equals(carried.priority()) && t.appointment().equals(carried.appointment())
                                && wasQueuedAtTheClose(before.history(t.label())));
                        assertThat(fromYesterday).as("%s carried from a ticket waiting or held when yesterday closed, same"
                                + " issue time%s", carried.label(), where).isTrue();
                    }
                    seen.count(opened.carried().isEmpty() ? "nobody carried" : "some carried");
                }
                Ledger.changed(event).ifPresent(t -> before.ticket(t.label()).ifPresent(prior -> {
                    assertThat(t.issuedAt()).as("issue time of %s after %s%s", t.label(), step.command(), where)
                            .isEqualTo(prior.issuedAt());
                    assertThat(t.number()).isEqualTo(prior.number());
                    if (!t.service().equals(prior.service())) {
                        seen.count("service changes");
                    }
                }));
                if (event instanceof Event.ActionUndone undone) {
                    undone.tickets().forEach(t -> before.ticket(t.label())
                            .ifPresent(prior -> assertThat(t.issuedAt()).isEqualTo(prior.issuedAt())));
                }
            });
        }).require("some carried", 90).require("service changes", 200);
    }

    /** The ticket's values today: the last is CLOSED, from the end of the day; the one before, what it was then. */
    private static boolean wasQueuedAtTheClose(List<Ticket> history) {
        return history.size() >= 2 && EnumSet.of(TicketState.WAITING, TicketState.ON_HOLD)
                .contains(history.get(history.size() - 2).state());
    }

    static String bucket(int n) {
        return n == 0 ? "0" : n < 10 ? "1-9" : n < 50 ? "10-49" : "50+";
    }
}
