package vn.motcua.hub.site;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * How an office runs its queue: priority classes, rating keys, recalls, undo, the day's end, appointments, the
 * allocation policy's bounds, offline printing (whether kiosks get number leases, and at most how many numbers a
 * lease holds) and {@code lastCallBeforeClose}: how long before the end of the day's last opening period counters
 * stop calling new citizens, so a ticket whose estimated call falls later says it may not be served today;
 * {@code unitLimits}: what one unit may ask of the hub. Every field has a default (see {@link #defaults()}) so a
 * profile may leave any out.
 */
public record Rules(List<PriorityClass> priorityClasses, List<RatingLevel> ratingLevels, Duration ratingWindow,
                    int recallsBeforeNoShow, Duration undoWindow, ClosingRule closingRule, Duration starvationCap,
                    Duration skillStep, Duration appointmentEarly, Duration appointmentLate, String policy,
                    boolean offlinePrinting, int offlineLeaseMax, Duration lastCallBeforeClose,
                    Duration shortJobHeadStart, UnitLimits unitLimits) {

    public Rules {
        priorityClasses = List.copyOf(priorityClasses);
        ratingLevels = List.copyOf(ratingLevels);
    }

    /** A class of citizens served ahead (elderly, pregnant, disabled…), with a bounded head start. */
    public record PriorityClass(String code, String nameVi, String nameEn, Duration headStart) {
    }

    /** A satisfaction level: the code the keypad sends and its labels. */
    public record RatingLevel(String code, String nameVi, String nameEn) {
    }

    /** What happens to citizens still waiting when the office day ends. */
    public enum ClosingRule {
        /** Their tickets close as not served today (recorded, reported, never silently dropped). */
        CLOSE,
        /** They are first in line the next office day, keeping their original issue time, with new numbers. */
        CARRY_OVER
    }

    public static Rules defaults() {
        return new Rules(List.of(
                new PriorityClass("ELDERLY", "Người cao tuổi", "Elderly", Duration.ofMinutes(15)),
                new PriorityClass("PREGNANT", "Phụ nữ mang thai", "Pregnant women", Duration.ofMinutes(15)),
                new PriorityClass("DISABLED", "Người khuyết tật", "People with disabilities", Duration.ofMinutes(15)),
                new PriorityClass("MERIT", "Người có công với cách mạng", "People with meritorious service", Duration.ofMinutes(15)),
                new PriorityClass("SMALL_CHILD", "Người đi cùng trẻ nhỏ", "Accompanying a small child", Duration.ofMinutes(10))),
                List.of(new RatingLevel("RAT_HAI_LONG", "Rất hài lòng", "Very satisfied"),
                        new RatingLevel("HAI_LONG", "Hài lòng", "Satisfied"),
                        new RatingLevel("BINH_THUONG", "Bình thường", "Neutral"),
                        new RatingLevel("KHONG_HAI_LONG", "Không hài lòng", "Dissatisfied")),
                Duration.ofMinutes(10), 2, Duration.ofSeconds(60), ClosingRule.CLOSE, Duration.ofMinutes(40),
                Duration.ofMinutes(3), Duration.ofMinutes(15), Duration.ofMinutes(10), "effective-wait", true, 50,
                // Ten minutes: counters spend the last minutes finishing the files at hand, and a citizen called at the
                // very end would be sent home half-served; the warning errs towards telling the truth early.
                Duration.ofMinutes(10),
                Duration.ofMinutes(30),
                UnitLimits.defaults());
    }

    /** The same rules with other limits per unit. */
    public Rules withUnitLimits(UnitLimits limits) {
        return new Rules(priorityClasses, ratingLevels, ratingWindow, recallsBeforeNoShow, undoWindow, closingRule,
                starvationCap, skillStep, appointmentEarly, appointmentLate, policy, offlinePrinting, offlineLeaseMax,
                lastCallBeforeClose, shortJobHeadStart, limits);
    }

    public Optional<PriorityClass> priorityClass(String code) {
        return priorityClasses.stream().filter(p -> p.code().equals(code)).findFirst();
    }

    public boolean hasRatingLevel(String code) {
        return ratingLevels.stream().anyMatch(level -> level.code().equals(code));
    }
}
