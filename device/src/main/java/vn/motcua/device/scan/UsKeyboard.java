package vn.motcua.device.scan;

import java.util.OptionalInt;

/**
 * Turns Linux key events of a keyboard-mode scanner into characters, as a US keyboard layout would (scanners in HID
 * mode emulate one). Tracks the shift keys; Enter (main or keypad) ends a line and is given as '\n'. A key pressed
 * while Ctrl, Alt or Meta is held, or a key with no character on the layout (function keys, codes a keyboard never
 * sends), gives U+FFFD, so the parser rejects the scan rather than read a changed one. Key repeats are ignored: a
 * scanner never holds a key, so a repeat is noise that would double a character.
 *
 * <p>Not thread-safe: owned by the scanner's reading thread.
 */
final class UsKeyboard {

    static final int EV_KEY = 1;
    static final int KEY_ENTER = 28;
    static final int KEY_LEFTSHIFT = 42;
    static final int KEY_RIGHTSHIFT = 54;
    static final int KEY_KPENTER = 96;
    static final int RELEASE = 0;
    static final int PRESS = 1;

    /** Codes 0..83 (input-event-codes.h), unshifted then shifted; '\0' where the key types nothing. */
    private static final String PLAIN =
            "\0\0" + "1234567890-=" + "\0\0" + "qwertyuiop[]" + "\0\0" + "asdfghjkl;'`" + "\0\\" + "zxcvbnm,./"
                    + "\0*\0 \0" + "\0\0\0\0\0\0\0\0\0\0" + "\0\0" + "789-456+1230.";
    private static final String SHIFTED =
            "\0\0" + "!@#$%^&*()_+" + "\0\0" + "QWERTYUIOP{}" + "\0\0" + "ASDFGHJKL:\"~" + "\0|" + "ZXCVBNM<>?"
                    + "\0*\0 \0" + "\0\0\0\0\0\0\0\0\0\0" + "\0\0" + "789-456+1230.";
    private static final int KEY_KPSLASH = 98;
    /** Left/right Ctrl, Alt and Meta: a key typed with one of them held is not text. */
    private static final int[] COMMAND_MODIFIERS = {29, 97, 56, 100, 125, 126};
    /** Caps Lock and Num Lock change nothing here: scanners send Shift for capitals and keypad digits as digits. */
    private static final int[] IGNORED = {58, 69};

    private boolean leftShift;
    private boolean rightShift;
    private int commandModifiersHeld; // a bit per entry of COMMAND_MODIFIERS

    /** The character an event types, if it types one. */
    OptionalInt event(int type, int code, int value) {
        if (type != EV_KEY || value != PRESS && value != RELEASE) {
            return OptionalInt.empty(); // sync, scan-code and LED events, and key repeats
        }
        boolean pressed = value == PRESS;
        if (code == KEY_LEFTSHIFT || code == KEY_RIGHTSHIFT) {
            if (code == KEY_LEFTSHIFT) {
                leftShift = pressed;
            } else {
                rightShift = pressed;
            }
            return OptionalInt.empty();
        }
        for (int i = 0; i < COMMAND_MODIFIERS.length; i++) {
            if (code == COMMAND_MODIFIERS[i]) {
                commandModifiersHeld = pressed ? commandModifiersHeld | 1 << i : commandModifiersHeld & ~(1 << i);
                return OptionalInt.empty();
            }
        }
        if (!pressed || code == IGNORED[0] || code == IGNORED[1]) {
            return OptionalInt.empty();
        }
        if (code == KEY_ENTER || code == KEY_KPENTER) {
            return OptionalInt.of('\n');
        }
        char c = code == KEY_KPSLASH ? '/'
                : code >= 0 && code < PLAIN.length() ? (leftShift || rightShift ? SHIFTED : PLAIN).charAt(code) : '\0';
        return OptionalInt.of(c == '\0' || commandModifiersHeld != 0 ? '\uFFFD' : c);
    }

    /** Forgets held keys, e.g. after the device was unplugged in the middle of a scan. */
    void reset() {
        leftShift = false;
        rightShift = false;
        commandModifiersHeld = 0;
    }
}
