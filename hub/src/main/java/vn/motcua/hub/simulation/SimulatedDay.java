package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.engine.TicketState;
import vn.motcua.hub.predict.ForwardSimulation;
import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/**
 * One office day in virtual time, driving the real {@link Engine} with the commands a kiosk and the officers would
 * send: book and check in, issue, call next, recall, start, done, no-show, next service, rate, pause and resume,
 * sign in and out, cancel. Counters call only within the opening periods (plus the overtime option); arrivals stop
 * when the last period ends; whoever still waits when counters stop for the day is recorded as unserved at close,
 * and the engine then closes or carries them over by the office's rule when the next day opens.
 */
final class SimulatedDay {

    /** Bookings and the counters' overnight closing are sent this long before the first period opens. */
    private static final Duration BEFORE_OPENING = Duration.ofHours(1);

    private final Office office;
    private final SimulationOptions options;
    private final Engine engine;
    /** The day's citizens, drawn up front: the same whatever the policy or the staffing does. */
    private final Draws plan;
    /** What happens as the day goes: walk-ups, ratings, carried-over citizens' service times. */
    private final Draws draws;
    private final LocalDate day;
    private final List<Instant[]> periods = new ArrayList<>();
    private final Instant dayEnd;
    private final Timeline time;
    private final List<Desk> desks = new ArrayList<>();
    private final List<VisitTracker> visits = new ArrayList<>();
    private final Map<String, VisitTracker> byTicket = new LinkedHashMap<>();
    /**
     * Estimated at every issue beside the engine's own printed estimate, all measured against the actual wait
     * afterwards; none in a plain run.
     */
    private final List<WaitPredictor> predictors;
    private DayWatcher watcher = DayWatcher.NONE;
    /** Set for a replica that draws the breaks after this moment again ({@link #breaksDrawnAgainAfter}). */
    private Instant breaksKnownUntil;
    private Draws breakDraws;

    SimulatedDay(Office office, SimulationOptions options, Engine engine, Draws plan, Draws draws, LocalDate day,
                 List<WaitPredictor> predictors) {
        this.office = office;
        this.options = options;
        this.engine = engine;
        this.plan = plan;
        this.draws = draws;
        this.day = day;
        this.predictors = List.copyOf(predictors);
        office.hours().forEach(p -> periods.add(new Instant[] {at(p.start()), at(p.end())}));
        this.dayEnd = periods.getLast()[1].plus(options.overtime());
        this.time = new Timeline(periods.getFirst()[0].minus(BEFORE_OPENING));
    }

    SimulatedDay watchedBy(DayWatcher watcher) {
        this.watcher = watcher;
        return this;
    }

    /** Runs the day to its end and returns its visits, in arrival order (carried-over ones first). */
    List<Visit> run() {
        play(new DayPlan(office, options, plan).citizens(day));
        return visits.stream().map(v -> v.visit(day)).toList();
    }

    /**
     * Plays the day with these citizens (in arrival order) until it ends or is {@link #stop() stopped}; a stopped
     * day's visits are not all over, so only its watcher saw what happened.
     */
    void play(List<Citizen> citizens) {
        watcher.dayStarting(day, citizens);
        office.counters().forEach(c -> {
            Draws officer = Draws.officer(options.seed(), day, c.number());
            desks.add(new Desk(c.number(), officer, breaks(officer)));
        });
        // The counters closed overnight: this first command of the day also opens the engine's office day.
        desks.forEach(d -> send(new Command.SignOut(d.number)));
        citizens.stream().filter(c -> c.appointmentSlot().isPresent()).forEach(c ->
                send(new Command.Book(c.token(), c.service(), c.appointmentSlot().get())));
        desks.forEach(this::planShift);
        citizens.forEach(c -> time.at(c.arrival(), () -> arrive(c)));
        periods.stream().skip(1).forEach(p -> time.at(p[0], this::wakeIdle));
        time.at(dayEnd, this::close);
        time.run();
    }

    /** When counters stop calling for the day (the last period's end plus any overtime). */
    Instant end() {
        return dayEnd;
    }

    /** Nothing more happens: {@link #play} returns once the event under way ends. */
    void stop() {
        time.stop();
    }

    List<CounterDay> counters() {
        Duration open = periods.stream().map(p -> Duration.between(p[0], p[1])).reduce(Duration.ZERO, Duration::plus);
        return desks.stream().map(d -> d.day(day, open)).toList();
    }

    // ---- the officers ------------------------------------------------------------------------------------------

    /**
     * Breaks due after {@code moment} are drawn again from {@code fresh}, as someone who saw the day until then
     * would expect them: the breaks due by then are kept, and a period with none due yet gets one with the chance
     * that is left (the officer who would have had one earlier has not had it).
     */
    SimulatedDay breaksDrawnAgainAfter(Instant moment, Draws fresh) {
        this.breaksKnownUntil = moment;
        this.breakDraws = fresh;
        return this;
    }

