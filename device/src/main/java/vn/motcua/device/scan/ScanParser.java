package vn.motcua.device.scan;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;

import vn.motcua.device.scan.Rejected.Code;
import vn.motcua.protocol.message.Codes;

/**
 * Classifies one scanned line: a citizen ID card (CCCD) QR, an appointment token, a ticket label, an officer badge,
 * an enrollment code, or a rejection with a reason. Never throws on any input, including binary, hostile and oversized text. Stateless and
 * safe to call from any thread; {@code today} is the office date, read by the caller at the edge.
 */
public final class ScanParser {

    /** No scan of any kind is longer; checked before anything else is done with the input. */
    public static final int MAX_SCAN_BYTES = 2048;

    private ScanParser() {
    }

    /** Parses raw bytes from a serial scanner, which must be UTF-8 text. A null {@code today} is a bug and throws. */
    public static Scan parse(byte[] bytes, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (bytes == null || bytes.length == 0) {
            return new Rejected(Code.EMPTY, "scan is empty");
        }
        if (bytes.length > MAX_SCAN_BYTES) {
            return tooLong(bytes.length);
        }
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes)).toString();
            return parse(text, today);
        } catch (CharacterCodingException e) {
            return new Rejected(Code.NOT_TEXT, "scan is not UTF-8 text");
        }
    }

    /**
     * Parses one scanned line, without its line terminator; surrounding whitespace is ignored. A null {@code today}
     * is a bug and throws.
     */
    public static Scan parse(String scanned, LocalDate today) {
        Objects.requireNonNull(today, "today");
        if (scanned == null || scanned.isEmpty()) {
            return new Rejected(Code.EMPTY, "scan is empty");
        }
        if (scanned.length() > MAX_SCAN_BYTES) {
            return tooLong(scanned.length());
        }
        int surrogate = ScanText.loneSurrogate(scanned);
        if (surrogate >= 0) {
            return new Rejected(Code.NOT_TEXT, "scan has a lone surrogate at character " + surrogate);
        }
        int bytes = ScanText.utf8Length(scanned);
        if (bytes > MAX_SCAN_BYTES) {
            return tooLong(bytes);
        }
        String text = Normalizer.normalize(scanned.strip(), Normalizer.Form.NFC);
        if (text.isEmpty()) {
            return new Rejected(Code.EMPTY, "scan is empty");
        }
        if (text.startsWith(EnrollmentCode.PREFIX)) {
            return enrollment(text.substring(EnrollmentCode.PREFIX.length()));
        }
        if (text.startsWith(OfficerBadge.PREFIX)) {
            return officer(text.substring(OfficerBadge.PREFIX.length()));
        }
        if (text.indexOf('|') >= 0) {
            return CardParser.parse(text, ScanText.utf8Length(text), today);
        }
        if (TicketLabel.FORMAT.matcher(text).matches()) {
            return new TicketLabel(text);
        }
        Matcher link = TicketLabel.STATUS_LINK.matcher(text);
        if (link.matches()) {
            return new TicketLabel(link.group(1));
        }
        if (AppointmentToken.FORMAT.matcher(text).matches()) {
            return new AppointmentToken(text);
        }
        Optional<String> forbidden = ScanText.forbidden(text, false);
        if (forbidden.isPresent()) {
            return new Rejected(Code.FORBIDDEN_CHARACTER, "scan " + forbidden.get());
        }
        return new Rejected(Code.UNRECOGNISED,
                "scan is not a citizen card QR, an appointment token (8-64 of A-Z a-z 0-9 _ -), a ticket number, "
                        + "an officer badge or an enrollment code");
    }

    private static Scan officer(String code) {
        return Codes.isOfficer(code) ? new OfficerBadge(code) : new Rejected(Code.OFFICER_CODE,
                "officer badge code must be a letter or digit, then up to 31 of A-Z a-z 0-9 . _ -");
    }

    private static Scan enrollment(String payload) {
        if (payload.isEmpty()) {
            return new Rejected(Code.ENROLLMENT_PAYLOAD, "enrollment code has no payload");
        }
        if (payload.length() > EnrollmentCode.MAX_PAYLOAD_CHARS) {
            return new Rejected(Code.ENROLLMENT_PAYLOAD, "enrollment payload is " + payload.length()
                    + " characters, limit " + EnrollmentCode.MAX_PAYLOAD_CHARS);
        }
        if (!EnrollmentCode.FORMAT.matcher(payload).matches()) {
            return new Rejected(Code.ENROLLMENT_PAYLOAD, "enrollment payload must be base64url (A-Z a-z 0-9 _ -)");
        }
        int bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(payload).length;
        } catch (IllegalArgumentException e) {
            return new Rejected(Code.ENROLLMENT_PAYLOAD, "enrollment payload is not whole base64url");
        }
        if (bytes == 0 || bytes > EnrollmentCode.MAX_PAYLOAD_BYTES) {
            return new Rejected(Code.ENROLLMENT_PAYLOAD, "enrollment payload is " + bytes + " bytes, must be 1-"
                    + EnrollmentCode.MAX_PAYLOAD_BYTES);
        }
        return new EnrollmentCode(payload);
    }

    private static Rejected tooLong(int atLeast) {
        return new Rejected(Code.TOO_LONG, "scan is at least " + atLeast + " bytes, limit " + MAX_SCAN_BYTES);
    }
}
