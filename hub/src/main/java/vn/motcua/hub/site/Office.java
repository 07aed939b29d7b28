package vn.motcua.hub.site;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One office as its profile file describes it (the format of {@code config/offices/*.json}): identity, opening
 * hours, services, counters and the arrival profile the simulator uses. Immutable and validated by
 * {@link OfficeLoader}.
 */
public record Office(String id, String name, ZoneId zone, List<Period> hours, Set<DayOfWeek> days, int visitsPerDay,
                     List<Service> services, List<Counter> counters, double priorityShare, double appointmentShare,
                     double noShowShare, Map<LocalTime, Double> arrivalsByHalfHour, List<RatingLevel> ratingLevels,
                     Duration ratingWindow) {

    /** The four keys most counters have, best first, when a profile names none. */
    public static final List<RatingLevel> DEFAULT_RATING_LEVELS = List.of(
            new RatingLevel("RAT_HAI_LONG", "Rất hài lòng", "Very satisfied"),
            new RatingLevel("HAI_LONG", "Hài lòng", "Satisfied"),
            new RatingLevel("BINH_THUONG", "Bình thường", "Neutral"),
            new RatingLevel("KHONG_HAI_LONG", "Không hài lòng", "Dissatisfied"));

    /** How long after a ticket is done a rating pressed at its counter still belongs to it, by default. */
    public static final Duration DEFAULT_RATING_WINDOW = Duration.ofMinutes(10);

    public Office {
        hours = List.copyOf(hours);
        days = Set.copyOf(days);
        services = List.copyOf(services);
        counters = List.copyOf(counters);
        arrivalsByHalfHour = Map.copyOf(arrivalsByHalfHour);
        ratingLevels = List.copyOf(ratingLevels);
    }

    /** A satisfaction level: the code the keypad sends and its labels. */
    public record RatingLevel(String code, String nameVi, String nameEn) {
    }

    public boolean hasRatingLevel(String code) {
        return ratingLevels.stream().anyMatch(level -> level.code().equals(code));
    }

    /** A span of opening hours, e.g. 07:30-11:30. */
    public record Period(LocalTime start, LocalTime end) {
        public boolean contains(LocalTime time) {
            return !time.isBefore(start) && time.isBefore(end);
        }
    }

    /** A service area with its ticket prefix and the mean minutes one file takes. */
    public record Service(String code, String prefix, String nameVi, String nameEn, double share, double meanMinutes) {
    }

    /** A counter and the services it serves, in preference order. */
    public record Counter(int number, List<String> services) {
        public Counter {
            services = List.copyOf(services);
        }
    }

    public Optional<Service> service(String code) {
        return services.stream().filter(s -> s.code().equals(code)).findFirst();
    }

    public Optional<Counter> counter(int number) {
        return counters.stream().filter(c -> c.number() == number).findFirst();
    }
}
