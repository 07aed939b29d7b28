package vn.motcua.device.scan;

import java.util.Optional;
import java.util.regex.Pattern;

import vn.motcua.protocol.message.Codes;

/**
 * A ticket's printed label, e.g. {@code 2-017} ({@link Codes#TICKET_PATTERN}), scanned from a code that carries it.
 * Labels of 8 to 10 characters (e.g. {@code ABCD-0017}) also fit the appointment token format; the parser calls
 * them labels, and a unit that takes appointments and no tickets asks {@link #asAppointmentToken()}.
 */
public record TicketLabel(String ticket) implements Scan {

    static final Pattern FORMAT = Pattern.compile(Codes.TICKET_PATTERN);

    /**
     * The QR code printed on a ticket: its status link, {@code {hub public URL}/ticket/{label}} (protocol
     * {@code statusUrl}), perhaps with a query such as {@code ?lang=en}. Host, path and query are held to plain URL
     * characters and bounded lengths, so hostile text cannot pass for one.
     */
    static final Pattern STATUS_LINK = Pattern.compile("https?://[A-Za-z0-9.\\[\\]:-]{1,255}"
            + "(?:/[A-Za-z0-9._~%-]{1,64}){0,8}/ticket/(" + Codes.TICKET_PATTERN + ")(?:\\?[A-Za-z0-9=&._-]{0,64})?");

    public TicketLabel {
        if (ticket == null || !FORMAT.matcher(ticket).matches()) {
            throw new IllegalArgumentException("ticket label must match " + Codes.TICKET_PATTERN);
        }
    }

    /** The same text as an appointment token, when it also has that format. */
    public Optional<AppointmentToken> asAppointmentToken() {
        return AppointmentToken.FORMAT.matcher(ticket).matches()
                ? Optional.of(new AppointmentToken(ticket)) : Optional.empty();
    }
}
