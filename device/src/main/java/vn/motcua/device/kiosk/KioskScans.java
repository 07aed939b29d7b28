package vn.motcua.device.kiosk;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.ScannerConfig;
import vn.motcua.device.scan.AppointmentToken;
import vn.motcua.device.scan.CitizenCard;
import vn.motcua.device.scan.EnrollmentCode;
import vn.motcua.device.scan.OfficerBadge;
import vn.motcua.device.scan.Rejected;
import vn.motcua.device.scan.Scan;
import vn.motcua.device.scan.ScanUse;
import vn.motcua.device.scan.TicketLabel;

/**
 * What scans do at a kiosk. An appointment token checks the appointment in and prints the ticket the hub answers. A
 * citizen card yields one fact, whether its holder is elderly today (office date): if so, the next service key press
 * within the configured window issues with the elderly priority class. Nothing else of the card is kept or logged
 * (the id only masked), and the card itself is dropped at once. Other scans are not for a kiosk.
 *
 * <p>Threads: {@link #use} runs on the scanner's thread, {@link #takePriority()} on key threads: the pending grant is
 * guarded by this object.
 */
public final class KioskScans implements ScanUse {

    private static final Logger log = LoggerFactory.getLogger(KioskScans.class);

    private final KioskUnit kiosk;
    private final String deviceId;
    private final ScannerConfig config;
    private final Clock officeClock;
    private Instant elderlyUntil; // null: no grant pending

    KioskScans(KioskUnit kiosk, String deviceId, ScannerConfig config, Clock officeClock) {
        this.kiosk = kiosk;
        this.deviceId = deviceId;
        this.config = config;
        this.officeClock = officeClock;
    }

    @Override
    public Optional<Rejected> use(Scan scan) {
        return switch (scan) {
            case AppointmentToken appointment -> checkIn(appointment);
            case TicketLabel label when label.asAppointmentToken().isPresent() ->
                    checkIn(label.asAppointmentToken().get());
            case CitizenCard card -> card(card);
            case TicketLabel label -> notHere("a ticket number is called at a counter, not at a kiosk");
            case OfficerBadge badge -> notHere("an officer badge signs in at a counter, not at a kiosk");
            case EnrollmentCode code -> notHere("an enrollment code provisions a new unit, not a running kiosk");
            case Rejected rejected -> Optional.of(rejected);
        };
    }

    /**
     * The priority class for a key press now: the elderly class when a card of an elderly citizen was scanned within
     * the window. Taking it ends the grant, so it serves one ticket.
     */
    synchronized Optional<String> takePriority() {
        Instant until = elderlyUntil;
        elderlyUntil = null;
        return until != null && officeClock.instant().isBefore(until)
                ? Optional.of(config.elderlyPriority()) : Optional.empty();
    }

    private static Optional<Rejected> notHere(String reason) {
        return Optional.of(new Rejected(Rejected.Code.NOT_FOR_UNIT, reason));
    }

    private Optional<Rejected> checkIn(AppointmentToken appointment) {
        kiosk.checkIn(appointment);
        return Optional.empty();
    }

    private Optional<Rejected> card(CitizenCard card) {
        boolean elderly = card.isElderly(LocalDate.now(officeClock), config.elderlyAge());
        synchronized (this) {
            // A new card replaces an earlier one's grant: the citizen now at the kiosk is this one.
            elderlyUntil = elderly ? officeClock.instant().plus(config.priorityWindow()) : null;
        }
        if (elderly) {
            log.info("{}: citizen card {}: elderly; the next service key within {} s issues with priority {}",
                    deviceId, card.maskedId(), config.priorityWindow().toSeconds(), config.elderlyPriority());
        } else {
            log.info("{}: citizen card {}: no priority", deviceId, card.maskedId());
        }
        return Optional.empty();
    }
}