    /** One break per opening period with {@code breakShare}, somewhere in the middle half of the period. */
    private List<Instant> breaks(Draws officer) {
        List<Instant> due = new ArrayList<>();
        for (Instant[] p : periods) {
            if (officer.chance(options.breakShare())) {
                Duration quarter = Duration.between(p[0], p[1]).dividedBy(4);
                due.add(p[0].plus(officer.uniform(quarter, quarter.multipliedBy(3))));
            }
        }
        return breaksKnownUntil == null ? due : breaksAgain(due);
    }

    private List<Instant> breaksAgain(List<Instant> drawn) {
        List<Instant> due = new ArrayList<>();
        for (Instant[] p : periods) {
            Duration quarter = Duration.between(p[0], p[1]).dividedBy(4);
            Instant from = p[0].plus(quarter);
            Instant to = p[0].plus(quarter.multipliedBy(3));
            Optional<Instant> known = drawn.stream()
                    .filter(b -> !b.isBefore(from) && !b.isAfter(to) && !b.isAfter(breaksKnownUntil)).findFirst();
            if (known.isPresent()) {
                due.add(known.get());
                continue;
            }
            Instant earliest = breaksKnownUntil.isAfter(from) ? breaksKnownUntil : from;
            if (!earliest.isBefore(to)) {
                continue;
            }
            // P(a break still due | none due by now) = share·later / (share·later + 1 − share).
            double later = (double) Duration.between(earliest, to).toNanos() / Duration.between(from, to).toNanos();
            double share = options.breakShare() * later / (options.breakShare() * later + 1 - options.breakShare());
            if (breakDraws.chance(share)) {
                due.add(earliest.plus(breakDraws.uniform(Duration.ZERO, Duration.between(earliest, to))));
            }
        }
        return due;
    }

    /**
     * The counter's day: it signs in at the start of each staffed stretch (the first one perhaps late) and its officer
     * leaves as the stretch ends, signing out once the counter is free; a stretch that runs to the last period's end
     * signs out when the day ends. An officer leaving early ends the stretch under way and skips later ones. Each
     * officer draws from their own stream ({@link Draws#officer}), staffed or not, so every schedule and every set of
     * counters meets the same citizens, and each counter the same officer.
     */
    private void planShift(Desk desk) {
        Draws officer = desk.draws;
        Duration late = officer.chance(options.lateOpeningShare())
                ? officer.uniform(Duration.ZERO, options.lateOpeningMax()) : Duration.ZERO;
        Optional<Instant> leavesEarly = officer.chance(options.earlyLeaveShare())
                ? Optional.of(periods.getLast()[1].minus(officer.uniform(Duration.ZERO, options.earlyLeaveMax())))
                : Optional.empty();
        List<Instant[]> shifts = shifts(desk.number);
        for (Instant[] shift : shifts) {
            boolean first = shift == shifts.getFirst();
            Instant signIn = first ? shift[0].plus(late) : shift[0];
            if (leavesEarly.filter(leaves -> !leaves.isAfter(signIn)).isPresent() || !signIn.isBefore(shift[1])) {
                continue; // the officer has gone, or came too late for this stretch
            }
            time.at(signIn, () -> {
                desk.leaving = false;
                if (!desk.signedIn) {
                    send(new Command.SignIn(desk.number, desk.officer));
                    desk.signedIn = true;
                }
                if (!first) {
                    desk.breaksDue.removeIf(due -> due.isBefore(time.now())); // breaks fall in the staffed time
                }
                next(desk);
            });
            if (shift[1].isBefore(periods.getLast()[1])) {
                time.at(shift[1], () -> leave(desk));
            }
        }
        leavesEarly.ifPresent(leaves -> time.at(leaves, () -> leave(desk)));
        desk.breaksDue.forEach(due -> time.at(due, () -> next(desk)));
    }

    private void leave(Desk desk) {
        desk.leaving = true;
        next(desk);
    }

    /** The counter's staffed stretches as {sign in, leave}: the whole day unless the options give a schedule. */
    private List<Instant[]> shifts(int counter) {
        if (options.schedule().isEmpty()) {
            return List.<Instant[]>of(new Instant[] {periods.getFirst()[0], periods.getLast()[1]});
        }
        Staffing schedule = options.schedule().get();
        List<LocalTime> halfHours = Staffing.halfHours(office);
        if (!schedule.halfHours().equals(halfHours)
                || !schedule.counters().equals(office.counters().stream().map(Office.Counter::number).sorted().toList())) {
            throw new IllegalArgumentException("the staffing schedule is not one of office " + office.id());
        }
        return schedule.stretches(counter).stream()
                .map(run -> new Instant[] {at(halfHours.get(run[0])),
                        at(Staffing.halfHourEnd(office, halfHours.get(run[1] - 1)))}).toList();
    }

