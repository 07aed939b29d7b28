package vn.motcua.protocol;

import java.nio.charset.StandardCharsets;

/**
 * Received text made safe for one log line: every character that could end the line, start a forged one or reorder
 * what a reader sees is written as an escape, and the text is cut short. Escaped: C0 controls (CR, LF, NUL, TAB…),
 * DEL and C1 controls, the Unicode line and paragraph separators, the bidirectional marks, embeddings, overrides and
 * isolates (a right-to-left override makes {@code exe.txt} read {@code txt.exe}), lone surrogates, and the backslash
 * itself so that an escape in the output always means an escape. Everything else — Vietnamese included — is kept.
 * Used wherever a topic name, device input or a payload goes into a log line.
 */
public final class LogText {

    /** Characters of received text a log line shows at most. */
    public static final int MAX_CHARS = 120;

    private LogText() {
    }

    /** {@code text} escaped and cut to {@value #MAX_CHARS} characters; "null" for null. */
    public static String escape(CharSequence text) {
        return escape(text, MAX_CHARS);
    }

    /** {@code text} escaped and cut to {@code max} characters of input, with "…" where it was cut. */
    public static String escape(CharSequence text, int max) {
        if (text == null) {
            return "null";
        }
        int end = Math.min(text.length(), max);
        StringBuilder out = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (i + 1 < end) {
                    out.append(c).append(text.charAt(++i));
                }
                continue;
            }
            append(out, c);
        }
        if (end < text.length()) {
            out.append('…');
        }
        return out.toString();
    }

    /**
     * The first bytes of a payload as text (invalid UTF-8 shown as U+FFFD), escaped and cut short. Decoding at most
     * four bytes a character is enough: whatever is left undecoded lies beyond the cut.
     */
    public static String preview(byte[] payload) {
        return escape(new String(payload, 0, Math.min(payload.length, MAX_CHARS * 4), StandardCharsets.UTF_8));
    }

    private static void append(StringBuilder out, char c) {
        switch (c) {
            case '\\' -> out.append("\\\\");
            case '\n' -> out.append("\\n");
            case '\r' -> out.append("\\r");
            case '\t' -> out.append("\\t");
            default -> {
                if (mustEscape(c)) {
                    out.append(String.format("\\u%04X", (int) c));
                } else {
                    out.append(c);
                }
            }
        }
    }

    private static boolean mustEscape(char c) {
        return Character.isISOControl(c) // C0, DEL, C1
                || c == '\u2028' || c == '\u2029' // line and paragraph separators
                || c == '\u061C' || c == '\u200E' || c == '\u200F' // bidi marks
                || (c >= '\u202A' && c <= '\u202E') // embeddings and overrides
                || (c >= '\u2066' && c <= '\u2069') // isolates
                || Character.isSurrogate(c); // only lone ones get here
    }
}
