package vn.motcua.device.scan;

/**
 * What one scanned line turned out to be. {@link ScanParser#parse(String, java.time.LocalDate)} returns exactly one
 * of these for every input; a scan that is not usable is a {@link Rejected} value, never an exception.
 */
public sealed interface Scan permits CitizenCard, AppointmentToken, EnrollmentCode, OfficerBadge, TicketLabel,
        Rejected {
}
