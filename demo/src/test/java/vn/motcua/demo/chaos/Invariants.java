package vn.motcua.demo.chaos;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import vn.motcua.demo.chaos.Ledger.Outcome;
import vn.motcua.demo.chaos.Ledger.Press;

/**
 * The suite's invariants: the test's ledger against what the hub ended with. Each check returns its violations,
 * one line each, precise enough to find the moment in the logs; none means it holds.
 */
final class Invariants {

    /** The operations a press may have sent, by the ledger's action name. */
    private static final Map<String, String> OPS = Map.of("NEXT", "counter.next", "START", "counter.start",
            "DONE", "counter.done", "NO_SHOW", "counter.noShow", "sign in", "counter.signIn", "ticket", "ticket.issue");

    private final Ledger ledger;
    private final HubRecord hub;
    private final List<Press> presses;

    Invariants(Ledger ledger, HubRecord hub) {
        this.ledger = ledger;
        this.hub = hub;
        this.presses = ledger.presses();
    }

    /** Every check by name, in the order a reader should look at them; only those violated. */
    Map<String, List<String>> violations() {
        Map<String, List<String>> all = new LinkedHashMap<>();
        all.put("no ghosts: a press the unit reported failed was carried out by the hub", failedPressesApplied());
        all.put("no ghosts: calls nobody acknowledged", unexplainedCalls());
        all.put("no ghosts: tickets nobody printed", unprintedTickets());
        all.put("no ghosts: services finished that nobody acknowledged", unexplainedEnds());
        all.put("every acknowledged ticket exactly once, never cancelled behind the citizen's back", printedTickets());
        all.put("every rating pressed exactly once, and no other", ratings());
        all.put("no citizen served twice", servedTwice());
        all.put("numbers unique per service per day", numbers());
        all.put("offline tickets join the queue in print order", offlineOrder());
        all.values().removeIf(List::isEmpty);
        return all;
    }

    /**
     * A press the unit reported failed (timeout, no link) whose request the hub carried out after that report: the
     * ghost of issue 11. A request the hub applied before the unit gave up — committed, then the hub was killed or
     * the link cut before the answer went out — is not one: the officer or citizen pressed while connected, and the
     * unit's display shows the outcome once the state is back (checked below). Such answers lost in a crash count as
     * presses a crash cut short ({@link #unknownPresses}).
     */
    private List<String> failedPressesApplied() {
        List<String> found = new ArrayList<>();
        for (Press press : presses) {
            appliedLater(press).ifPresent(applied -> found.add(press + "; but the hub applied its request "
                    + applied.requestId() + " at " + Ledger.time(applied.at()) + " ("
                    + millis(press.pressedAt(), applied.at()) + " after the press, "
                    + millis(press.reportedAt(), applied.at()) + " after the unit reported failure) and answered "
                    + applied.answer()));
        }
        return found;
    }

    private Optional<HubRecord.Applied> appliedLater(Press press) {
        return applied(press).filter(applied -> applied.at().isAfter(press.reportedAt()));
    }

    /** Failed at the unit, but applied by the hub before the unit reported it: the answer was lost in a crash. */
    private boolean answerLost(Press press) {
        return applied(press).filter(applied -> !applied.at().isAfter(press.reportedAt())).isPresent();
    }

    /** The hub's applied request of a press the unit reported failed, if it applied one. */
    private Optional<HubRecord.Applied> applied(Press press) {
        if (press.outcome() != Outcome.FAILED) {
            return Optional.empty();
        }
        String op = OPS.get(press.action().startsWith("ticket ") ? "ticket"
                : press.action().startsWith("sign in") ? "sign in" : press.action());
        return hub.applied().stream().filter(applied -> applied.ok() && press.requestId()
                .map(applied.requestId()::equals).orElse(applied.device().equals(press.unit())
                        && applied.op().equals(op)
                        && !applied.made().isBefore(press.pressedAt().truncatedTo(ChronoUnit.MILLIS))
                        && !applied.made().isAfter(press.reportedAt()))).findFirst();
    }

    /** A call the hub made at a counter that no acknowledged NEXT there named, nor a press a crash cut short. */
    private List<String> unexplainedCalls() {
        List<String> found = new ArrayList<>();
        Map<String, Integer> unknown = unknownPresses(p -> p.action().equals("NEXT"));
        for (HubRecord.Call call : hub.calls()) {
            String unit = unitAt(call.counter());
            boolean acknowledged = presses.stream().anyMatch(p -> p.unit().equals(unit) && p.action().equals("NEXT")
                    && p.outcome() == Outcome.OK && p.ticket().equals(Optional.of(call.label())));
            if (!acknowledged && !take(unknown, unit)) {
                found.add("the hub called " + call.label() + " at counter " + call.counter() + " at "
                        + Ledger.time(call.at()) + ", but no NEXT on " + unit + " was acknowledged with it"
                        + lastFailedBefore(unit, "NEXT", call.at()));
            }
        }
        return found;
    }

