package vn.motcua.hub.simulation;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.site.Rules;

/**
 * Offices for the simulator tests. The two sample profiles are byte-for-byte copies of shared/data (no {@code rules}
 * section: the loader's defaults apply), read as the issue asks the simulator to read any such profile.
 */
final class SimOffices {

    static final Office DISTRICT = OfficeLoader.load(Path.of("src/test/resources/simulation/district-office.json"));
    static final Office COMMUNE = OfficeLoader.load(Path.of("src/test/resources/simulation/commune-office.json"));

    private SimOffices() {
    }

    /**
     * An M/M/s office: one service of {@code meanMinutes}, {@code servers} counters, open 00:00-22:00 every day with
     * the same arrival share in each half hour (a homogeneous Poisson stream of {@code perMinute}), nobody with a
     * priority, an appointment or a no-show.
     */
    static Office queue(int servers, double perMinute, double meanMinutes) {
        Map<LocalTime, Double> arrivals = new LinkedHashMap<>();
        int slots = 44;
        IntStream.range(0, slots).forEach(i -> arrivals.put(LocalTime.of(i / 2, i % 2 * 30), 1.0 / slots));
        int visits = (int) Math.round(perMinute * slots * 30);
        List<Office.Counter> counters = IntStream.rangeClosed(1, servers).mapToObj(n -> new Office.Counter(n, List.of("A")))
                .toList();
        return new Office("mms", "M/M/s", ZoneId.of("Asia/Ho_Chi_Minh"),
                List.of(new Office.Period(LocalTime.of(0, 0), LocalTime.of(22, 0))), EnumSet.allOf(DayOfWeek.class),
                visits, List.of(new Office.Service("A", "1", "Dịch vụ A", "Service A", 1.0, meanMinutes, 1, 99_999)),
                counters, 0, 0, 0, arrivals, Rules.defaults(), Optional.empty());
    }

    /** {@code office} with another closing rule, everything else the same. */
    static Office closing(Office office, Rules.ClosingRule rule) {
        Rules r = office.rules();
        Rules rules = new Rules(r.priorityClasses(), r.ratingLevels(), r.ratingWindow(), r.recallsBeforeNoShow(),
                r.undoWindow(), rule, r.starvationCap(), r.skillStep(), r.appointmentEarly(), r.appointmentLate(),
                r.policy(), r.offlinePrinting(), r.offlineLeaseMax(), r.lastCallBeforeClose(), r.shortJobHeadStart(), r.unitLimits());
        return office.withRules(rules);
    }

    /** {@code office} open only in these periods, everything else the same. */
    static Office hours(Office office, Office.Period... periods) {
        return new Office(office.id(), office.name(), office.zone(), List.of(periods), office.days(),
                office.visitsPerDay(), office.services(), office.counters(), office.priorityShare(),
                office.appointmentShare(), office.noShowShare(), office.arrivalsByHalfHour(), office.rules(),
                office.bindings());
    }
}
