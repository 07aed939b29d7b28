package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import org.junit.jupiter.api.Test;

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
}
