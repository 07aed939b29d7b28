package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

/** Who "call next" picks under the effective-wait policy, and counters pressing next at the same instant. */
class AllocationPropertiesTest {

    @Test
    void past_the_starvation_cap_someone_past_it_is_called_and_any_overtaking_is_bounded_by_the_head_starts() {
        Tries.check(300, Scenarios::days, (scenario, seen) -> {
            Run run = Run.of(scenario);
            Rules rules = run.office().rules();
            Ledger.walk(run, (i, step, event, before) -> {
                if (!(event instanceof Event.TicketCalled called) || !(step.command() instanceof Command.CallNext)) {
                    return;
                }
                Object where = run.at(i);
                assertThat(called.policy()).isEqualTo("effective-wait");
                Office.Counter counter = run.office().counter(called.counter().number()).orElseThrow();
                Instant now = called.at();
                List<Ticket> eligible = before.tickets().stream().filter(t -> t.state() == TicketState.WAITING)
                        .filter(t -> counter.services().contains(t.service()))
                        .filter(t -> t.forCounter() == 0 || t.forCounter() == counter.number()).toList();
                Ticket chosen = eligible.stream().filter(t -> t.label().equals(called.ticket().label())).findFirst()
                        .orElseThrow(() -> new AssertionError(called.ticket().label() + " was not eligible" + where));
                long longest = eligible.stream().mapToLong(t -> waited(t, now)).max().orElseThrow();
                if (longest >= rules.starvationCap().toSeconds()) {
                    assertThat(waited(chosen, now)).as("%s: someone is past the %s cap, so the call goes to one of them%s",
                            chosen.label(), rules.starvationCap(), where).isGreaterThanOrEqualTo(rules.starvationCap().toSeconds());
                    seen.count("someone past the cap");
                }
                for (Ticket other : eligible) {
                    long overtaken = waited(other, now) - waited(chosen, now);
                    if (overtaken > 0) {
                        long rankDifference = rank(counter, other) - rank(counter, chosen);
                        long shortJob = shortJob(run.office(), chosen) - shortJob(run.office(), other);
                        long bound = headStart(rules, chosen) + appointmentHeadStart(rules, chosen, now) + shortJob
                                + rules.skillStep().toSeconds() * rankDifference;
                        assertThat(overtaken).as("%s called %d s ahead of %s%s", chosen.label(), overtaken, other.label(), where)
                                .isLessThanOrEqualTo(bound);
                        seen.count("overtook by " + (chosen.priority().isPresent() ? "priority"
                                : chosen.appointment().isPresent() ? "appointment"
                                : shortJob > 0 ? "short service" : "skill"));
                    }
                }
                seen.count(eligible.size() > 1 ? "a choice" : "only one");
            });
        }).require("a choice", 1000).require("someone past the cap", 1000).require("overtook by priority", 25)
                .require("overtook by short service", 20).require("overtook by skill", 20)
                .require("overtook by appointment", 1);
    }

    private static long waited(Ticket ticket, Instant now) {
        return Duration.between(ticket.issuedAt(), now).toSeconds();
    }

    private static long rank(Office.Counter counter, Ticket ticket) {
        return counter.services().indexOf(ticket.service());
    }

    /** The short-service head start: rules.shortJobHeadStart × (1 − the service's mean ÷ the longest mean). */
    private static long shortJob(Office office, Ticket ticket) {
        double longest = office.services().stream().mapToDouble(Office.Service::meanMinutes).max().orElseThrow();
        double mean = office.service(ticket.service()).orElseThrow().meanMinutes();
        return Math.round(office.rules().shortJobHeadStart().toSeconds() * (1 - mean / longest));
    }

    private static long headStart(Rules rules, Ticket ticket) {
        return ticket.priority().flatMap(rules::priorityClass).map(p -> p.headStart().toSeconds()).orElse(0L);
    }

    /** An appointment's head start counts from the start of its early window, if the citizen was not late. */
    private static long appointmentHeadStart(Rules rules, Ticket ticket, Instant now) {
        return ticket.appointment().filter(a -> !now.isBefore(a.slot().minus(rules.appointmentEarly())))
                .filter(a -> !ticket.issuedAt().isAfter(a.slot().plus(rules.appointmentLate())))
                .map(a -> rules.appointmentEarly().toSeconds()).orElse(0L);
    }

    /** A day so far, then several counters pressing "next" in the same instant. */
    record Burst(Scenarios.Scenario prefix, List<Integer> counters) implements Tries.Case<Burst> {
        @Override
        public int size() {
            return prefix.size();
        }

        @Override
        public Burst without(int from, int to) {
            return new Burst(prefix.without(from, to), counters);
        }

        @Override
        public String toString() {
            return prefix + "\nthen next at counters " + counters + " at once";
        }
    }

    /** 10 to 200 steps, then two or more of the office's counters (distinct, in random order). */
    static Burst burst(long seed) {
        Gen g = new Gen(seed);
        Scenarios.Scenario s = Scenarios.scenario(g, 10, 200);
        int size = g.between(2, s.office().counters().size());
        Set<Integer> counters = new LinkedHashSet<>();
        while (counters.size() < size) {
            counters.add(Scenarios.knownCounter(g, s.office()));
        }
        return new Burst(s, List.copyOf(counters));
    }

    @Test
    void counters_pressing_next_at_the_same_instant_never_get_the_same_citizen() {
        Tries.check(400, AllocationPropertiesTest::burst, (burst, seen) -> {
            Run run = new Run(burst.prefix().office(), burst.prefix().start());
            burst.prefix().steps().forEach(run::step);
            EngineState.Snapshot before = run.engine().state().snapshot();
            Set<String> waiting = new HashSet<>();
            before.tickets().stream().filter(t -> t.state() == TicketState.WAITING).forEach(t -> waiting.add(t.label()));
            List<String> called = new ArrayList<>();
            for (int counter : burst.counters()) {
                run.handle(new Command.CallNext(counter)).decision().events().stream()
                        .filter(e -> e instanceof Event.TicketCalled).map(e -> ((Event.TicketCalled) e).ticket().label())
                        .forEach(called::add);
            }
            assertThat(called).as("called at once").doesNotHaveDuplicates();
            assertThat(waiting).as("called at once were waiting").containsAll(called);
            EngineState.Snapshot after = run.engine().state().snapshot();
            for (String label : called) {
                assertThat(after.counters().stream().filter(c -> c.current().filter(label::equals).isPresent()))
                        .as("%s is at exactly one counter", label).hasSize(1);
            }
            seen.count(called.size() < 2 ? "0-1 called at once" : called.size() < 4 ? "2-3 called at once" : "4+ called at once");
        }).require("2-3 called at once", 70).require("4+ called at once", 20);
    }
}
