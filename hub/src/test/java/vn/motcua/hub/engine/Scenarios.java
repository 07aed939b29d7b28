package vn.motcua.hub.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.site.Rules;

/**
 * Generators for the engine's property tests: an office (the district or commune sample, with varied rules), a
 * start time, and a sequence of steps, each a clock move and something a kiosk, a counter, the admin or the clock
 * asks. Steps that name a ticket name it by reference (the k-th ticket of the day, or a label that does not exist),
 * resolved against the engine when the step runs, so that shrunk sequences still hit real tickets.
 */
final class Scenarios {

    static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    static final Office COMMUNE = OfficeLoader.load(Path.of("../config/offices/commune-office.json"));

    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 31),
            LocalDate.of(2027, 2, 6));
    private static final List<String> TOKENS = List.of("Q1", "Q2", "Q3", "Q4");
    private static final List<String> OFFICERS = List.of("CB-01", "CB-02", "CB-03");

    private Scenarios() {
    }

    // ---- what is generated ----------------------------------------------------------------------------------

    /** An office under test, named for the report of a failing sample. */
    record Site(String name, Office office) {
        @Override
        public String toString() {
            return name;
        }
    }

    /** The clock's move before a step: some seconds, or over the next local midnight and then some seconds. */
    sealed interface Advance {
        Instant from(Instant now, Office office);
    }

    record By(long seconds) implements Advance {
        @Override
        public Instant from(Instant now, Office office) {
            return now.plusSeconds(seconds);
        }

        @Override
        public String toString() {
            return "+" + seconds + "s";
        }
    }

    record PastMidnight(long seconds) implements Advance {
        @Override
        public Instant from(Instant now, Office office) {
            LocalDate tomorrow = now.atZone(office.zone()).toLocalDate().plusDays(1);
            return tomorrow.atStartOfDay(office.zone()).toInstant().plusSeconds(seconds);
        }

        @Override
        public String toString() {
            return "midnight+" + seconds + "s";
        }
    }

    /** A ticket named by a step: resolved against today's tickets when the step runs. */
    sealed interface Ref {
        String label(EngineState state);
    }

    /** The k-th (modulo) ticket of the day among all of them, or among those waiting or on hold. */
    record Existing(int index, boolean queuedOnly) implements Ref {
        @Override
        public String label(EngineState state) {
            List<String> labels = state.tickets().stream()
                    .filter(t -> !queuedOnly || t.state() == TicketState.WAITING || t.state() == TicketState.ON_HOLD)
                    .map(Ticket::label).toList();
            return labels.isEmpty() ? "1-001" : labels.get(index % labels.size());
        }

        @Override
        public String toString() {
            return (queuedOnly ? "queued#" : "ticket#") + index;
        }
    }

    record Missing(String label) implements Ref {
        @Override
        public String label(EngineState state) {
            return label;
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** What a step asks, turned into a {@link Command} when it runs. */
    sealed interface Intent {
        Command resolve(EngineState state, Instant now);
    }

    record Fixed(Command command) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            return command;
        }

        @Override
        public String toString() {
            return command.toString();
        }
    }

    /**
     * A counter command at the k-th (modulo) counter that has a ticket now, so that start, done, hold and the like
     * mostly find one; at counter 1 when none has.
     */
    record AtBusy(int index, Command.AtCounter command) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            List<Integer> busy = state.counters().stream().filter(c -> c.current().isPresent())
                    .map(CounterSlot::number).toList();
            return at(busy.isEmpty() ? 1 : busy.get(index % busy.size()), command);
        }

        @Override
        public String toString() {
            return "busy#" + index + " " + command.getClass().getSimpleName() + (command instanceof Command.Transfer t
                    ? t.toService().map(s -> " to " + s).orElse("") + t.toCounter().map(c -> " to counter " + c).orElse("")
                    : command instanceof Command.AddService a ? " " + a.service() : "");
        }
    }

    /** Undo at the k-th (modulo) counter whose officer has a last action on record; at counter 1 when none has. */
    record UndoRecent(int index) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            List<Integer> acted = state.counters().stream().map(CounterSlot::number)
                    .filter(c -> state.undoEntry(c).isPresent()).toList();
            return new Command.Undo(acted.isEmpty() ? 1 : acted.get(index % acted.size()));
        }

        @Override
        public String toString() {
            return "undo at recent#" + index;
        }
    }

    /** {@code command} as pressed at {@code counter}. */
    static Command.AtCounter at(int counter, Command.AtCounter command) {
        return switch (command) {
            case Command.CallNext c -> new Command.CallNext(counter);
            case Command.CallTicket c -> new Command.CallTicket(counter, c.ticket());
            case Command.Recall c -> new Command.Recall(counter);
            case Command.Start c -> new Command.Start(counter);
            case Command.Done c -> new Command.Done(counter, c.fileCode());
            case Command.NoShow c -> new Command.NoShow(counter);
            case Command.Transfer c -> new Command.Transfer(counter, c.toService(), c.toCounter());
            case Command.Hold c -> new Command.Hold(counter);
            case Command.AddService c -> new Command.AddService(counter, c.service());
            case Command.Pause c -> new Command.Pause(counter);
            case Command.Resume c -> new Command.Resume(counter);
            case Command.SignIn c -> new Command.SignIn(counter, c.officer());
            case Command.SignOut c -> new Command.SignOut(counter);
        };
    }

    record CallTicketRef(int counter, Ref ticket) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            return new Command.CallTicket(counter, ticket.label(state));
        }
    }

    record CancelRef(Ref ticket) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            return new Command.Cancel(ticket.label(state));
        }
    }

    record RateRef(int counter, String level, Optional<Ref> ticket) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            return new Command.Rate(counter, level, ticket.map(r -> r.label(state)));
        }
    }

    /** A booking whose slot is {@code minutes} from the moment it is made (negative: already past). */
    record BookIn(String token, String service, long minutes) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            return new Command.Book(token, service, now.plus(Duration.ofMinutes(minutes)));
        }
    }

    record Step(Advance advance, Intent intent) {
        @Override
        public String toString() {
            return advance + " " + intent;
        }
    }

    /** An office, when the engine starts, and what happens then. */
    record Scenario(Site site, Instant start, List<Step> steps) {
        Scenario {
            steps = List.copyOf(steps);
        }

        Office office() {
            return site.office();
        }

        LocalDate firstDay() {
            return start.atZone(office().zone()).toLocalDate();
        }

        @Override
        public String toString() {
            return site + " from " + start.atZone(office().zone()).toLocalDateTime() + ", " + steps.size() + " steps:\n  "
                    + steps.stream().map(Step::toString).collect(Collectors.joining("\n  "));
        }
    }

    // ---- generators -----------------------------------------------------------------------------------------

    /**
     * An office day or two: up to 300 steps, sizes spread evenly; as few as 20 so that a failing sequence shrinks to
     * something readable.
     */
    static Arbitrary<Scenario> days() {
        return scenarios(20, 300);
    }

    static Arbitrary<Scenario> scenarios(int minSteps, int maxSteps) {
        return sites().flatMap(site -> Combinators.combine(starts(site.office()),
                steps(site.office()).list().ofMinSize(minSteps).ofMaxSize(maxSteps)
                        .withSizeDistribution(RandomDistribution.uniform())).as((start, steps) ->
                new Scenario(site, start, steps)));
    }

    /**
     * The two sample offices as shipped, and with rules varied: the day's closing rule, a short starvation cap, no or
     * many recalls, skill steps, the undo window, and service number ranges narrow enough to run out.
     */
    static Arbitrary<Site> sites() {
        Arbitrary<Site> varied = Combinators.combine(Arbitraries.of(DISTRICT, COMMUNE),
                Arbitraries.of(Rules.ClosingRule.class), Arbitraries.of(5, 15, 40), Arbitraries.of(0, 1, 3),
                Arbitraries.of(0, 3, 10), Arbitraries.of(5, 60), Arbitraries.of(true, false))
                .as(Scenarios::varied);
        return Arbitraries.frequencyOf(Tuple.of(1, Arbitraries.of(new Site("district", DISTRICT),
                new Site("commune", COMMUNE))), Tuple.of(3, varied));
    }

    private static Site varied(Office base, Rules.ClosingRule closing, int capMinutes, int recalls, int skillMinutes,
                               int undoSeconds, boolean narrow) {
        Rules d = base.rules();
        Rules rules = new Rules(d.priorityClasses(), d.ratingLevels(), d.ratingWindow(), recalls,
                Duration.ofSeconds(undoSeconds), closing, Duration.ofMinutes(capMinutes), Duration.ofMinutes(skillMinutes),
                d.appointmentEarly(), d.appointmentLate(), d.policy());
        List<Office.Service> services = base.services().stream().map(s -> narrow
                ? new Office.Service(s.code(), s.prefix(), s.nameVi(), s.nameEn(), s.share(), s.meanMinutes(), 7, 12)
                : s).toList();
        Office office = new Office(base.id(), base.name(), base.zone(), base.hours(), base.days(), base.visitsPerDay(),
                services, base.counters(), base.priorityShare(), base.appointmentShare(), base.noShowShare(),
                base.arrivalsByHalfHour(), rules);
        String name = (base == DISTRICT ? "district" : "commune") + "[" + closing + ", cap " + capMinutes + " min, "
                + recalls + " recalls, skill step " + skillMinutes + " min, undo " + undoSeconds + " s"
                + (narrow ? ", numbers 7-12" : "") + "]";
        return new Site(name, office);
    }

    /** Mostly office hours; often late in the evening, so that local midnight comes within the sequence. */
    static Arbitrary<Instant> starts(Office office) {
        Arbitrary<LocalTime> hours = Arbitraries.integers().between(7 * 3600, 17 * 3600).map(LocalTime::ofSecondOfDay);
        Arbitrary<LocalTime> evening = Arbitraries.integers().between(22 * 3600, 24 * 3600 - 1).map(LocalTime::ofSecondOfDay);
        return Combinators.combine(Arbitraries.of(DAYS), Arbitraries.frequencyOf(Tuple.of(7, hours), Tuple.of(3, evening)))
                .as((day, time) -> day.atTime(time).atZone(office.zone()).toInstant());
    }

    /** Without jqwik's edge cases, which would otherwise make every other step a night or an hour. */
    static Arbitrary<Step> steps(Office office) {
        return Combinators.combine(advances(), intents(office)).as(Step::new).withoutEdgeCases();
    }

    /**
     * Often no time at all (two presses in the same instant), usually seconds to a few minutes, now and then most
     * of an hour or a night: a few hundred steps make an office day or two.
     */
    static Arbitrary<Advance> advances() {
        return Arbitraries.frequencyOf(
                Tuple.of(20, Arbitraries.just(new By(0))),
                Tuple.of(45, Arbitraries.longs().between(1, 59).map(By::new)),
                Tuple.of(30, Arbitraries.longs().between(60, 300).map(By::new)),
                Tuple.of(4, Arbitraries.longs().between(300, 3600).map(By::new)),
                Tuple.of(1, Arbitraries.longs().between(0, 9 * 3600).map(PastMidnight::new)));
    }

    static Arbitrary<Intent> intents(Office office) {
        Arbitrary<Integer> counter = counters(office);
        Arbitrary<String> service = services(office);
        // The clock's tick comes first: it is what jqwik shrinks steps to, and it does nothing.
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.just(fixed(new Command.Tick()))),
                Tuple.of(22, issues(office)),
                Tuple.of(16, counter.map(c -> fixed(new Command.CallNext(c)))),
                Tuple.of(4, Combinators.combine(counter, refs(office)).as(CallTicketRef::new)),
                Tuple.of(16, counterCommands(office, counter)),
                Tuple.of(24, Combinators.combine(Arbitraries.integers().between(0, 20), serviceCommands(office))
                        .as(AtBusy::new)),
                Tuple.of(3, refs(office).map(CancelRef::new)),
                Tuple.of(2, counter.map(c -> fixed(new Command.Pause(c)))),
                Tuple.of(2, counter.map(c -> fixed(new Command.Resume(c)))),
                Tuple.of(2, Combinators.combine(counter, Arbitraries.of(OFFICERS))
                        .as((c, who) -> fixed(new Command.SignIn(c, who)))),
                Tuple.of(2, counter.map(c -> fixed(new Command.SignOut(c)))),
                Tuple.of(2, counter.map(c -> fixed(new Command.Undo(c)))),
                Tuple.of(4, Arbitraries.integers().between(0, 20).map(UndoRecent::new)),
                Tuple.of(3, ratings(office)),
                Tuple.of(2, Combinators.combine(Arbitraries.of(TOKENS), service, Arbitraries.longs().between(-30, 24 * 60))
                        .as(BookIn::new)),
                Tuple.of(2, Arbitraries.of(List.of("Q1", "Q2", "Q3", "Q4", "NOT-A-TOKEN"))
                        .map(token -> fixed(new Command.CheckIn(token)))));
    }

    /** The service commands at a counter named by number (often one with nobody there). */
    private static Arbitrary<Intent> counterCommands(Office office, Arbitrary<Integer> counter) {
        return Combinators.combine(counter, serviceCommands(office)).as((c, command) -> fixed(at(c, command)));
    }

    /** What an officer does about the citizen at the counter, with the counter left to fill in. */
    static Arbitrary<Command.AtCounter> serviceCommands(Office office) {
        Arbitrary<String> service = services(office);
        return Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just(new Command.Recall(0))),
                Tuple.of(8, Arbitraries.just(new Command.Start(0))),
                Tuple.of(8, Arbitraries.of("H15.50.05.13-261123-0001").optional().map(file -> new Command.Done(0, file))),
                Tuple.of(2, Arbitraries.just(new Command.NoShow(0))),
                Tuple.of(2, service.map(s -> new Command.Transfer(0, Optional.of(s), Optional.empty()))),
                Tuple.of(2, counters(office).map(to -> new Command.Transfer(0, Optional.empty(), Optional.of(to)))),
                Tuple.of(3, Arbitraries.just(new Command.Hold(0))),
                Tuple.of(3, service.map(s -> new Command.AddService(0, s))));
    }

    /** Anything an officer presses at {@code counter}: for properties about one action there. */
    static Arbitrary<Command.AtCounter> counterActions(Office office, int counter) {
        Arbitrary<Command.AtCounter> any = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.just(new Command.CallNext(0))),
                Tuple.of(12, serviceCommands(office)),
                Tuple.of(1, Arbitraries.just(new Command.Pause(0))),
                Tuple.of(1, Arbitraries.just(new Command.Resume(0))),
                Tuple.of(1, Arbitraries.of(OFFICERS).map(who -> new Command.SignIn(0, who))),
                Tuple.of(1, Arbitraries.just(new Command.SignOut(0))));
        return any.map(command -> at(counter, command));
    }

    /** The office's counters, and now and then one it does not have. */
    static Arbitrary<Integer> counters(Office office) {
        int last = office.counters().size();
        return Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.integers().between(1, last)),
                Tuple.of(1, Arbitraries.of(0, last + 1)));
    }

    static Arbitrary<Integer> knownCounters(Office office) {
        return Arbitraries.integers().between(1, office.counters().size());
    }

    /** The office's service codes, and now and then one it does not have. */
    static Arbitrary<String> services(Office office) {
        List<String> codes = office.services().stream().map(Office.Service::code).toList();
        return Arbitraries.frequencyOf(Tuple.of(19, Arbitraries.of(codes)), Tuple.of(1, Arbitraries.just("ZZ")));
    }

    private static Arbitrary<Intent> issues(Office office) {
        List<String> classes = office.rules().priorityClasses().stream().map(Rules.PriorityClass::code).toList();
        Arbitrary<Optional<String>> priority = Arbitraries.frequencyOf(
                Tuple.of(16, Arbitraries.just(Optional.empty())),
                Tuple.of(3, Arbitraries.of(classes).map(Optional::of)),
                Tuple.of(1, Arbitraries.just(Optional.of("VIP"))));
        return Combinators.combine(services(office), priority).as((s, p) -> fixed(new Command.Issue(s, p)));
    }

    private static Arbitrary<Intent> ratings(Office office) {
        List<String> levels = new ArrayList<>(office.rules().ratingLevels().stream().map(Rules.RatingLevel::code).toList());
        Arbitrary<String> level = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(levels)),
                Tuple.of(1, Arbitraries.just("TUYET_VOI")));
        Arbitrary<Optional<Ref>> ticket = Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.just(Optional.empty())),
                Tuple.of(1, refs(office).map(Optional::of)));
        return Combinators.combine(counters(office), level, ticket).as(RateRef::new);
    }

    /** Mostly tickets of the day (often one still queued), sometimes a label nobody holds. */
    static Arbitrary<Ref> refs(Office office) {
        List<String> missing = IntStream.of(0, 1).mapToObj(i -> office.services().get(i).prefix() + "-998")
                .collect(Collectors.toCollection(ArrayList::new));
        missing.add("9-001");
        return Arbitraries.frequencyOf(
                Tuple.of(6, Combinators.combine(Arbitraries.integers().between(0, 200), Arbitraries.of(true, false))
                        .as(Existing::new)),
                Tuple.of(1, Arbitraries.of(missing).map(Missing::new)));
    }

    private static Intent fixed(Command command) {
        return new Fixed(command);
    }
}