    /** A ticket at the hub the kiosk never printed: harmless only if it was cancelled before anyone called it. */
    private List<String> unprintedTickets() {
        Set<String> printed = ledger.printed().stream().map(Ledger.Printed::ticket).collect(Collectors.toSet());
        Map<String, Integer> unknown = unknownPresses(p -> p.action().startsWith("ticket "));
        List<String> found = new ArrayList<>();
        for (HubRecord.Ticket ticket : hub.tickets()) {
            boolean cancelledUncalled = ticket.state().equals("CANCELLED") && ticket.calledAt().isEmpty();
            if (printed.contains(ticket.label()) || cancelledUncalled || take(unknown, ChaosSite.KIOSK)) {
                continue;
            }
            found.add("the hub issued " + ticket.label() + " (" + ticket.service() + " " + ticket.number() + ") at "
                    + Ledger.time(ticket.issuedAt()) + ", the kiosk never printed it, and it ended " + ticket.state()
                    + ticket.calledAt().map(at -> " after a call at counter " + ticket.counter() + " at "
                            + Ledger.time(at)).orElse("")
                    + lastFailedBefore(ChaosSite.KIOSK, "ticket " + ticket.service(), ticket.issuedAt()));
        }
        return found;
    }

    /** A DONE or NO_SHOW at the hub without an acknowledged press of that key at that counter. */
    private List<String> unexplainedEnds() {
        List<String> found = new ArrayList<>();
        for (String key : List.of("DONE", "NO_SHOW")) {
            String state = key.equals("DONE") ? "DONE" : "NO_SHOW";
            for (var entry : ChaosSite.COUNTERS.entrySet()) {
                String unit = entry.getKey();
                List<Press> acknowledged = new ArrayList<>(presses.stream().filter(p -> p.unit().equals(unit)
                        && p.action().equals(key) && p.outcome() == Outcome.OK).toList());
                List<HubRecord.Ticket> ended = new ArrayList<>(hub.tickets().stream()
                        .filter(t -> t.counter() == entry.getValue() && t.state().equals(state)).toList());
                // The same ticket first; then any press of the key, as the display may have lagged behind the hub.
                for (Iterator<HubRecord.Ticket> it = ended.iterator(); it.hasNext(); ) {
                    String label = it.next().label();
                    Optional<Press> same = acknowledged.stream()
                            .filter(p -> p.ticket().equals(Optional.of(label))).findFirst();
                    if (same.isPresent()) {
                        acknowledged.remove(same.get());
                        it.remove();
                    }
                }
                int spare = acknowledged.size() + unknownPresses(p -> p.action().equals(key)).getOrDefault(unit, 0);
                for (HubRecord.Ticket t : ended.subList(Math.min(spare, ended.size()), ended.size())) {
                    found.add("the hub recorded " + t.label() + " " + state + " at counter " + t.counter() + " at "
                            + t.finishedAt().map(Ledger::time).orElse("?") + ", but no " + key + " on " + unit
                            + " was acknowledged for it" + lastFailedBefore(unit, key, t.finishedAt().orElse(t.issuedAt())));
                }
            }
        }
        return found;
    }

    private List<String> printedTickets() {
        Map<String, List<HubRecord.Ticket>> byLabel = hub.tickets().stream()
                .collect(Collectors.groupingBy(HubRecord.Ticket::label));
        List<String> found = new ArrayList<>();
        for (Ledger.Printed printed : ledger.printed()) {
            List<HubRecord.Ticket> atHub = byLabel.getOrDefault(printed.ticket(), List.of());
            String what = (printed.offline() ? "offline " : "") + "ticket " + printed.ticket() + " printed at "
                    + Ledger.time(printed.at());
            if (atHub.size() != 1) {
                found.add(what + " is at the hub " + atHub.size() + " times");
            } else if (!atHub.getFirst().service().equals(printed.service())
                    || atHub.getFirst().number() != printed.number()) {
                found.add(what + " as " + printed.service() + " " + printed.number() + " is at the hub as "
                        + atHub.getFirst().service() + " " + atHub.getFirst().number());
            } else if (atHub.getFirst().state().equals("CANCELLED")) {
                found.add(what + " was cancelled at the hub while the citizen holds it");
            }
        }
        return found;
    }

