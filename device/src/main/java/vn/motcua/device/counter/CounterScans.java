package vn.motcua.device.counter;

import java.util.Optional;

import vn.motcua.device.scan.AppointmentToken;
import vn.motcua.device.scan.CitizenCard;
import vn.motcua.device.scan.EnrollmentCode;
import vn.motcua.device.scan.OfficerBadge;
import vn.motcua.device.scan.Rejected;
import vn.motcua.device.scan.Scan;
import vn.motcua.device.scan.ScanUse;
import vn.motcua.device.scan.TicketLabel;

/**
 * What scans do at a counter: an officer's badge signs the officer in at this counter; a ticket's number, or the
 * status link printed as its QR code, calls that ticket ({@code counter.callTicket}). Appointments, citizen cards and enrollment codes are not a counter's business
 * and are refused with the reason. The hub's answers are logged by {@link CounterUnit}.
 */
public final class CounterScans implements ScanUse {

    private final CounterUnit counter;

    public CounterScans(CounterUnit counter) {
        this.counter = counter;
    }

    @Override
    public Optional<Rejected> use(Scan scan) {
        return switch (scan) {
            case OfficerBadge badge -> {
                counter.signIn(badge.officer());
                yield Optional.empty();
            }
            case TicketLabel label -> {
                counter.callTicket(label.ticket());
                yield Optional.empty();
            }
            case AppointmentToken appointment -> notHere("appointments are checked in at the kiosk, not at a counter");
            case CitizenCard card -> notHere("citizen cards are read at the kiosk, not at a counter");
            case EnrollmentCode code -> notHere("an enrollment code provisions a new unit, not a running counter");
            case Rejected rejected -> Optional.of(rejected);
        };
    }

    private static Optional<Rejected> notHere(String reason) {
        return Optional.of(new Rejected(Rejected.Code.NOT_FOR_UNIT, reason));
    }
}
