package vn.motcua.protocol.message;

/**
 * The textual forms of the contract, public so that configuration readers (office profiles, unit configs) accept
 * exactly what the wire accepts.
 */
public final class Codes {

    /** Service, priority-class and rating-level codes: an upper-case letter, then up to 23 of A-Z, 0-9, '_'. */
    public static final String CODE_PATTERN = "[A-Z][A-Z0-9_]{0,23}";

    /** The ticket prefix printed before the number: 1-4 upper-case letters or digits. */
    public static final String PREFIX_PATTERN = "[A-Z0-9]{1,4}";

    /** A printed ticket label: prefix, '-', number, e.g. {@code 2-001}. */
    public static final String TICKET_PATTERN = "[A-Z0-9]{1,4}-[0-9]{1,5}";

    /**
     * An officer's staff code (mã cán bộ) as the office assigns it, e.g. {@code lan.nt} or {@code CB-042}: a letter
     * or digit, then up to 31 letters, digits, '.', '_' or '-'. Offices already have such codes (logins, HR numbers)
     * in either case, so unlike service codes it is not upper-case only; it is still safe in a log line or a file name.
     */
    public static final String OFFICER_PATTERN = "[A-Za-z0-9][A-Za-z0-9._-]{0,31}";

    private Codes() {
    }

    public static boolean isCode(String text) {
        return text != null && text.matches(CODE_PATTERN);
    }

    public static boolean isPrefix(String text) {
        return text != null && text.matches(PREFIX_PATTERN);
    }

    public static boolean isOfficer(String text) {
        return text != null && text.matches(OFFICER_PATTERN);
    }
}
