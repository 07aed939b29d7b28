package vn.motcua.demo;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.kiosk.KioskUnit;
import vn.motcua.hub.site.Office;

/**
 * Citizens arriving at the kiosk: a Poisson stream whose rate follows the office's arrivals per half hour, each
 * choosing a service by the office's shares, some with a priority class. Runs on the demo's scheduler thread.
 */
final class Citizens {

    private static final Logger LOG = LoggerFactory.getLogger(Citizens.class);
    private static final List<String> PRIORITY_CLASSES = List.of("ELDERLY", "PREGNANT", "DISABLED");

    private final Office office;
    private final KioskUnit kiosk;
    private final OfficeClock clock;
    private final ScheduledExecutorService scheduler;
    private final Random random;
    private final Instant started = Instant.now();

    Citizens(Office office, KioskUnit kiosk, OfficeClock clock, ScheduledExecutorService scheduler, Random random) {
        this.office = office;
        this.kiosk = kiosk;
        this.clock = clock;
        this.scheduler = scheduler;
        this.random = random;
    }

    void start() {
        scheduleNext();
    }

    private void scheduleNext() {
        double perMinute = arrivalsPerOfficeMinute(clock.officeTime(Duration.between(started, Instant.now())));
        double gapMinutes = -Math.log(1 - random.nextDouble()) / Math.max(perMinute, 0.05);
        scheduler.schedule(this::arrive, clock.real(gapMinutes).toMillis(), TimeUnit.MILLISECONDS);
    }

    private void arrive() {
        String service = pickService();
        Optional<String> priority = random.nextDouble() < office.priorityShare()
                ? Optional.of(PRIORITY_CLASSES.get(random.nextInt(PRIORITY_CLASSES.size()))) : Optional.empty();
        kiosk.press(service, priority).whenComplete((ticket, error) -> {
            if (error != null) {
                LOG.warn("a citizen could not get a {} ticket: {}", service, error.getMessage());
            }
        });
        scheduleNext();
    }

    /** The office's visits per day spread over its half-hour arrival profile. */
    private double arrivalsPerOfficeMinute(LocalTime now) {
        LocalTime slot = now.withMinute(now.getMinute() < 30 ? 0 : 30).withSecond(0).withNano(0);
        double share = office.arrivalsByHalfHour().entrySet().stream().filter(e -> e.getKey().equals(slot))
                .mapToDouble(Map.Entry::getValue).findFirst().orElse(0.0);
        return office.visitsPerDay() * share / 30.0;
    }

    private String pickService() {
        double roll = random.nextDouble() * office.services().stream().mapToDouble(Office.Service::share).sum();
        for (Office.Service service : office.services()) {
            roll -= service.share();
            if (roll <= 0) {
                return service.code();
            }
        }
        return office.services().getLast().code();
    }
}
