package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

class PrinterSimulatorTest {

    @Test
    void frames_split_across_writes_are_put_back_together() throws IOException {
        BufferedImage band = new BufferedImage(16, 3, BufferedImage.TYPE_BYTE_BINARY);   // starts all black
        for (int y = 0; y < 3; y++) {
            for (int x = 0; x < 16; x++) {
                band.setRGB(x, y, 0xFFFFFFFF);
            }
        }
        band.setRGB(0, 0, 0xFF000000);
        band.setRGB(15, 2, 0xFF000000);
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        job.writeBytes(EscPosEncoder.init());
        job.writeBytes(EscPosEncoder.raster(band));
        job.writeBytes(EscPosEncoder.feedLines(1));
        job.writeBytes(EscPosEncoder.partialCut(10));

        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM58);
        OutputStream out = paper.output();
        for (byte b : job.toByteArray()) {
            out.write(b);
        }

        assertThat(paper.inits()).isEqualTo(1);
        BufferedImage ticket = paper.lastTicket().orElseThrow();
        assertThat(ticket.getWidth()).isEqualTo(384);
        assertThat(ticket.getHeight()).isEqualTo(3 + PrinterSimulator.LINE_DOTS + 10);   // band, ESC d 1, cut feed
        assertThat(ticket.getRGB(0, 0)).isEqualTo(0xFF000000);
        assertThat(ticket.getRGB(15, 2)).isEqualTo(0xFF000000);
        assertThat(ticket.getRGB(1, 0)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void nothing_is_a_ticket_until_the_cut() throws IOException {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        paper.output().write(EscPosEncoder.raster(new BufferedImage(576, 8, BufferedImage.TYPE_BYTE_BINARY)));
        assertThat(paper.tickets()).isEmpty();
        paper.output().write(new byte[] {0x1D, 0x56, 0x01});   // GS V 1: partial cut, no feed
        assertThat(paper.tickets()).hasSize(1);
        assertThat(paper.tickets().getFirst().getHeight()).isEqualTo(8);
    }

    @Test
    void a_native_qr_is_drawn_at_its_module_size_where_the_justification_puts_it() throws IOException {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        OutputStream out = paper.output();
        out.write(EscPosEncoder.init());
        out.write(EscPosEncoder.justify(EscPosEncoder.Justification.CENTER));
        out.write(EscPosEncoder.qrCode("HELLO", 4, ErrorCorrectionLevel.L));   // version 1: 21 modules
        out.write(new byte[] {0x1D, 0x56, 0x01});

        BufferedImage ticket = paper.lastTicket().orElseThrow();
        int side = 21 * 4;
        assertThat(ticket.getHeight()).isEqualTo(side);
        int left = (576 - side) / 2;
        // A finder pattern's dark corner, a module in from it is still dark, and outside the symbol it is white.
        assertThat(ticket.getRGB(left, 0)).isEqualTo(0xFF000000);
        assertThat(ticket.getRGB(left + 3, 3)).isEqualTo(0xFF000000);
        assertThat(ticket.getRGB(left - 1, 0)).isEqualTo(0xFFFFFFFF);
        assertThat(ticket.getRGB(left + side, 0)).isEqualTo(0xFFFFFFFF);
    }

    @Test
    void esc_at_forgets_the_stored_qr_data_and_printing_nothing_is_refused() throws IOException {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        byte[] print = {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x31, 0x51, 0x30};
        paper.output().write(EscPosEncoder.qrCode("HELLO", 4, ErrorCorrectionLevel.L));
        paper.output().write(EscPosEncoder.init());
        assertThatThrownBy(() -> paper.output().write(print)).hasMessageContaining("data stored");
    }

    @Test
    void qr_model_1_and_other_symbols_are_refused() {
        assertThatThrownBy(() -> new PrinterSimulator(PaperWidth.MM80).output()
                .write(new byte[] {0x1D, 0x28, 0x6B, 0x04, 0x00, 0x31, 0x41, 0x31, 0x00}))
                .hasMessageContaining("model 2");
        assertThatThrownBy(() -> new PrinterSimulator(PaperWidth.MM80).output()
                .write(new byte[] {0x1D, 0x28, 0x6B, 0x03, 0x00, 0x30, 0x43, 0x03}))
                .hasMessageContaining("not a QR code");
    }
}
