package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

class EscPosEncoderTest {

    private static final int BLACK = 0xFF000000;
    private static final int WHITE = 0xFFFFFFFF;

    @Test
    void init_is_esc_at() {
        assertThat(EscPosEncoder.init()).containsExactly(
                0x1B, 0x40);                // ESC @
    }

    @Test
    void raster_header_gives_mode_0_width_in_bytes_and_height_in_dots_little_endian() {
        // 10 x 2: row 0 has dots 0 and 9 black, row 1 has dots 1..8 black.
        BufferedImage image = new BufferedImage(10, 2, BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < 10; x++) {
            image.setRGB(x, 0, x == 0 || x == 9 ? BLACK : WHITE);
            image.setRGB(x, 1, x >= 1 && x <= 8 ? BLACK : WHITE);
        }
        assertThat(EscPosEncoder.raster(image)).containsExactly(
                0x1D, 0x76, 0x30,           // GS v 0
                0x00,                       // m = 0, normal density
                0x02, 0x00,                 // xL xH: 2 bytes per row (10 dots, padded to 16)
                0x02, 0x00,                 // yL yH: 2 rows
                0b1000_0000, 0b0100_0000,   // row 0: dot 0, dot 9; MSB is the leftmost dot
                0b0111_1111, 0b1000_0000);  // row 1: dots 1..8
    }

    @Test
    void raster_height_above_255_uses_the_high_byte() {
        BufferedImage image = new BufferedImage(576, 300, BufferedImage.TYPE_BYTE_BINARY);
        byte[] frame = EscPosEncoder.raster(image);
        assertThat(frame).startsWith(
                0x1D, 0x76, 0x30, 0x00,
                72, 0x00,                   // 576 dots = 72 bytes
                0x2C, 0x01);                // 300 = 0x012C
        assertThat(frame).hasSize(8 + 72 * 300);
    }

    @Test
    void partial_cut_feeds_then_cuts_with_function_b() {
        assertThat(EscPosEncoder.partialCut(24)).containsExactly(
                0x1D, 0x56,                 // GS V
                0x42,                       // m = 66: feed n dots, then partial cut
                0x18);                      // n = 24 dots
    }

    @Test
    void feed_is_esc_d_lines() {
        assertThat(EscPosEncoder.feedLines(3)).containsExactly(
                0x1B, 0x64, 0x03);          // ESC d 3
    }

    @Test
    void status_request_is_dle_eot_with_its_selector() {
        assertThat(EscPosEncoder.statusRequest(4)).containsExactly(
                0x10, 0x04,                 // DLE EOT
                0x04);                      // n = 4: paper roll sensor
        assertThatThrownBy(() -> EscPosEncoder.statusRequest(5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void a_raster_wider_than_255_bytes_is_refused() {
        assertThatThrownBy(() -> EscPosEncoder.raster(new BufferedImage(2048, 1, BufferedImage.TYPE_BYTE_BINARY)))
                .hasMessageContaining("GS v 0");
    }
}
