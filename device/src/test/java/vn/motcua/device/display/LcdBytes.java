package vn.motcua.device.display;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;

import com.pi4j.plugin.mock.provider.i2c.MockI2C;

/** Reads what was written to a mock PCF8574 and plays it into a model HD44780's DDRAM, checking every E pulse. */
final class LcdBytes {

    private LcdBytes() {
    }

    /** Every byte written to {@code i2c} since the last call. */
    static byte[] drain(MockI2C i2c) {
        byte[] buffer = new byte[65_536];
        int n = i2c.read(buffer, 0, buffer.length);
        return n <= 0 ? new byte[0] : Arrays.copyOf(buffer, n);
    }

    /**
     * The 128-byte DDRAM after {@code bytes}, which must be data writes in 4-bit mode: pairs of E high then E low
     * with the same data, RW low, backlight on, nibbles in high-low pairs. Only set-DDRAM commands move the cursor.
     */
    static String ddram(byte[] bytes) {
        assertThat(bytes.length % 4).as("whole bytes, two nibbles of two writes each").isZero();
        char[] ram = new char[128];
        Arrays.fill(ram, ' ');
        int cursor = 0;
        for (int i = 0; i < bytes.length; i += 4) {
            int high = pulse(bytes[i], bytes[i + 1]);
            int low = pulse(bytes[i + 2], bytes[i + 3]);
            assertThat(high & Hd44780Display.RS).as("RS the same for both nibbles").isEqualTo(low & Hd44780Display.RS);
            int value = (high & 0xF0) | (low >> 4 & 0x0F);
            if ((high & Hd44780Display.RS) != 0) {
                ram[cursor++ & 0x7F] = (char) value;
            } else if ((value & 0x80) != 0) {
                cursor = value & 0x7F;
            }
        }
        return new String(ram);
    }

    private static int pulse(byte withE, byte withoutE) {
        assertThat(withE & 0xFF).as("E high first").isEqualTo((withoutE & 0xFF) | Hd44780Display.E);
        assertThat(withoutE & Hd44780Display.BACKLIGHT).as("backlight on").isNotZero();
        assertThat(withoutE & 0x02).as("RW low").isZero();
        return withoutE & 0xFF;
    }
}
