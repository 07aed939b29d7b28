package vn.motcua.demo.chaos;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;

import vn.motcua.demo.chaos.Ledger.Outcome;
import vn.motcua.device.counter.CounterUnit;
import vn.motcua.device.counter.SatisfactionKeypad;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.device.link.RequestTimeoutException;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServingPhase;

/**
 * A seeded office morning at speed: citizens take tickets at the kiosk one after another; at each counter an officer
 * looks at the counter's display and presses what it calls for (sign in, next, start or no-show, done), and the
 * citizen just served rates on the keypad. Nobody presses again before the unit has reported the last press; a press
 * that failed is simply tried again later, as people do. Every press and what the unit reported goes to the ledger.
 *
 * <p>Threads: the people act on one scheduler thread ({@code morning}); the units report on their own threads, and
 * the next step is scheduled back onto the morning thread. Each person has their own random stream drawn from the
 * seed, so one person's choices do not depend on how the others' presses went.
 */
final class OfficeMorning {

    private static final List<String> LEVELS = List.of("RAT_HAI_LONG", "HAI_LONG", "BINH_THUONG", "KHONG_HAI_LONG");
    private static final double NO_SHOW_SHARE = 0.1;
    private static final double RATING_SHARE = 0.8;

    private final Ledger ledger;
    private final ChaosKeypad keypad;
    private final ScheduledExecutorService morning = Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("morning").daemon().factory());
    private final AtomicInteger inFlight = new AtomicInteger();
    private volatile boolean stopped;

    OfficeMorning(Ledger ledger, ChaosKeypad keypad) {
        this.ledger = ledger;
        this.keypad = keypad;
    }

    /** Starts the citizens at {@code kiosk} and an officer at each of {@code counters}. */
    void start(long seed, ChaosUnit kiosk, List<ChaosUnit> counters) {
        Random citizens = new Random(seed);
        later(citizens, 0, 500, () -> citizen(kiosk, citizens));
        for (int i = 0; i < counters.size(); i++) {
            Random officer = new Random(seed * 31 + i + 1);
            ChaosUnit counter = counters.get(i);
            later(officer, 0, 500, () -> officer(counter, officer, false));
        }
    }

    /** No new presses from now on; the ones made are still reported. */
    void stop() {
        stopped = true;
    }

    /** Presses made and not reported yet. */
    int inFlight() {
        return inFlight.get();
    }

    void close() {
        morning.shutdownNow();
    }

    private void citizen(ChaosUnit kiosk, Random random) {
        String service = ChaosSite.KIOSK_SERVICES.get(random.nextInt(ChaosSite.KIOSK_SERVICES.size()));
        kiosk.kiosk().ifPresentOrElse(keys -> press(kiosk, "ticket " + service, () -> keys.press(service), ticket -> {
            ledger.printed(ticket.ticket(), ticket.serviceCode(), ticket.number(), ticket.offline(), Instant.now());
            return ticket.offline()
                    ? new Report(Outcome.FAILED, "the hub did not answer; printed offline as " + ticket.ticket(),
                            Optional.of(ticket.ticket()))
                    : new Report(Outcome.OK, "printed " + ticket.ticket(), Optional.of(ticket.ticket()));
        }, () -> later(random, 400, 1_200, () -> citizen(kiosk, random))),
                () -> later(random, 400, 1_200, () -> citizen(kiosk, random)));
    }

    /**
     * The officer reads the display and presses the key it calls for; {@code justServed}: the citizen of the last
     * DONE may rate first.
     */
    private void officer(ChaosUnit counter, Random random, boolean justServed) {
        Runnable again = () -> later(random, 300, 1_500, () -> officer(counter, random, false));
        Optional<CounterUnit> unit = counter.counter();
        if (unit.isEmpty()) {
            again.run(); // the unit is dead: nothing to press
            return;
        }
        CounterUnit keys = unit.get();
        if (justServed && random.nextDouble() < RATING_SHARE) {
            rate(counter, keys, LEVELS.get(random.nextInt(LEVELS.size())));
        }
        Optional<CounterState> shown = keys.state();
        Optional<CounterState.Current> current = shown.flatMap(CounterState::current);
        if (shown.isEmpty() || shown.get().officer().isEmpty() || shown.get().status() == CounterStatus.CLOSED) {
            String officer = ChaosSite.officer(keys.counter());
            press(counter, "sign in " + officer, () -> keys.signIn(officer), body -> ok(body, Optional.empty()), again);
        } else if (current.isEmpty()) {
            press(counter, "NEXT", () -> keys.press(StaffKey.NEXT), body -> ok(body, called(body)), again);
        } else if (current.get().phase() == ServingPhase.CALLED && random.nextDouble() < NO_SHOW_SHARE) {
            press(counter, "NO_SHOW", () -> keys.press(StaffKey.NO_SHOW),
                    body -> ok(body, Optional.of(current.get().ticket())), again);
        } else if (current.get().phase() == ServingPhase.CALLED) {
            press(counter, "START", () -> keys.press(StaffKey.START), body -> ok(body, atCounter(body)), again);
        } else {
            press(counter, "DONE", () -> keys.press(StaffKey.DONE),
                    body -> ok(body, Optional.of(current.get().ticket())),
                    () -> later(random, 300, 1_500, () -> officer(counter, random, true)));
        }
    }

    /**
     * The citizen presses a satisfaction key; the keypad decides at once, without the hub, whether it counts. At
     * {@link ChaosSite#KEYPAD_COUNTER} the keys are those of the keypad unit in its own JVM ({@link ChaosKeypad}),
     * rating what the counter unit's keypad would: its log tells the ledger what it thanked for.
     */
    private void rate(ChaosUnit counter, CounterUnit keys, String level) {
        Optional<String> ticket = keys.keypad().ratable();
        if (keys.counter() == ChaosSite.KEYPAD_COUNTER) {
            ticket.ifPresent(t -> keypad.rate(t, level));
            return;
        }
        SatisfactionKeypad.Outcome outcome = keys.keypad().press(level);
        if (outcome == SatisfactionKeypad.Outcome.THANKS && ticket.isPresent()) {
            ledger.rated(new Ledger.Rated(counter.id(), keys.counter(), ticket.get(), level, Instant.now()));
        }
    }

    private static Report ok(ResponseBody body, Optional<String> ticket) {
        return new Report(Outcome.OK, body.getClass().getSimpleName(), ticket);
    }

    private static Optional<String> called(ResponseBody body) {
        return body instanceof ResponseBody.TicketCalled called ? Optional.of(called.ticket()) : Optional.empty();
    }

    private static Optional<String> atCounter(ResponseBody body) {
        return body instanceof ResponseBody.CounterUpdated updated
                ? updated.state().current().map(CounterState.Current::ticket) : Optional.empty();
    }

    /** What the unit reported, as the ledger keeps it. */
    private record Report(Outcome outcome, String detail, Optional<String> ticket) {
    }

    /**
     * Makes one press and, once the unit reports, writes the ledger and runs {@code then} on the morning thread. A
     * press the unit's crash cut short is UNKNOWN: the unit never reported it.
     */
    private <T> void press(ChaosUnit unit, String action, Supplier<CompletableFuture<T>> key,
                           Function<T, Report> onOk, Runnable then) {
        if (stopped) {
            return;
        }
        int generation = unit.generation();
        inFlight.incrementAndGet();
        Instant pressedAt = Instant.now();
        CompletableFuture<T> answer;
        try {
            answer = key.get();
        } catch (RuntimeException e) {
            answer = CompletableFuture.failedFuture(e);
        }
        answer.whenComplete((body, failure) -> {
            try {
                Instant reportedAt = Instant.now();
                Throwable cause = failure instanceof CompletionException c ? c.getCause() : failure;
                Report report;
                if (unit.generation() != generation) {
                    report = new Report(Outcome.UNKNOWN, "the unit crashed before reporting", Optional.empty());
                } else if (cause == null) {
                    report = onOk.apply(body);
                } else if (cause instanceof RequestFailedException refused) {
                    report = new Report(Outcome.REFUSED, refused.code() + " " + refused.hubMessage(), Optional.empty());
                } else {
                    report = new Report(Outcome.FAILED, String.valueOf(cause), Optional.empty());
                }
                Optional<String> requestId = cause instanceof RequestTimeoutException timeout
                        ? Optional.of(timeout.requestId()) : Optional.empty();
                ledger.press(new Ledger.Press(unit.id(), action, pressedAt, reportedAt, report.outcome(),
                        report.detail(), report.ticket(), requestId));
            } finally {
                inFlight.decrementAndGet();
                if (!stopped) {
                    morning.execute(then);
                }
            }
        });
    }

    /** Runs {@code action} on the morning thread after a random pause of {@code min}..{@code max} ms. */
    private void later(Random random, long min, long max, Runnable action) {
        if (stopped) {
            return;
        }
        morning.schedule(action, min + (long) (random.nextDouble() * (max - min)), TimeUnit.MILLISECONDS);
    }
}
