package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;

import org.junit.jupiter.api.Test;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

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

    @Test
    void justify_is_esc_a_with_0_1_2() {
        assertThat(EscPosEncoder.justify(EscPosEncoder.Justification.CENTER)).containsExactly(
                0x1B, 0x61, 0x01);          // ESC a 1: centre
        assertThat(EscPosEncoder.justify(EscPosEncoder.Justification.LEFT)).containsExactly(0x1B, 0x61, 0x00);
    }

    @Test
    void native_qr_is_the_five_gs_paren_k_functions_of_the_epson_reference() {
        assertThat(EscPosEncoder.qrCode("https://a.vn/t/1", 6, ErrorCorrectionLevel.M)).containsExactly(
                0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x32, 0x00,   // fn 165: model 2 (n1 = 50, n2 = 0)
                0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x43, 0x06,         // fn 167: module 6 dots
                0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x31,         // fn 169: error correction M (49)
                0x1D, 0x28, 0x6B, 0x13, 0x00, 0x31, 0x50, 0x30,         // fn 180: store, pL pH = 16 + 3, m = 48
                'h', 't', 't', 'p', 's', ':', '/', '/', 'a', '.', 'v', 'n', '/', 't', '/', '1',
                0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30);        // fn 181: print, m = 48
    }

    @Test
    void native_qr_data_longer_than_255_bytes_uses_ph_and_each_level_has_its_byte() {
        String data = "9".repeat(300);
        byte[] frame = EscPosEncoder.qrCode(data, 3, ErrorCorrectionLevel.H);
        assertThat(frame).contains(0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x45, 0x33);       // H = 51
        assertThat(frame).contains(0x1D, 0x28, 0x6B, 0x2F, 0x01, 0x31, 0x50, 0x30);       // 303 = 0x012F
        assertThat(frame).hasSize(9 + 8 + 8 + 8 + 300 + 8);
        assertThat(EscPosEncoder.qrCode("x", 3, ErrorCorrectionLevel.L)).contains(0x31, 0x45, 0x30);  // L = 48
    }

    @Test
    void native_qr_refuses_what_a_printer_would_misprint() {
        assertThatThrownBy(() -> EscPosEncoder.qrCode("https://a.vn/số", 4, ErrorCorrectionLevel.M))
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> EscPosEncoder.qrCode("", 4, ErrorCorrectionLevel.M))
                .hasMessageContaining("printable ASCII");
        assertThatThrownBy(() -> EscPosEncoder.qrCode("x", 17, ErrorCorrectionLevel.M))
                .hasMessageContaining("1-16 dots");
        assertThatThrownBy(() -> EscPosEncoder.qrCode("9".repeat(7090), 4, ErrorCorrectionLevel.M))
                .hasMessageContaining("7089");
    }
}
