package vn.motcua.device.display;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;

import com.pi4j.context.Context;
import com.pi4j.io.i2c.I2C;

import vn.motcua.device.counter.CounterDisplay;
import vn.motcua.device.counter.CounterText;
import vn.motcua.protocol.message.CounterState;

/**
 * An HD44780 character LCD (16x2 or 20x4) behind a PCF8574 I2C backpack, driven in 4-bit mode. Line 1 says the counter
 * ("Quay 4"), line 2 what it does ("So 2-015", "Tam nghi", "Dong"). Lines 3-4 of a 20x4 stay blank. Without the hub
 * it says "Mat ket noi voi / may chu" ({@link CounterText#OFFLINE} on two lines): a 16x2 in place of its two lines, a
 * 20x4 under the counter line. Text is folded to ASCII ({@link AsciiFold}): the HD44780 ROM has no Vietnamese glyphs.
 * <p>
 * Backpack wiring (the common one): P0 = RS, P1 = RW (0: never read), P2 = E, P3 = backlight, P4..P7 = D4..D7.
 * Each nibble is two bytes in one I2C write: with E high, then with E low (the LCD latches on E's falling edge). Lines
 * are rewritten whole, padded with spaces, at their DDRAM address, and only when changed, so nothing is cleared after
 * start-up. Called on the link's event thread.
 */
public final class Hd44780Display implements CounterDisplay {

    /** The two sizes sold with PCF8574 backpacks; {@code lineAddress} is each line's DDRAM start. */
    public enum Size {
        LCD_16X2(16, 0x00, 0x40),
        LCD_20X4(20, 0x00, 0x40, 0x14, 0x54);

        final int columns;
        final int[] lineAddress;

        Size(int columns, int... lineAddress) {
            this.columns = columns;
            this.lineAddress = lineAddress;
        }
    }

    static final int RS = 0x01;
    static final int E = 0x04;
    static final int BACKLIGHT = 0x08;
    static final int CMD_CLEAR = 0x01;
    static final int CMD_ENTRY_MODE = 0x06;      // cursor moves right, no display shift
    static final int CMD_DISPLAY_ON = 0x0C;      // display on, cursor off, blink off
    static final int CMD_FUNCTION_SET = 0x28;    // 4-bit bus, 2 lines (4-line modules are 2 folded), 5x8 font
    static final int CMD_SET_DDRAM = 0x80;

    private final I2C i2c;
    private final Size size;
    private final LongConsumer pauseMicros;
    private List<String> shown = List.of();
    private String counterLine = "";

    /** Initialises the LCD on {@code i2c}, waiting the datasheet delays; backlight on. */
    public Hd44780Display(I2C i2c, Size size) {
        this(i2c, size, micros -> LockSupport.parkNanos(micros * 1_000));
    }

    /** As above; {@code pauseMicros} waits the given microseconds (tests pass one that does not wait). */
    Hd44780Display(I2C i2c, Size size, LongConsumer pauseMicros) {
        this.i2c = i2c;
        this.size = size;
        this.pauseMicros = pauseMicros;
        pauseMicros.accept(50_000);          // > 40 ms after power-up
        nibble(0x3, 0);                      // 8-bit mode, three times: from any state
        pauseMicros.accept(4_500);
        nibble(0x3, 0);
        pauseMicros.accept(150);
        nibble(0x3, 0);
        nibble(0x2, 0);                      // now 4-bit
        command(CMD_FUNCTION_SET);
        command(CMD_DISPLAY_ON);
        command(CMD_CLEAR);
        pauseMicros.accept(2_000);           // clear takes 1.52 ms
        command(CMD_ENTRY_MODE);
    }

    /** Opens the backpack at {@code address} (usually 0x27, or 0x3F) on I2C {@code bus} (1 on a Pi header). */
    public static I2C openI2c(Context context, int bus, int address) {
        return context.create(I2C.newConfigBuilder(context)
            .id("hd44780-" + bus + "-" + Integer.toHexString(address))
            .bus(bus).device(address)
            .build());
    }

    @Override
    public void show(CounterState state) {
        String what = switch (state.status()) {
            case OPEN -> "Số " + state.current().map(CounterState.Current::ticket).orElse("---");
            case PAUSED -> "Tạm nghỉ";
            case CLOSED -> "Đóng";
        };
        counterLine = "Quầy " + state.counter();
        render(counterLine, what);
    }

    /** "Mất kết nối với máy chủ" on two lines; a 20x4 keeps the counter line above it. */
    @Override
    public void showOffline() {
        if (size.lineAddress.length > 2) {
            render(counterLine, CounterText.OFFLINE_FIRST_LINE, CounterText.OFFLINE_SECOND_LINE);
        } else {
            render(CounterText.OFFLINE_FIRST_LINE, CounterText.OFFLINE_SECOND_LINE);
        }
    }

    private void render(String... text) {
        String[] lines = new String[size.lineAddress.length];
        Arrays.fill(lines, "");
        for (int i = 0; i < text.length && i < lines.length; i++) {
            String folded = AsciiFold.fold(text[i]);
            lines[i] = folded.length() > size.columns ? folded.substring(0, size.columns) : folded;
        }
        List<String> next = List.of(lines);
        for (int line = 0; line < lines.length; line++) {
            if (line < shown.size() && shown.get(line).equals(lines[line])) {
                continue;
            }
            command(CMD_SET_DDRAM | size.lineAddress[line]);
            String padded = String.format("%-" + size.columns + "s", lines[line]);
            for (char c : padded.toCharArray()) {
                send(c, RS);
            }
        }
        shown = next;
    }

    private void command(int command) {
        send(command, 0);
    }

    /** One byte as two nibbles, high first; {@code rs} is {@link #RS} for text, 0 for commands. */
    private void send(int value, int rs) {
        nibble(value >> 4, rs);
        nibble(value & 0x0F, rs);
        pauseMicros.accept(50);              // most instructions take 37 us
    }

    private void nibble(int nibble, int rs) {
        int bits = (nibble & 0x0F) << 4 | BACKLIGHT | rs;
        // One transaction: the expander outputs each byte in turn.
        i2c.write(new byte[] {(byte) (bits | E), (byte) bits});
    }
}
