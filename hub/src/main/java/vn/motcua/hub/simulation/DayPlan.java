package vn.motcua.hub.simulation;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import vn.motcua.hub.site.Office;

/**
 * The citizens of one office day. Arrivals are a non-homogeneous Poisson process with a rate constant in each half
 * hour: {@code visitsPerDay × arrivalsByHalfHour[slot]} per half hour, only while the office is open (shares are
 * used as given, so they should add up to 1). Each arrival then draws its service by share, a priority class, an
 * appointment (the slot its arrival time falls in, and a new arrival time around that slot), a no-show, a second
 * service, a patience and the service times. The plan has its own random stream, apart from the officers' (walk-up,
 * ratings), so every policy run on the same seed meets the same citizens, staffing and work.
 */
final class DayPlan {

    private static final Duration HALF_HOUR = Duration.ofMinutes(30);

    private final Office office;
    private final SimulationOptions options;
    private final Draws draws;

    DayPlan(Office office, SimulationOptions options, Draws draws) {
        this.office = office;
        this.options = options;
        this.draws = draws;
    }

    List<Citizen> citizens(LocalDate day) {
        List<Instant> arrivals = arrivals(day);
        List<Citizen> drawn = new ArrayList<>();
        for (Instant arrival : arrivals) {
            drawn.add(citizen(day, drawn.size(), arrival));
        }
        drawn.sort(Comparator.comparing(Citizen::arrival).thenComparing(Citizen::id));
        return drawn;
    }

    private List<Instant> arrivals(LocalDate day) {
        List<Instant> arrivals = new ArrayList<>();
        // Map.copyOf in Office has no order: the slots are walked in time order, or a seed would not replay.
        for (Map.Entry<LocalTime, Double> slot : new TreeMap<>(office.arrivalsByHalfHour()).entrySet()) {
            double perMinute = office.visitsPerDay() * slot.getValue() / HALF_HOUR.toMinutes();
            if (perMinute <= 0) {
                continue;
            }
            for (Office.Period period : office.hours()) {
                Instant from = latest(at(day, slot.getKey()), at(day, period.start()));
                Instant to = earliest(at(day, slot.getKey()).plus(HALF_HOUR), at(day, period.end()));
                // Poisson arrivals are memoryless, so the process restarts at each piece of constant rate.
                for (Instant t = from.plus(draws.gap(perMinute)); t.isBefore(to); t = t.plus(draws.gap(perMinute))) {
                    arrivals.add(t);
                }
            }
        }
        return arrivals;
    }

    private Citizen citizen(LocalDate day, int id, Instant arrival) {
        List<Office.Service> services = office.services();
        Office.Service service = services.get(draws.pick(services.stream().map(Office.Service::share).toList()));
        Optional<String> priority = Optional.empty();
        if (!office.rules().priorityClasses().isEmpty() && draws.chance(office.priorityShare())) {
            List<Double> even = office.rules().priorityClasses().stream().map(p -> 1.0).toList();
            priority = Optional.of(office.rules().priorityClasses().get(draws.pick(even)).code());
        }
        Optional<Instant> slot = Optional.empty();
        if (draws.chance(office.appointmentShare())) {
            slot = Optional.of(slotOf(day, arrival));
            arrival = aroundSlot(day, arrival, slot.get());
        }
        boolean noShow = draws.chance(office.noShowShare());
        Optional<String> second = secondService(service.code());
        Optional<Duration> patience = options.patience().map(draws::exponential);
        List<Duration> times = new ArrayList<>(List.of(serviceTime(service.code())));
        second.ifPresent(code -> times.add(serviceTime(code)));
        return new Citizen(id, arrival, service.code(), priority, slot, noShow, second, patience, times);
    }

    private Optional<String> secondService(String first) {
        List<Office.Service> services = office.services();
        if (services.size() > 1 && draws.chance(options.secondServiceShare())) {
            List<Double> others = services.stream().map(s -> s.code().equals(first) ? 0.0 : s.share()).toList();
            return Optional.of(services.get(draws.pick(others)).code());
        }
        return Optional.empty();
    }

    /**
     * The same citizen (arrival, service, priority, appointment, patience) with what could not be known yet at some
     * moment drawn again: whether they are gone when called, unless they were called already; whether a second
     * service follows, unless the first one is done; how long each service not yet done takes, one under way at
     * least as long as it has already taken.
     *
     * @param servicesDone how many of the citizen's services were done by then
     * @param underWay     how long the next service had been under way then, if it had started
     */
    Citizen redrawn(Citizen citizen, int servicesDone, Optional<Duration> underWay, boolean called) {
        boolean noShow = called ? citizen.noShow() : draws.chance(office.noShowShare());
        Optional<String> second = servicesDone > 0 ? citizen.secondService() : secondService(citizen.service());
        List<String> codes = new ArrayList<>(List.of(citizen.service()));
        second.ifPresent(codes::add);
        List<Duration> times = new ArrayList<>();
        for (int i = 0; i < codes.size(); i++) {
            if (i < servicesDone) {
                times.add(citizen.serviceTimes().get(i));
            } else if (i == servicesDone && underWay.isPresent()) {
                times.add(serviceTimeLongerThan(codes.get(i), underWay.get()));
            } else {
                times.add(serviceTime(codes.get(i)));
            }
        }
        return new Citizen(citizen.id(), citizen.arrival(), citizen.service(), citizen.priority(),
                citizen.appointmentSlot(), noShow, second, citizen.patience(), times);
    }

    /** A service time drawn given that it is longer than {@code elapsed}, by drawing until one is. */
    private Duration serviceTimeLongerThan(String service, Duration elapsed) {
        for (int tries = 0; tries < 10_000; tries++) {
            Duration time = serviceTime(service);
            if (time.compareTo(elapsed) > 0) {
                return time;
            }
        }
        return elapsed.plusSeconds(1); // far in the tail: about to end
    }

    Duration serviceTime(String service) {
        double mean = office.service(service).orElseThrow().meanMinutes();
        return switch (options.serviceTimes()) {
            case LOGNORMAL -> draws.lognormal(mean, options.serviceCv());
            case EXPONENTIAL -> draws.exponential(Draws.minutes(mean));
        };
    }

    /** The appointment slot the arrival time falls in, on the {@code appointmentSlot} grid from local midnight. */
    private Instant slotOf(LocalDate day, Instant arrival) {
        Instant midnight = day.atStartOfDay(office.zone()).toInstant();
        long grid = options.appointmentSlot().toNanos();
        return midnight.plusNanos(Duration.between(midnight, arrival).toNanos() / grid * grid);
    }

    /** Early or late around the slot, but within the opening period the citizen would have come in. */
    private Instant aroundSlot(LocalDate day, Instant arrival, Instant slot) {
        Instant moved = slot.plus(draws.normal(options.appointmentOffsetMean(), options.appointmentOffsetSd()));
        for (Office.Period period : office.hours()) {
            Instant start = at(day, period.start());
            Instant end = at(day, period.end());
            if (!arrival.isBefore(start) && arrival.isBefore(end)) {
                return latest(start, earliest(moved, end.minusSeconds(1)));
            }
        }
        return arrival;
    }

    private Instant at(LocalDate day, LocalTime time) {
        return ZonedDateTime.of(day, time, office.zone()).toInstant();
    }

    private static Instant latest(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
