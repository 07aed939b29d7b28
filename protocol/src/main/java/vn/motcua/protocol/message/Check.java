package vn.motcua.protocol.message;

import java.util.Optional;
import java.util.regex.Pattern;

import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.Ulid;

/**
 * Field validation used by the compact constructors of wire records; failures are {@link ErrorCode#INVALID_FIELD}.
 * A message names the field and the rule and never repeats received text (it goes back to the sender and into
 * logs); a number that passed type checking is harmless and is shown, so {@code "was 0"} tells the sender its value.
 */
final class Check {

    /** Service, priority-class and rating-level codes: short, upper-case, safe to show and to log. */
    private static final Pattern CODE = Pattern.compile(Codes.CODE_PATTERN);
    /** A ticket label as printed: service prefix, a dash, and the number, e.g. {@code 1-023}. */
    private static final Pattern TICKET = Pattern.compile(Codes.TICKET_PATTERN);
    private static final Pattern PREFIX = Pattern.compile(Codes.PREFIX_PATTERN);
    /** An officer's staff code; it is logged and stored with every call and rating, so its form is kept tight. */
    private static final Pattern OFFICER = Pattern.compile(Codes.OFFICER_PATTERN);
    static final int MAX_TEXT = 500;

    private Check() {
    }

    static <T> T required(T value, String field) {
        if (value == null) {
            throw invalid(field + " is required");
        }
        return value;
    }

    static String code(String value, String field) {
        required(value, field);
        if (!CODE.matcher(value).matches()) {
            throw invalid(field + " must be an upper-case code like HT or ELDERLY (at most 24 characters)");
        }
        return value;
    }

    static Optional<String> code(Optional<String> value, String field) {
        return optional(value).map(v -> code(v, field));
    }

    static String ticket(String value, String field) {
        required(value, field);
        if (!TICKET.matcher(value).matches()) {
            throw invalid(field + " must be a ticket label like 1-023");
        }
        return value;
    }

    static String prefix(String value, String field) {
        required(value, field);
        if (!PREFIX.matcher(value).matches()) {
            throw invalid(field + " must be 1-4 upper-case letters or digits");
        }
        return value;
    }

    static String officer(String value, String field) {
        required(value, field);
        if (!OFFICER.matcher(value).matches()) {
            throw invalid(field + " must be a staff code like lan.nt or CB-042 (a letter or digit, then letters,"
                    + " digits, '.', '_' or '-'; at most 32 characters)");
        }
        return value;
    }

    static Optional<String> officer(Optional<String> value, String field) {
        return optional(value).map(v -> officer(v, field));
    }

    static String ulid(String value, String field) {
        required(value, field);
        if (!Ulid.isCanonical(value)) {
            throw invalid(field + " must be a ULID (26 upper-case Crockford base32 characters)");
        }
        return value;
    }

    static String text(String value, String field) {
        required(value, field);
        if (value.length() > MAX_TEXT) {
            throw invalid(field + " is longer than " + MAX_TEXT + " characters");
        }
        return value;
    }

    static Optional<String> text(Optional<String> value, String field) {
        return optional(value).map(v -> text(v, field));
    }

    static int counter(int value, String field) {
        return range(value, 1, 999, field);
    }

    static int range(int value, int min, int max, String field) {
        if (value < min || value > max) {
            throw invalid(field + " is required and must be between " + min + " and " + max + ", was " + value);
        }
        return value;
    }

    static int nonNegative(int value, String field) {
        return range(value, 0, Integer.MAX_VALUE, field);
    }

    static long nonNegative(long value, String field) {
        if (value < 0) {
            throw invalid(field + " is required and must be 0 or more, was " + value);
        }
        return value;
    }

    /** Jackson hands {@code null} for an Optional only when constructed by hand; treat it as absent. */
    static <T> Optional<T> optional(Optional<T> value) {
        return value == null ? Optional.empty() : value;
    }

    static ProtocolException invalid(String message) {
        return new ProtocolException(ErrorCode.INVALID_FIELD, message);
    }
}
