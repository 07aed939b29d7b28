package vn.motcua.device.printer;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The words on a ticket, Vietnamese first with diacritics, English last. The simulated printer logs them as one
 * line; a raster renderer lays out the same parts.
 */
public final class TicketText {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private TicketText() {
    }

    /** The parts in print order, e.g. "Số thứ tự 1-023", "Đất đai", "Trước bạn: 5 người". */
    public static List<String> parts(TicketView ticket) {
        List<String> parts = new ArrayList<>();
        ticket.officeName().ifPresent(parts::add);
        parts.add("Số thứ tự " + ticket.ticket());
        parts.add(ticket.serviceNameVi());
        ticket.priority().ifPresent(priority -> parts.add("Ưu tiên: " + priority));
        parts.add(ticket.aheadLine());
        if (ticket.mayNotBeServedToday()) {
            parts.add(TicketView.MAY_NOT_BE_SERVED_VI);
        } else {
            ticket.estimateMin().ifPresent(minutes -> parts.add("Dự kiến chờ: " + minutes + " phút"));
        }
        parts.add(ISSUED.format(ticket.issuedAt()));
        ticket.statusUrl().ifPresent(url -> parts.add("Tra cứu: " + url));
        parts.add(ticket.englishLine());
        return parts;
    }

    /** The parts on one line, separated by " · ". */
    public static String line(TicketView ticket) {
        return String.join(" · ", parts(ticket));
    }
}
