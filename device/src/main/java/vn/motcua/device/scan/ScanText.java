package vn.motcua.device.scan;

import java.util.Optional;

/** Character checks shared by every scan kind. Stateless. */
final class ScanText {

    private ScanText() {
    }

    /** Bytes {@code text} takes in UTF-8; {@code text} holds no lone surrogate. */
    static int utf8Length(String text) {
        int bytes = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            i += Character.charCount(cp);
        }
        return bytes;
    }

    /** Index of the first unpaired surrogate, or -1: such text cannot be encoded as UTF-8. */
    static int loneSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return i;
            }
        }
        return -1;
    }

    /**
     * Why {@code text} may not appear in a scan, if it may not: control, format or private-use characters, the
     * replacement character of undecodable bytes, markup and statement characters {@code < > ; \ `}, quotes, and
     * {@code --}. The ASCII apostrophe passes when {@code apostropheAllowed}, as names may hold one.
     */
    static Optional<String> forbidden(String text, boolean apostropheAllowed) {
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '-' && i < text.length() && text.charAt(i) == '-') {
                return Optional.of("contains forbidden sequence '--'");
            }
            int type = Character.getType(cp);
            if (type == Character.CONTROL || type == Character.FORMAT || type == Character.PRIVATE_USE
                    || type == Character.SURROGATE || cp == 0xFFFE || cp == 0xFFFF) {
                return Optional.of("contains control or invisible character " + codePoint(cp));
            }
            if (cp == 0xFFFD) {
                return Optional.of("contains undecodable bytes (U+FFFD)");
            }
            if ("<>;\\`\"‘’“”".indexOf(cp) >= 0 || cp == '\'' && !apostropheAllowed) {
                return Optional.of("contains forbidden character '" + Character.toString(cp) + "'");
            }
        }
        return Optional.empty();
    }

    /** "'x'" for a visible ASCII character, else "U+XXXX", so a reason never carries invisible text. */
    static String describe(int cp) {
        return cp > 0x20 && cp < 0x7F ? "'" + Character.toString(cp) + "'" : codePoint(cp);
    }

    static String codePoint(int cp) {
        return String.format("U+%04X", cp);
    }
}