    /** A free counter's officer decides what to do now: leave, rest, or call the next citizen. */
    private void next(Desk desk) {
        if (desk.idle()) {
            callOrRest(desk);
        }
    }

    /** @return whether the counter called someone */
    private boolean callOrRest(Desk desk) {
        Instant now = time.now();
        if (desk.leaving || !now.isBefore(dayEnd)) {
            send(new Command.SignOut(desk.number));
            desk.signedIn = false;
            return false;
        }
        if (!callingHours(now)) {
            desk.breaksDue.removeIf(due -> due.isBefore(now)); // a break missed in a busy period is not made up
            return false;
        }
        if (!desk.breaksDue.isEmpty() && !desk.breaksDue.peek().isAfter(now)) {
            desk.breaksDue.poll();
            takeBreak(desk);
            return false;
        }
        Decision decision = engine.handle(new Command.CallNext(desk.number), now);
        if (decision.rejection().filter(r -> r.code() == ErrorCode.NO_TICKET_WAITING).isPresent()) {
            return false; // idle until a ticket comes
        }
        carriedIn(expect(decision, "call next at counter " + desk.number));
        VisitTracker visit = byTicket.get(((ResponseBody.TicketCalled) decision.answer().orElseThrow()).ticket());
        desk.busyWith(visit, now);
        if (visit.called.isEmpty()) {
            visit.called = Optional.of(now);
            visit.counter = desk.number;
            watcher.called(visit.citizen, now);
        }
        if (visit.absentWhenCalled()) {
            // The officer waits, recalls once if the office allows recalls, waits again, and records the no-show.
            time.at(now.plus(options.recallAfter()), office.rules().recallsBeforeNoShow() > 0
                    ? () -> recall(desk) : () -> noShow(desk));
        } else {
            Duration walk = draws.uniform(options.walkUp().dividedBy(2), options.walkUp().multipliedBy(3).dividedBy(2));
            time.at(now.plus(walk), () -> start(desk));
        }
        return true;
    }

    private void takeBreak(Desk desk) {
        send(new Command.Pause(desk.number));
        desk.onBreak = true;
        desk.breakTaken();
        time.at(time.now().plus(options.breakLength()), () -> {
            send(new Command.Resume(desk.number));
            desk.onBreak = false;
            next(desk);
        });
    }

    private void recall(Desk desk) {
        send(new Command.Recall(desk.number));
        time.at(time.now().plus(options.noShowAfter()), () -> noShow(desk));
    }

    private void noShow(Desk desk) {
        send(new Command.NoShow(desk.number));
        desk.current.end(Visit.Outcome.NO_SHOW, time.now());
        free(desk);
    }

    private void start(Desk desk) {
        send(new Command.Start(desk.number));
        VisitTracker visit = desk.current;
        if (visit.started.isEmpty()) {
            visit.started = Optional.of(time.now());
        }
        watcher.serviceStarted(visit.citizen, visit.services.size() - 1, time.now());
        time.at(time.now().plus(visit.citizen.serviceTimes().get(visit.services.size() - 1)), () -> finish(desk));
    }

    /** The file is done: the next service of the visit goes back to the queue, or the visit ends and may be rated. */
    private void finish(Desk desk) {
        VisitTracker visit = desk.current;
        visit.files++;
        desk.fileDone();
        if (visit.secondServiceDue() && time.now().isBefore(dayEnd)) {
            String second = visit.citizen.secondService().orElseThrow();
            send(new Command.AddService(desk.number, second));
            visit.services.add(second);
            free(desk);
            offerNewTicket();
            return;
        }
        send(new Command.Done(desk.number, Optional.empty()));
        visit.end(Visit.Outcome.SERVED, time.now());
        if (draws.chance(options.ratingShare())) {
            List<Rules.RatingLevel> levels = office.rules().ratingLevels();
            // Best first, each level half as likely as the one above: most citizens are satisfied, a few are not.
            List<Double> weights = levels.stream().map(l -> Math.pow(0.5, levels.indexOf(l))).toList();
            String level = levels.get(draws.pick(weights)).code();
            send(new Command.Rate(desk.number, level, visit.ticket, time.now()));
            visit.rating = Optional.of(level);
        }
        free(desk);
    }

    private void free(Desk desk) {
        desk.free(time.now());
        next(desk);
    }

    /** Every idle counter looks again: at the start of a period, and when the day ends. */
    private void wakeIdle() {
        desks.forEach(this::next);
    }

