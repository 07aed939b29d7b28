package vn.motcua.device.scan;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.metrics.DeviceMetrics;

/**
 * Where a unit's scanned lines go: each is parsed against today's office date, offered to the unit's roles in order
 * until one uses it, and counted: {@code scan.accepted.<kind>} (appointment, citizen_card, ticket, officer_badge) or
 * {@code scan.rejected.<reason>} (the {@link Rejected.Code} in lower case, e.g. {@code scan.rejected.too_long}).
 * Rejections are logged with their reason, which never holds the scanned text; accepted scans are logged by what
 * they did, through their masked {@code toString()}. Nothing scanned is kept.
 */
public final class ScanRouter implements ScanListener {

    private static final Logger log = LoggerFactory.getLogger(ScanRouter.class);

    private final String deviceId;
    private final DeviceMetrics metrics;
    private final Clock officeClock;
    private final List<ScanUse> roles;

    /** Routes to {@code roles} in order; {@code officeClock} is in the office's zone (it dates citizen cards). */
    public ScanRouter(String deviceId, DeviceMetrics metrics, Clock officeClock, List<ScanUse> roles) {
        this.deviceId = deviceId;
        this.metrics = metrics;
        this.officeClock = officeClock;
        this.roles = List.copyOf(roles);
    }

    @Override
    public void scanned(ScannerLine.Line line) {
        Scan scan = switch (line) {
            case ScannerLine.Complete complete -> ScanParser.parse(complete.text(), LocalDate.now(officeClock));
            case ScannerLine.TooLong tooLong -> new Rejected(Rejected.Code.TOO_LONG, "scan is at least "
                    + tooLong.length() + " characters, limit " + tooLong.limit());
        };
        if (scan instanceof Rejected rejected) {
            reject(rejected);
            return;
        }
        Optional<Rejected> refused = Optional.of(new Rejected(Rejected.Code.NOT_FOR_UNIT,
                kind(scan) + " scans are not used by this unit's roles"));
        for (ScanUse role : roles) {
            refused = role.use(scan);
            if (refused.isEmpty()) {
                metrics.increment("scan.accepted." + kind(scan));
                return;
            }
        }
        reject(refused.get());
    }

    private void reject(Rejected rejected) {
        String code = rejected.code().name().toLowerCase(Locale.ROOT);
        metrics.increment("scan.rejected." + code);
        log.warn("{}: scan rejected ({}): {}", deviceId, code, rejected.reason());
    }

    /** The metric name of a usable scan's kind. */
    static String kind(Scan scan) {
        return switch (scan) {
            case AppointmentToken a -> "appointment";
            case CitizenCard c -> "citizen_card";
            case TicketLabel t -> "ticket";
            case OfficerBadge o -> "officer_badge";
            case EnrollmentCode e -> "enrollment";
            case Rejected r -> "rejected";
        };
    }
}
