package vn.motcua.device.printer;

import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

import vn.motcua.device.OfficeTime;
import vn.motcua.protocol.message.ResponseBody.TicketIssued;
import vn.motcua.protocol.message.ServiceCatalogue;

/**
 * Everything printed on one ticket, independent of how it is printed (text for the simulator, a raster image for
 * a thermal printer).
 *
 * @param officeName    the office, from the hub's catalogue or else the unit's config
 * @param serviceCode   e.g. {@code DD}
 * @param serviceNameVi e.g. "Đất đai"; the code when the catalogue has not arrived
 * @param serviceNameEn e.g. "Land"; the code when the catalogue has not arrived
 * @param ticket        the label the citizen is called by, e.g. {@code 1-023}
 * @param number        the number within the service
 * @param ahead         citizens before this one for the same service
 * @param estimateMin   the hub's wait estimate in minutes, when it makes one
 * @param issuedAt      when the hub issued it, in office time
 * @param priority      the priority-class code, for priority tickets
 * @param statusUrl     where the citizen can follow the ticket (printed as QR later)
 * @param offline       printed from the kiosk's leased numbers while the hub was unreachable: no queue figures
 * @param mayNotBeServedToday the hub expects the citizen's turn after the office's last call: the ticket says so
 *                      instead of printing an estimate it cannot keep
 */
public record TicketView(Optional<String> officeName, String serviceCode, String serviceNameVi, String serviceNameEn,
                         String ticket, int number, int ahead, Optional<Integer> estimateMin, ZonedDateTime issuedAt,
                         Optional<String> priority, Optional<String> statusUrl, boolean offline,
                         boolean mayNotBeServedToday) {

    /** Printed in place of the estimate on a ticket the hub warns about. */
    public static final String MAY_NOT_BE_SERVED_VI = "Có thể không được phục vụ trong hôm nay";
    public static final String MAY_NOT_BE_SERVED_EN = "You may not be served today";

    public TicketView {
        officeName = Objects.requireNonNullElse(officeName, Optional.empty());
        Objects.requireNonNull(serviceCode, "serviceCode");
        Objects.requireNonNull(serviceNameVi, "serviceNameVi");
        Objects.requireNonNull(serviceNameEn, "serviceNameEn");
        Objects.requireNonNull(ticket, "ticket");
        estimateMin = Objects.requireNonNullElse(estimateMin, Optional.empty());
        issuedAt = Objects.requireNonNull(issuedAt, "issuedAt").withZoneSameInstant(OfficeTime.ZONE);
        priority = Objects.requireNonNullElse(priority, Optional.empty());
        statusUrl = Objects.requireNonNullElse(statusUrl, Optional.empty());
    }

    /** A ticket the hub issued (not printed offline). */
    public TicketView(Optional<String> officeName, String serviceCode, String serviceNameVi, String serviceNameEn,
                      String ticket, int number, int ahead, Optional<Integer> estimateMin, ZonedDateTime issuedAt,
                      Optional<String> priority, Optional<String> statusUrl) {
        this(officeName, serviceCode, serviceNameVi, serviceNameEn, ticket, number, ahead, estimateMin, issuedAt,
                priority, statusUrl, false, false);
    }

    /**
     * A ticket the kiosk prints from its leased numbers while the hub is unreachable: the label the hub will know it
     * by, no people-ahead count and no estimate (the kiosk cannot know them, and a guess would be a false promise).
     */
    public static TicketView offline(String label, int number, ZonedDateTime printedAt, Optional<String> priority,
                                     String serviceCode, Optional<ServiceCatalogue.Entry> service,
                                     Optional<String> officeName) {
        return new TicketView(officeName, serviceCode, service.map(ServiceCatalogue.Entry::nameVi).orElse(serviceCode),
                service.map(ServiceCatalogue.Entry::nameEn).orElse(serviceCode), label, number, 0, Optional.empty(),
                printedAt, priority, Optional.empty(), true, false);
    }

    /** The queue line: people ahead, or, offline, why there is no count. */
    public String aheadLine() {
        return offline ? "Vé in khi mất kết nối — chưa có số người chờ" : "Trước bạn: " + ahead + " người";
    }

    /** The English line at the foot of the ticket. */
    public String englishLine() {
        return "Your number " + ticket + " · " + serviceNameEn + (offline ? " · printed offline" : "")
                + (mayNotBeServedToday ? " · " + MAY_NOT_BE_SERVED_EN : "");
    }

    /** The ticket the hub issued, named from the catalogue entry of its service when there is one. */
    public static TicketView of(TicketIssued issued, Optional<ServiceCatalogue.Entry> service,
                                Optional<String> officeName) {
        return new TicketView(officeName, issued.service(),
                service.map(ServiceCatalogue.Entry::nameVi).orElse(issued.service()),
                service.map(ServiceCatalogue.Entry::nameEn).orElse(issued.service()),
                issued.ticket(), issued.number(), issued.ahead(), issued.estimateMin(),
                issued.issuedAt().atZoneSameInstant(OfficeTime.ZONE), issued.priority(), issued.statusUrl(), false,
                issued.mayNotBeServedToday());
    }
}
