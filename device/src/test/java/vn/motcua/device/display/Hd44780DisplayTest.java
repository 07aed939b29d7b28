package vn.motcua.device.display;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.device.display.Max7219DisplayTest.serving;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.i2c.MockI2C;
import com.pi4j.plugin.mock.provider.i2c.MockI2CProvider;

import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;

class Hd44780DisplayTest {

    private final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(MockI2CProvider.newInstance()).build();
    private final MockI2C i2c = (MockI2C) Hd44780Display.openI2c(pi4j, 1, 0x27);

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    private Hd44780Display lcd(Hd44780Display.Size size) {
        return new Hd44780Display(i2c, size, micros -> { });
    }

    @Test
    void start_up_switches_to_4_bit_mode_then_sets_up_and_clears_the_display() {
        lcd(Hd44780Display.Size.LCD_16X2);

        // Each nibble is sent twice, E (0x04) high then low; 0x08 keeps the backlight on; RS (0x01) is 0: commands.
        assertThat(LcdBytes.drain(i2c)).containsExactly(
            0x3C, 0x38,   // nibble 3 (8-bit mode), first time
            0x3C, 0x38,   // nibble 3, second time
            0x3C, 0x38,   // nibble 3, third time: now surely in 8-bit mode
            0x2C, 0x28,   // nibble 2: switch to 4-bit mode
            0x2C, 0x28,   // function set 0x28, high nibble 2
            0x8C, 0x88,   //   low nibble 8: 2 lines, 5x8 font
            0x0C, 0x08,   // display control 0x0C, high nibble 0
            0xCC, 0xC8,   //   low nibble C: display on, cursor and blink off
            0x0C, 0x08,   // clear 0x01, high nibble 0
            0x1C, 0x18,   //   low nibble 1
            0x0C, 0x08,   // entry mode 0x06, high nibble 0
            0x6C, 0x68);  //   low nibble 6: cursor moves right, no shift
    }

    @Test
    void a_ticket_shows_the_counter_on_line_1_and_the_number_on_line_2() {
        Hd44780Display lcd = lcd(Hd44780Display.Size.LCD_16X2);
        LcdBytes.drain(i2c);

        lcd.show(serving(4, "2-015"));

        byte[] frame = LcdBytes.drain(i2c);
        assertThat(frame).startsWith(
            0x8C, 0x88,   // set DDRAM address 0x80 | 0x00 (line 1), high nibble 8
            0x0C, 0x08,   //   low nibble 0
            0x5D, 0x59,   // 'Q' 0x51, high nibble 5, RS (0x01) set: data
            0x1D, 0x19,   //   low nibble 1
            0x7D, 0x79,   // 'u' 0x75, high nibble 7
            0x5D, 0x59,   //   low nibble 5
            0x6D, 0x69,   // 'a' 0x61, high nibble 6
            0x1D, 0x19,   //   low nibble 1
            0x7D, 0x79,   // 'y' 0x79 (folded from 'ầy': "Quầy" has no glyph), high nibble 7
            0x9D, 0x99,   //   low nibble 9
            0x2D, 0x29,   // ' ' 0x20
            0x0D, 0x09,
            0x3D, 0x39,   // '4' 0x34
            0x4D, 0x49);
        assertThat(frame).hasSize(2 * (4 + 16 * 4));  // two lines: address, then 16 padded characters each
        String ram = LcdBytes.ddram(frame);
        assertThat(ram.substring(0x00, 0x10)).isEqualTo("Quay 4          ");
        assertThat(ram.substring(0x40, 0x50)).isEqualTo("So 2-015        ");
    }

    @Test
    void an_unchanged_line_is_not_rewritten() {
        Hd44780Display lcd = lcd(Hd44780Display.Size.LCD_16X2);
        lcd.show(serving(4, "2-015"));
        LcdBytes.drain(i2c);

        lcd.show(serving(4, "2-016"));

        byte[] frame = LcdBytes.drain(i2c);
        assertThat(frame).startsWith(
            0xCC, 0xC8,   // set DDRAM address 0x80 | 0x40 (line 2), high nibble C
            0x0C, 0x08);  //   low nibble 0
        assertThat(frame).hasSize(4 + 16 * 4);
    }

    @Test
    void offline_says_mat_ket_noi_voi_may_chu_on_both_lines_of_a_16x2_without_diacritics() {
        Hd44780Display lcd = lcd(Hd44780Display.Size.LCD_16X2);
        lcd.show(serving(4, "2-015"));
        LcdBytes.drain(i2c);

        lcd.showOffline();

        String ram = LcdBytes.ddram(LcdBytes.drain(i2c));
        assertThat(ram.substring(0x00, 0x10)).isEqualTo("Mat ket noi voi ");
        assertThat(ram.substring(0x40, 0x50)).isEqualTo("may chu         ");
    }

    @Test
    void offline_on_a_20x4_keeps_the_counter_line_above_the_message() {
        Hd44780Display lcd = lcd(Hd44780Display.Size.LCD_20X4);
        lcd.show(serving(4, "2-015"));
        LcdBytes.drain(i2c);

        lcd.showOffline();

        byte[] frame = LcdBytes.drain(i2c);
        assertThat(frame).hasSize(2 * (4 + 20 * 4)); // line 1 ("Quay 4") is not rewritten; lines 2 and 3 are
        String ram = LcdBytes.ddram(frame);
        assertThat(ram.substring(0x40, 0x54)).isEqualTo("Mat ket noi voi     ");
        assertThat(ram.substring(0x14, 0x28)).isEqualTo("may chu             ");
    }

    @Test
    void a_20x4_display_fills_all_four_lines_at_their_addresses() {
        Hd44780Display lcd = lcd(Hd44780Display.Size.LCD_20X4);
        LcdBytes.drain(i2c);

        lcd.show(new CounterState(12, CounterStatus.PAUSED, Optional.empty(), OffsetDateTime.now()));

        byte[] frame = LcdBytes.drain(i2c);
        assertThat(frame).hasSize(4 * (4 + 20 * 4));
        String ram = LcdBytes.ddram(frame);
        assertThat(ram.substring(0x00, 0x14)).isEqualTo("Quay 12             ");
        assertThat(ram.substring(0x40, 0x54)).isEqualTo("Tam nghi            ");
        assertThat(ram.substring(0x14, 0x28)).isBlank();
        assertThat(ram.substring(0x54, 0x68)).isBlank();
    }

    @Test
    void folding_drops_vietnamese_marks_and_turns_d_with_stroke_into_d() {
        assertThat(AsciiFold.fold("Quầy 3 · Đóng")).isEqualTo("Quay 3 - Dong");
        assertThat(AsciiFold.fold("Mất kết nối")).isEqualTo("Mat ket noi");
        assertThat(AsciiFold.fold("đường Ưu tiên ơ")).isEqualTo("duong Uu tien o");
        assertThat(AsciiFold.fold("số €")).isEqualTo("so ?");
    }
}