    /**
     * One ticket joined the queue. Idle counters had nothing they could call, so only this ticket is new to them:
     * the first idle counter that calls takes it, and asking the others would only be refused (each refusal costs
     * the engine a scan of the day's tickets, which made long M/M/s runs several times slower).
     */
    private void offerNewTicket() {
        for (Desk desk : desks) {
            if (desk.idle() && callOrRest(desk)) {
                return;
            }
        }
    }

    private boolean callingHours(Instant now) {
        return periods.stream().anyMatch(p -> !now.isBefore(p[0]) && now.isBefore(p[1].plus(options.overtime())));
    }

    // ---- the citizens ------------------------------------------------------------------------------------------

    private void arrive(Citizen citizen) {
        watcher.arriving(citizen, time.now());
        VisitTracker visit = new VisitTracker(citizen, false);
        visits.add(visit);
        Command command = citizen.appointmentSlot().isPresent()
                ? new Command.CheckIn(citizen.token())
                : new Command.Issue(citizen.service(), citizen.priority());
        Decision decision = engine.handle(command, time.now());
        if (decision.rejection().filter(r -> r.code() == ErrorCode.SERVICE_CLOSED).isPresent()) {
            visit.end(Visit.Outcome.TURNED_AWAY, time.now());
            return;
        }
        carriedIn(expect(decision, "ticket for citizen " + citizen.id()));
        ResponseBody.TicketIssued issued = (ResponseBody.TicketIssued) decision.answer().orElseThrow();
        queued(visit, issued.ticket());
        predict(visit, issued);
        citizen.patience().ifPresent(p -> time.at(time.now().plus(p), () -> giveUp(visit)));
        offerNewTicket();
    }

    /**
     * What each baseline would print on the ticket now, before any counter has had a chance to call it, and the
     * estimate the engine did print: the live hub's code path, measured as it is.
     */
    private void predict(VisitTracker visit, ResponseBody.TicketIssued issued) {
        if (predictors.isEmpty()) {
            return;
        }
        Ticket ticket = engine.state().ticket(issued.ticket()).orElseThrow();
        for (WaitPredictor predictor : predictors) {
            predictor.minutes(engine.state(), ticket, time.now())
                    .ifPresent(minutes -> visit.predictedWait.put(predictor.name(), minutes));
        }
        issued.estimateMin().ifPresent(minutes -> visit.predictedWait.put(ForwardSimulation.NAME, minutes.doubleValue()));
    }

    private void queued(VisitTracker visit, String label) {
        visit.ticket = Optional.of(label);
        byTicket.put(label, visit);
    }

    private void giveUp(VisitTracker visit) {
        if (visit.open() && visit.called.isEmpty() && state(visit) == TicketState.WAITING) {
            send(new Command.Cancel(visit.ticket.orElseThrow()));
            visit.end(Visit.Outcome.CANCELLED, time.now());
        }
    }

    /** Counters stop calling: everyone still waiting is not served today. Counters sign out as they come free. */
    private void close() {
        visits.stream().filter(VisitTracker::open)
                .filter(v -> state(v) == TicketState.WAITING || state(v) == TicketState.ON_HOLD)
                .forEach(v -> v.end(Visit.Outcome.UNSERVED_AT_CLOSE, time.now()));
        wakeIdle();
    }

    private TicketState state(VisitTracker visit) {
        return visit.ticket.flatMap(engine.state()::ticket).map(Ticket::state).orElseThrow();
    }

    /**
     * A new office day opened before this command: under the CARRY_OVER rule yesterday's waiting citizens are in
     * line again with new numbers; they are followed as visits of today, marked carried.
     */
    private Decision carriedIn(Decision decision) {
        decision.prelude().stream().filter(e -> e instanceof Event.DayOpened).map(e -> (Event.DayOpened) e)
                .flatMap(opened -> opened.carried().stream()).forEach(ticket -> {
                    Citizen again = new Citizen(-1 - visits.size(), ticket.issuedAt(), ticket.service(),
                            ticket.priority(), Optional.empty(), false, Optional.empty(), Optional.empty(),
                            List.of(new DayPlan(office, options, draws).serviceTime(ticket.service())));
                    VisitTracker visit = new VisitTracker(again, true);
                    visits.add(visit);
                    queued(visit, ticket.label());
                });
        return decision;
    }

    // ---- the engine --------------------------------------------------------------------------------------------

    private void send(Command command) {
        carriedIn(expect(engine.handle(command, time.now()), command.toString()));
    }

    /** The simulator only sends what the engine should accept: a refusal here is a bug, in it or in the engine. */
    private static Decision expect(Decision decision, String what) {
        decision.rejection().ifPresent(r -> {
            throw new IllegalStateException("the engine refused " + what + ": " + r.code() + " " + r.message());
        });
        return decision;
    }

    private Instant at(LocalTime t) {
        return ZonedDateTime.of(day, t, office.zone()).toInstant();
    }
}
