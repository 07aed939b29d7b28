package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

/** Who "call next" picks under the effective-wait policy, and counters pressing next at the same instant. */
class AllocationPropertiesTest {

    @Provide
    Arbitrary<Scenarios.Scenario> days() {
        return Scenarios.days();
    }

    @Property(tries = 300)
    void past_the_starvation_cap_the_longest_wait_is_called_and_any_overtaking_is_bounded_by_the_head_starts(
            @ForAll("days") Scenarios.Scenario scenario) {
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
                assertThat(waited(chosen, now)).as("%s past the %s cap: the longest wait goes first%s", chosen.label(),
                        rules.starvationCap(), where).isEqualTo(longest);
                Statistics.label("calls").collect("someone past the cap");
            }
            for (Ticket other : eligible) {
                long overtaken = waited(other, now) - waited(chosen, now);
                if (overtaken > 0) {
                    long rankDifference = rank(counter, other) - rank(counter, chosen);
                    long bound = headStart(rules, chosen) + appointmentHeadStart(rules, chosen, now)
                            + rules.skillStep().toSeconds() * rankDifference;
                    assertThat(overtaken).as("%s called %d s ahead of %s%s", chosen.label(), overtaken, other.label(), where)
                            .isLessThanOrEqualTo(bound);
                    Statistics.label("calls").collect("overtook by " + (chosen.priority().isPresent() ? "priority"
                            : chosen.appointment().isPresent() ? "appointment" : "skill"));
                }
            }
            Statistics.label("calls").collect(eligible.size() > 1 ? "a choice" : "only one");
        });
    }

    private static long waited(Ticket ticket, Instant now) {
        return Duration.between(ticket.issuedAt(), now).toSeconds();
    }

    private static long rank(Office.Counter counter, Ticket ticket) {
        return counter.services().indexOf(ticket.service());
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
    record Burst(Scenarios.Scenario prefix, List<Integer> counters) {
        @Override
        public String toString() {
            return prefix + "\nthen next at counters " + counters + " at once";
        }
    }

    @Provide
    Arbitrary<Burst> bursts() {
        return Scenarios.scenarios(10, 200).flatMap(s -> Scenarios.knownCounters(s.office()).list().uniqueElements()
                .ofMinSize(2).ofMaxSize(s.office().counters().size()).map(counters -> new Burst(s, counters)));
    }

    @Property(tries = 400)
    void counters_pressing_next_at_the_same_instant_never_get_the_same_citizen(@ForAll("bursts") Burst burst) {
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
        Statistics.label("called at once").collect(called.size() < 2 ? "0-1" : called.size() < 4 ? "2-3" : "4+");
    }
}
