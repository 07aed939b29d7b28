package vn.motcua.device.display;

import com.pi4j.context.Context;
import com.pi4j.io.spi.Spi;
import com.pi4j.io.spi.SpiMode;

import vn.motcua.device.counter.CounterDisplay;
import vn.motcua.protocol.message.CounterState;

/**
 * An 8-digit MAX7219 seven-segment module on SPI. Eight positions, left to right:
 * <pre>
 *   position  0 1 | 2 | 3 4 5 6 7
 *             counter | gap | ticket, right-aligned      e.g. "4  2-015", "12 2-015", "4    ---", "4  PAUSE"
 * </pre>
 * The counter number is left-aligned in positions 0-1 (a three-digit counter takes position 2 too), then one blank gap;
 * the rest shows the ticket ({@code ---} when open with nobody at it, {@code PAUSE} when paused, {@code OFF} when
 * closed), keeping its rightmost characters if it is too long ("HT-0015" shows as "-0015"). The dash is segment G.
 * Without the hub (or the link) it shows eight dashes: no number to trust, and seven segments cannot spell
 * "Mất kết nối" (no K, M or diacritics).
 * <p>
 * Position 0 is digit register 8 (DIG7), position 7 is digit register 1 (DIG0), as on the common red 8-digit modules
 * whose DIG0 is the rightmost digit. Every register write is its own 2-byte SPI frame (register, data): the chip
 * latches on chip-select going high. Only changed digits are rewritten. Called on the link's event thread.
 */
public final class Max7219Display implements CounterDisplay {

    static final int WIDTH = 8;
    static final byte REG_DECODE_MODE = 0x09;
    static final byte REG_INTENSITY = 0x0A;
    static final byte REG_SCAN_LIMIT = 0x0B;
    static final byte REG_SHUTDOWN = 0x0C;
    static final byte REG_DISPLAY_TEST = 0x0F;

    private final Spi spi;
    private final byte[] shown = new byte[WIDTH];

    /**
     * Takes {@code spi} (mode 0, at most 10 MHz) and initialises the chip; {@code intensity} is 0 (dimmest) to 15.
     * All digits start blank.
     */
    public Max7219Display(Spi spi, int intensity) {
        if (intensity < 0 || intensity > 15) {
            throw new IllegalArgumentException("MAX7219 intensity must be 0..15, was " + intensity);
        }
        this.spi = spi;
        write(REG_SHUTDOWN, 0x01);      // normal operation
        write(REG_SCAN_LIMIT, 0x07);    // all 8 digits
        write(REG_DECODE_MODE, 0x00);   // no BCD decode: we send segments
        write(REG_INTENSITY, intensity);
        write(REG_DISPLAY_TEST, 0x00);  // display test off
        for (int position = 0; position < WIDTH; position++) {
            write(register(position), SevenSegment.BLANK);
        }
    }

    /** Opens SPI {@code bus}/{@code channel} (chip select) on {@code context}'s SPI provider, mode 0 at 1 MHz. */
    public static Spi openSpi(Context context, int bus, int channel) {
        return context.create(Spi.newConfigBuilder(context)
            .id("max7219-" + bus + "-" + channel)
            .bus(bus).channel(channel).mode(SpiMode.MODE_0).baud(1_000_000)
            .build());
    }

    @Override
    public void show(CounterState state) {
        String what = switch (state.status()) {
            case OPEN -> state.current().map(CounterState.Current::ticket).orElse("---");
            case PAUSED -> "PAUSE";
            case CLOSED -> "OFF";
        };
        render(layout(state.counter(), what));
    }

    @Override
    public void showOffline() {
        render("-".repeat(WIDTH));
    }

    /** The 8 characters for {@code counter} and {@code what}, per the layout above. */
    static String layout(int counter, String what) {
        String left = String.format("%-2d", counter) + " ";
        int room = WIDTH - left.length();
        String right = what.length() > room ? what.substring(what.length() - room) : what;
        return left + " ".repeat(room - right.length()) + right;
    }

    private void render(String text) {
        for (int position = 0; position < WIDTH; position++) {
            byte segments = SevenSegment.of(text.charAt(position));
            if (segments != shown[position]) {
                write(register(position), segments);
            }
        }
    }

    private static byte register(int position) {
        return (byte) (WIDTH - position);
    }

    private void write(byte register, int data) {
        if (register >= 1 && register <= WIDTH) {
            shown[WIDTH - register] = (byte) data;
        }
        spi.write(new byte[] {register, (byte) data});
    }
}
