package vn.motcua.device.scan;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * Assembles the characters a scanner sends into lines. A keyboard-mode (HID) scanner types the code and presses
 * Enter; a serial one ends with CR, LF or CR LF: each of these ends exactly one line, and empty lines are skipped.
 * The buffer is fixed: characters past {@code limit} are dropped and the line is reported as {@link TooLong} when
 * it ends, so a stuck or hostile scanner cannot grow memory.
 *
 * <p>Not thread-safe: owned by the one thread that reads the scanner.
 */
public final class ScannerLine {

    /** What ending a line produced. */
    public sealed interface Line permits Complete, TooLong {
    }

    /** A line of at most the limit, without its terminator. */
    public record Complete(String text) implements Line {
    }

    /** A line that was {@code length} characters long; none of it is kept. */
    public record TooLong(long length, int limit) implements Line {
        @Override
        public String toString() {
            return "TooLong[" + length + " characters, limit " + limit + "]";
        }
    }

    private final char[] buffer;
    private int length;
    private long dropped;
    private boolean afterCr;

    /** A line assembler keeping at most {@code limit} characters of a line. */
    public ScannerLine(int limit) {
        if (limit < 1 || limit > 65_536) {
            throw new IllegalArgumentException("line limit must be 1-65536 characters, was " + limit);
        }
        this.buffer = new char[limit];
    }

    /** Takes one character; returns the line it ended, if it ended one. */
    public Optional<Line> accept(char c) {
        boolean lfOfCrLf = c == '\n' && afterCr;
        afterCr = c == '\r';
        if (lfOfCrLf) {
            return Optional.empty();
        }
        if (c == '\r' || c == '\n') {
            return end();
        }
        if (length < buffer.length) {
            buffer[length++] = c;
        } else {
            dropped++;
        }
        return Optional.empty();
    }

    /** Takes each character of {@code chars} in order; returns the lines they ended. */
    public List<Line> accept(CharSequence chars) {
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < chars.length(); i++) {
            accept(chars.charAt(i)).ifPresent(lines::add);
        }
        return lines;
    }

    /** Characters of the unfinished line so far, dropped ones included. */
    public long pending() {
        return length + dropped;
    }

    /** Forgets the unfinished line, e.g. when the scanner has been silent too long in the middle of one. */
    public void clear() {
        length = 0;
        dropped = 0;
        afterCr = false;
    }

    private Optional<Line> end() {
        Optional<Line> line = dropped > 0 ? Optional.of(new TooLong(length + dropped, buffer.length))
                : length > 0 ? Optional.of(new Complete(new String(buffer, 0, length)))
                : Optional.empty();
        Arrays.fill(buffer, 0, length, '\0');
        length = 0;
        dropped = 0;
        return line;
    }
}
