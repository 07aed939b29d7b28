package vn.motcua.demo;

import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import vn.motcua.device.counter.CounterUnit;
import vn.motcua.device.counter.StaffKey;
import vn.motcua.device.link.RequestFailedException;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/**
 * The officer at one counter, pressing the real staff keys of a simulated counter unit: sign in; next; start when the
 * citizen arrives (or recall, then no-show, when they don't); done after a lognormal service time around the
 * service's mean; and the citizen rates on the keypad. Runs on the demo's scheduler thread.
 */
final class Officer {

    /** Rating keys in order of how often citizens press them here. */
    private static final List<String> LEVELS = List.of("RAT_HAI_LONG", "HAI_LONG", "BINH_THUONG", "KHONG_HAI_LONG");
    private static final double[] LEVEL_WEIGHTS = {0.62, 0.30, 0.06, 0.02};
    private static final double SERVICE_TIME_CV = 0.6;

    private final Office office;
    private final CounterUnit counter;
    private final OfficeClock clock;
    private final ScheduledExecutorService scheduler;
    private final Random random;

    Officer(Office office, CounterUnit counter, OfficeClock clock, ScheduledExecutorService scheduler, Random random) {
        this.office = office;
        this.counter = counter;
        this.clock = clock;
        this.scheduler = scheduler;
        this.random = random;
    }

    /** The staff code of the demo's officer at {@code counter}. */
    static String code(int counter) {
        return "cb." + counter;
    }

    void start() {
        signIn();
    }

    /** Signs in at the counter, again a little later if that failed: a counter nobody signed in at stays closed. */
    private void signIn() {
        counter.signIn(code(counter.counter())).whenComplete((body, error) -> {
            if (error == null) {
                after(random.nextDouble() * 2, this::callNext);
            } else {
                after(1, this::signIn);
            }
        });
    }

    private void callNext() {
        counter.press(StaffKey.NEXT).whenComplete((body, error) -> {
            if (body instanceof ResponseBody.TicketCalled called) {
                if (random.nextDouble() < office.noShowShare()) {
                    after(1.5, () -> counter.press(StaffKey.RECALL).whenComplete((r, e) -> after(1.5, this::noShow)));
                } else {
                    after(0.5 + random.nextDouble(), () -> serve(called.service()));
                }
            } else {
                // Nobody waiting: look again shortly. Anything else (hub away, a timeout): wait a little longer.
                after(hubSaid(error, ErrorCode.NO_TICKET_WAITING) ? 0.5 : 2, this::callNext);
            }
        });
    }

    private static boolean hubSaid(Throwable error, ErrorCode code) {
        Throwable cause = error instanceof CompletionException wrapped ? wrapped.getCause() : error;
        return cause instanceof RequestFailedException failed && failed.code() == code;
    }

    private void serve(String service) {
        counter.press(StaffKey.START).whenComplete((body, error) ->
                after(serviceMinutes(service), () -> counter.press(StaffKey.DONE).whenComplete((done, e) -> {
                    if (random.nextDouble() < 0.8) {
                        counter.rate(level());
                    }
                    after(0.3, this::callNext);
                })));
    }

    private void noShow() {
        counter.press(StaffKey.NO_SHOW).whenComplete((body, error) -> after(0.2, this::callNext));
    }

    private double serviceMinutes(String service) {
        double mean = office.service(service).map(Office.Service::meanMinutes).orElse(10.0);
        double sigma2 = Math.log(1 + SERVICE_TIME_CV * SERVICE_TIME_CV);
        return Math.exp(Math.log(mean) - sigma2 / 2 + Math.sqrt(sigma2) * random.nextGaussian());
    }

    private String level() {
        double roll = random.nextDouble();
        for (int i = 0; i < LEVELS.size(); i++) {
            roll -= LEVEL_WEIGHTS[i];
            if (roll <= 0) {
                return LEVELS.get(i);
            }
        }
        return LEVELS.getFirst();
    }

    private void after(double officeMinutes, Runnable action) {
        scheduler.schedule(action, clock.real(officeMinutes).toMillis(), TimeUnit.MILLISECONDS);
    }
}