    private List<String> ratings() {
        List<String> found = new ArrayList<>();
        Map<String, List<HubRecord.Rating>> atHub = hub.ratings().stream()
                .collect(Collectors.groupingBy(r -> r.counter() + "/" + r.ticket().orElse("-") + "/" + r.level()));
        Map<String, Long> pressed = ledger.rated().stream()
                .collect(Collectors.groupingBy(r -> r.counter() + "/" + r.ticket() + "/" + r.level(),
                        Collectors.counting()));
        // Pressed on a unit killed before it thanked: the rating may have reached its outbox, or not.
        Set<String> unconfirmed = ledger.ratedUnconfirmed().stream()
                .map(r -> r.counter() + "/" + r.ticket() + "/" + r.level()).collect(Collectors.toSet());
        unconfirmed.forEach(key -> {
            int recorded = atHub.getOrDefault(key, List.of()).size();
            if (recorded > 1 || recorded == 1 && pressed.containsKey(key)) {
                found.add("rating " + key + " (counter/ticket/level), its unit killed before it thanked, recorded "
                        + recorded + " time(s)");
            }
        });
        pressed.forEach((key, times) -> {
            int recorded = atHub.getOrDefault(key, List.of()).size();
            if (recorded != times) {
                found.add("rating " + key + " (counter/ticket/level) pressed " + times + " time(s), recorded "
                        + recorded + " time(s)");
            }
        });
        atHub.forEach((key, rows) -> {
            if (!pressed.containsKey(key) && !unconfirmed.contains(key)) {
                found.add("the hub recorded rating " + key + " (counter/ticket/level) " + rows.size()
                        + " time(s), first at " + Ledger.time(rows.getFirst().at()) + ", that nobody pressed");
            }
        });
        return found;
    }

    private List<String> servedTwice() {
        List<String> found = new ArrayList<>();
        hub.calls().stream().collect(Collectors.groupingBy(c -> c.day() + "/" + c.label(),
                Collectors.mapping(HubRecord.Call::counter, Collectors.toCollection(TreeSet::new))))
                .forEach((ticket, counters) -> {
                    if (counters.size() > 1) {
                        found.add(ticket + " was called at counters " + counters);
                    }
                });
        hub.tickets().stream().filter(t -> t.served() > 1)
                .forEach(t -> found.add(t.label() + " was served " + t.served() + " times"));
        presses.stream().filter(p -> p.action().equals("START") && p.outcome() == Outcome.OK && p.ticket().isPresent())
                .collect(Collectors.groupingBy(p -> p.ticket().get(), Collectors.mapping(Press::unit, Collectors.toSet())))
                .forEach((ticket, units) -> {
                    if (units.size() > 1) {
                        found.add(ticket + " was started (acknowledged) on " + units);
                    }
                });
        return found;
    }

    private List<String> numbers() {
        List<String> found = new ArrayList<>();
        duplicates(hub.tickets().stream().map(t -> t.day() + " " + t.service() + " " + t.number()).toList())
                .forEach(d -> found.add("the hub has " + d));
        duplicates(ledger.printed().stream().map(p -> p.service() + " " + p.number()).toList())
                .forEach(d -> found.add("the kiosk printed " + d));
        return found;
    }

    private List<String> offlineOrder() {
        List<String> printed = ledger.printed().stream().filter(Ledger.Printed::offline).map(Ledger.Printed::ticket)
                .toList();
        Set<String> offline = Set.copyOf(printed);
        List<String> queued = hub.tickets().stream().filter(t -> offline.contains(t.label()))
                .sorted(Comparator.comparing(HubRecord.Ticket::queuedAt).thenComparing(HubRecord.Ticket::number))
                .map(HubRecord.Ticket::label).toList();
        return queued.equals(printed.stream().filter(queued::contains).toList()) ? List.of()
                : List.of("printed offline in the order " + printed + ", queued at the hub in the order " + queued);
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** Presses a crash cut short, per unit: each may explain one thing the hub did. */
    private Map<String, Integer> unknownPresses(Predicate<Press> which) {
        Map<String, Integer> unknown = new HashMap<>();
        presses.stream().filter(p -> (p.outcome() == Outcome.UNKNOWN || answerLost(p)) && which.test(p))
                .forEach(p -> unknown.merge(p.unit(), 1, Integer::sum));
        return unknown;
    }

    private static boolean take(Map<String, Integer> unknown, String unit) {
        int left = unknown.getOrDefault(unit, 0);
        if (left == 0) {
            return false;
        }
        unknown.put(unit, left - 1);
        return true;
    }

    /** ", the last failed ACTION on UNIT before it: …", or nothing. */
    private String lastFailedBefore(String unit, String action, Instant at) {
        return presses.stream().filter(p -> p.unit().equals(unit) && p.action().startsWith(action)
                        && p.outcome() == Outcome.FAILED && p.pressedAt().isBefore(at))
                .max(Comparator.comparing(Press::pressedAt))
                .map(p -> "; the last failed " + action + " on " + unit + " before it: " + p).orElse("");
    }

    private static String unitAt(int counter) {
        return ChaosSite.COUNTERS.entrySet().stream().filter(e -> e.getValue() == counter).map(Map.Entry::getKey)
                .findFirst().orElse("counter " + counter + " (no unit)");
    }

    private static List<String> duplicates(List<String> values) {
        return values.stream().collect(Collectors.groupingBy(v -> v, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(e -> e.getKey() + " ×" + e.getValue()).sorted().toList();
    }

    private static String millis(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() + " ms";
    }
}
