package vn.motcua.hub.engine;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.site.Rules;

/**
 * Generators for the engine's property tests: an office (the district or commune sample, with varied rules), a
 * start time, and a sequence of steps, each a clock move and something a kiosk, a counter, the admin or the clock
 * asks. Steps that name a ticket name it by reference (the k-th ticket of the day, or a label that does not exist),
 * resolved against the engine when the step runs, so that a shorter prefix of a failing sequence (see {@link Tries})
 * still hits real tickets. Everything is drawn from a {@link Gen}: one seed, one scenario.
 */
final class Scenarios {

    static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    static final Office COMMUNE = OfficeLoader.load(Path.of("../config/offices/commune-office.json"));

    private static final List<LocalDate> DAYS = List.of(LocalDate.of(2026, 11, 23), LocalDate.of(2026, 12, 31),
            LocalDate.of(2027, 2, 6));
    private static final List<String> TOKENS = List.of("Q1", "Q2", "Q3", "Q4");
    private static final List<String> OFFICERS = List.of("CB-01", "CB-02", "CB-03");
    private static final List<String> KIOSKS = List.of("kiosk-01", "kiosk-02");

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
            return new Command.Rate(counter, level, ticket.map(r -> r.label(state)), now);
        }
    }

    /**
     * A citizen at the keypad of a counter that served them: the k-th (modulo) most recent of today's tickets started
     * or done at a counter (those still at one first), rated there or at the next counter, naming it or not; at
     * counter 1, naming none, when no ticket was served yet.
     */
    record RateServed(int index, String level, boolean naming, boolean elsewhere) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            List<Ticket> served = state.tickets().stream()
                    .filter(t -> t.counter() > 0 && (t.startedAt().isPresent() || t.state() == TicketState.DONE))
                    .sorted(Comparator.comparing((Ticket t) -> t.finishedAt().orElse(Instant.MAX)).reversed()).toList();
            if (served.isEmpty()) {
                return new Command.Rate(1, level, Optional.empty(), now);
            }
            Ticket ticket = served.get(index % served.size());
            List<Integer> counters = state.counters().stream().map(CounterSlot::number).sorted().toList();
            int counter = elsewhere ? counters.get((counters.indexOf(ticket.counter()) + 1) % counters.size())
                    : ticket.counter();
            return new Command.Rate(counter, level, naming ? Optional.of(ticket.label()) : Optional.empty(), now);
        }

        @Override
        public String toString() {
            return "rate served#" + index + " " + level + (naming ? " naming it" : "") + (elsewhere ? " elsewhere" : "");
        }
    }

    /** A booking whose slot is {@code minutes} from the moment it is made (negative: already past). */
    record BookIn(String token, String service, long minutes) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            return new Command.Book(token, service, now.plus(Duration.ofMinutes(minutes)));
        }
    }

    /**
     * {@code kind}: 0 an unsynced number of the kiosk's leases today, 1 any of them (perhaps synced already), 2 a
     * number it holds no lease for, 3 an unsynced number leased it on the last office day, printed then, 4 as 0 but
     * printed {@code seconds} after now. Otherwise printed {@code seconds} before now. With no such number, number
     * 998 of {@code fallbackService}.
     */
    record SyncOffline(String device, int index, int kind, long seconds, Optional<String> priority,
                       String fallbackService) implements Intent {
        @Override
        public Command resolve(EngineState state, Instant now) {
            LeaseDay book = kind == 3 ? state.closedLeases() : state.leases();
            List<LeaseDay.Synced> numbers = book.blocks().stream()
                    .filter(l -> l.device().equals(device) == (kind != 2))
                    .flatMap(l -> IntStream.rangeClosed(l.first(), l.last())
                            .mapToObj(n -> new LeaseDay.Synced(l.service(), n)))
                    .filter(n -> kind == 1 || kind == 2 || !book.wasSynced(n.service(), n.number()))
                    .toList();
            LeaseDay.Synced pick = numbers.isEmpty() ? new LeaseDay.Synced(fallbackService, 998)
                    : numbers.get(index % numbers.size());
            Instant printed = switch (kind) {
                case 3 -> book.day().atTime(16, 0).atZone(state.office().zone()).toInstant().plusSeconds(seconds);
                case 4 -> now.plusSeconds(seconds);
                default -> now.minusSeconds(seconds);
            };
            return new Command.IssueOffline(device, pick.service(), pick.number(), printed, priority);
        }

        @Override
        public String toString() {
            return "offline " + device + " #" + index + " kind " + kind + " " + seconds + "s " + priority.orElse("");
        }
    }

    record Step(Advance advance, Intent intent) {
        @Override
        public String toString() {
            return advance + " " + intent;
        }
    }

    /** An office, when the engine starts, and what happens then. */
    record Scenario(Site site, Instant start, List<Step> steps) implements Tries.Case<Scenario> {
        Scenario {
            steps = List.copyOf(steps);
        }

        @Override
        public int size() {
            return steps.size();
        }

        @Override
        public Scenario without(int from, int to) {
            List<Step> kept = new ArrayList<>(steps.subList(0, from));
            kept.addAll(steps.subList(to, steps.size()));
            return new Scenario(site, start, kept);
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
     * An office day or two: 20 to 300 steps, sizes spread evenly; as few as 20 so that a failing sequence cut down to
     * a prefix is readable.
     */
    static Scenario days(long seed) {
        return scenario(seed, 20, 300);
    }

    static Scenario scenario(long seed, int minSteps, int maxSteps) {
        return scenario(new Gen(seed), minSteps, maxSteps);
    }

    /** A scenario from {@code g}, which a property may go on drawing from for the rest of its case. */
    static Scenario scenario(Gen g, int minSteps, int maxSteps) {
        Site site = site(g);
        Instant start = start(g, site.office());
        int size = g.uniform(minSteps, maxSteps);
        List<Step> steps = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            steps.add(step(g, site.office()));
        }
        return new Scenario(site, start, steps);
    }

    /**
     * The two sample offices as shipped (one time in four), and with rules varied: the day's closing rule, a short
     * starvation cap, no or many recalls, skill steps, the undo window, and service number ranges narrow enough to
     * run out.
     */
    static Site site(Gen g) {
        if (g.weighted(1, 3) == 0) {
            return g.of(new Site("district", DISTRICT), new Site("commune", COMMUNE));
        }
        return varied(g.of(DISTRICT, COMMUNE), g.of(Rules.ClosingRule.values()), g.of(5, 15, 40), g.of(0, 1, 3),
                g.of(0, 3, 10), g.of(5, 60), g.bool(), g.weighted(9, 1) == 0 ? g.of(2, 4, 50) : 0);
    }

    /** {@code leaseMax} 0: no offline printing. */
    private static Site varied(Office base, Rules.ClosingRule closing, int capMinutes, int recalls, int skillMinutes,
                               int undoSeconds, boolean narrow, int leaseMax) {
        Rules d = base.rules();
        Rules rules = new Rules(d.priorityClasses(), d.ratingLevels(), d.ratingWindow(), recalls,
                Duration.ofSeconds(undoSeconds), closing, Duration.ofMinutes(capMinutes), Duration.ofMinutes(skillMinutes),
                d.appointmentEarly(), d.appointmentLate(), d.policy(), leaseMax > 0, Math.max(leaseMax, 1),
                d.lastCallBeforeClose(), d.shortJobHeadStart(), d.unitLimits());
        List<Office.Service> services = base.services().stream().map(s -> narrow
                ? new Office.Service(s.code(), s.prefix(), s.nameVi(), s.nameEn(), s.share(), s.meanMinutes(), 7, 12)
                : s).toList();
        Office office = new Office(base.id(), base.name(), base.zone(), base.hours(), base.days(), base.visitsPerDay(),
                services, base.counters(), base.priorityShare(), base.appointmentShare(), base.noShowShare(),
                base.arrivalsByHalfHour(), rules, base.bindings());
        String name = (base == DISTRICT ? "district" : "commune") + "[" + closing + ", cap " + capMinutes + " min, "
                + recalls + " recalls, skill step " + skillMinutes + " min, undo " + undoSeconds + " s"
                + (narrow ? ", numbers 7-12" : "") + (leaseMax > 0 ? ", leases of " + leaseMax : ", no offline printing")
                + "]";
        return new Site(name, office);
    }

    /** Mostly office hours (7 in 10); otherwise 22:00 to midnight, so that local midnight comes within the sequence. */
    static Instant start(Gen g, Office office) {
        LocalDate day = g.of(DAYS);
        int second = g.weighted(7, 3) == 0 ? g.between(7 * 3600, 17 * 3600) : g.between(22 * 3600, 24 * 3600 - 1);
        return day.atTime(LocalTime.ofSecondOfDay(second)).atZone(office.zone()).toInstant();
    }

    static Step step(Gen g, Office office) {
        return new Step(advance(g), intent(g, office));
    }

    /**
     * Often no time at all (two presses in the same instant), usually seconds to a few minutes, now and then most
     * of an hour or a night: a few hundred steps make an office day or two.
     */
    static Advance advance(Gen g) {
        return switch (g.weighted(20, 45, 30, 4, 1)) {
            case 0 -> new By(0);
            case 1 -> new By(g.between(1L, 59L));
            case 2 -> new By(g.between(60L, 300L));
            case 3 -> new By(g.between(300L, 3600L));
            default -> new PastMidnight(g.between(0L, 9 * 3600L));
        };
    }

    static Intent intent(Gen g, Office office) {
        return switch (g.weighted(1, 22, 16, 4, 16, 24, 3, 2, 2, 2, 2, 2, 4, 3, 2, 2, 2, 6)) {
            case 0 -> fixed(new Command.Tick());
            case 1 -> issue(g, office);
            case 2 -> fixed(new Command.CallNext(counter(g, office)));
            case 3 -> new CallTicketRef(counter(g, office), ref(g, office));
            case 4 -> fixed(at(counter(g, office), serviceCommand(g, office)));
            case 5 -> new AtBusy(g.between(0, 20), serviceCommand(g, office));
            case 6 -> new CancelRef(ref(g, office));
            case 7 -> fixed(new Command.Pause(counter(g, office)));
            case 8 -> fixed(new Command.Resume(counter(g, office)));
            case 9 -> fixed(new Command.SignIn(counter(g, office), g.of(OFFICERS)));
            case 10 -> fixed(new Command.SignOut(counter(g, office)));
            case 11 -> fixed(new Command.Undo(counter(g, office)));
            case 12 -> new UndoRecent(g.between(0, 20));
            case 13 -> rating(g, office);
            case 14 -> new BookIn(g.of(TOKENS), service(g, office), g.between(-30L, 24 * 60L, 0L));
            case 15 -> fixed(new Command.CheckIn(g.of("Q1", "Q2", "Q3", "Q4", "NOT-A-TOKEN")));
            case 16 -> fixed(new Command.RenewLease(g.of(KIOSKS), service(g, office), g.between(1, 60)));
            default -> offline(g, office);
        };
    }

    /**
     * A kiosk syncing a ticket it printed offline: mostly one of its leased numbers not synced yet, printed a little
     * earlier today; sometimes one synced before, or a number nobody leased it, or printed on the last office day
     * (synced late), or by a clock running ahead of the hub's.
     */
    private static Intent offline(Gen g, Office office) {
        Optional<String> priority = g.weighted(9, 1) == 0 ? Optional.empty()
                : Optional.of(g.of(office.rules().priorityClasses()).code());
        return new SyncOffline(g.of(KIOSKS), g.between(0, 200), g.weighted(12, 2, 1, 3, 1),
                g.between(0L, 3 * 3600L), priority, office.services().getFirst().code());
    }

    /** What an officer does about the citizen at the counter, with the counter left to fill in. */
    static Command.AtCounter serviceCommand(Gen g, Office office) {
        return switch (g.weighted(3, 8, 8, 2, 2, 2, 3, 3)) {
            case 0 -> new Command.Recall(0);
            case 1 -> new Command.Start(0);
            case 2 -> new Command.Done(0, g.optional(() -> "H15.50.05.13-261123-0001"));
            case 3 -> new Command.NoShow(0);
            case 4 -> new Command.Transfer(0, Optional.of(service(g, office)), Optional.empty());
            case 5 -> new Command.Transfer(0, Optional.empty(), Optional.of(counter(g, office)));
            case 6 -> new Command.Hold(0);
            default -> new Command.AddService(0, service(g, office));
        };
    }

    /** Anything an officer presses at {@code counter}: for properties about one action there. */
    static Command.AtCounter counterAction(Gen g, Office office, int counter) {
        Command.AtCounter any = switch (g.weighted(6, 12, 1, 1, 1, 1)) {
            case 0 -> new Command.CallNext(0);
            case 1 -> serviceCommand(g, office);
            case 2 -> new Command.Pause(0);
            case 3 -> new Command.Resume(0);
            case 4 -> new Command.SignIn(0, g.of(OFFICERS));
            default -> new Command.SignOut(0);
        };
        return at(counter, any);
    }

    /** One of the office's counters, and now and then (1 in 20) one it does not have. */
    static int counter(Gen g, Office office) {
        int last = office.counters().size();
        return g.weighted(19, 1) == 0 ? g.between(1, last) : g.of(0, last + 1);
    }

    static int knownCounter(Gen g, Office office) {
        return g.between(1, office.counters().size());
    }

    /** One of the office's service codes, and now and then (1 in 20) one it does not have. */
    static String service(Gen g, Office office) {
        return g.weighted(19, 1) == 0 ? g.of(office.services()).code() : "ZZ";
    }

    private static Intent issue(Gen g, Office office) {
        String service = service(g, office);
        Optional<String> priority = switch (g.weighted(16, 3, 1)) {
            case 0 -> Optional.empty();
            case 1 -> Optional.of(g.of(office.rules().priorityClasses()).code());
            default -> Optional.of("VIP");
        };
        return fixed(new Command.Issue(service, priority));
    }

    private static Intent rating(Gen g, Office office) {
        int counter = counter(g, office);
        String level = g.weighted(9, 1) == 0 ? g.of(office.rules().ratingLevels()).code() : "TUYET_VOI";
        if (g.weighted(1, 1) == 0) {
            return new RateServed(g.between(0, 4), level, g.weighted(3, 1) == 0, g.weighted(4, 1) == 1);
        }
        Optional<Ref> ticket = g.weighted(3, 1) == 0 ? Optional.empty() : Optional.of(ref(g, office));
        return new RateRef(counter, level, ticket);
    }

    /** Mostly tickets of the day (often one still queued), sometimes (1 in 7) a label nobody holds. */
    static Ref ref(Gen g, Office office) {
        if (g.weighted(6, 1) == 0) {
            return new Existing(g.between(0, 200), g.bool());
        }
        return new Missing(g.of(office.services().get(0).prefix() + "-998", office.services().get(1).prefix() + "-998",
                "9-001"));
    }

    private static Intent fixed(Command command) {
        return new Fixed(command);
    }
}
