package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Font;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.message.EventBody.Paper;
import vn.motcua.protocol.message.EventBody.PrinterStatus;

class TicketPrintingTest {

    static {
        System.setProperty("java.awt.headless", "true");
    }

    private static final Path TICKETS = Path.of("target", "tickets");
    private static final Path ZBARIMG = Path.of("/usr/bin/zbarimg");
    private static final String URL = "https://hub.nghiloc.gov.vn/t/01JDX3K9Q7ZP4M2N8R5T6V1W0Y";

    private static TicketView land(Optional<Integer> estimate, Optional<String> priority, Optional<String> url) {
        return new TicketView(Optional.of("UBND xã Nghi Lộc"), "DD", "Đất đai", "Land", "1-023", 23, 5, estimate,
                ZonedDateTime.parse("2026-11-23T08:15:02+07:00"), priority, url);
    }

    @Test
    void a_ticket_printed_on_80mm_paper_comes_back_as_an_image_whose_qr_both_zxing_and_zbar_read() throws Exception {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        new EscPosPrinter(paper, PaperWidth.MM80, Duration.ofMillis(200))
                .print(land(Optional.of(12), Optional.of("NCT"), Optional.of(URL)));

        assertThat(paper.inits()).isEqualTo(1);
        assertThat(paper.tickets()).hasSize(1);
        BufferedImage ticket = paper.lastTicket().orElseThrow();
        Path png = PrinterSimulator.writePng(ticket, TICKETS.resolve("ticket-80mm-priority.png"));

        assertThat(ticket.getWidth()).isEqualTo(576);
        assertThat(ticket.getHeight()).as("tight: no blank tail beyond the cut feed").isBetween(500, 1100);
        assertThat(zxing(ticket)).isEqualTo(URL);
        assertThat(zbar(png)).isEqualTo(URL);
    }

    @Test
    void a_58mm_ticket_keeps_its_qr_readable() throws Exception {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM58);
        new EscPosPrinter(paper, PaperWidth.MM58, Duration.ofMillis(200))
                .print(land(Optional.of(12), Optional.empty(), Optional.of(URL)));

        BufferedImage ticket = paper.lastTicket().orElseThrow();
        Path png = PrinterSimulator.writePng(ticket, TICKETS.resolve("ticket-58mm.png"));

        assertThat(ticket.getWidth()).isEqualTo(384);
        assertThat(zxing(ticket)).isEqualTo(URL);
        assertThat(zbar(png)).isEqualTo(URL);
    }

    @Test
    void with_native_qr_the_printer_draws_the_qr_between_two_rasters_and_it_reads_back() throws Exception {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        new EscPosPrinter(paper, PaperWidth.MM80, Duration.ofMillis(200), true)
                .print(land(Optional.of(12), Optional.of("NCT"), Optional.of(URL)));

        BufferedImage ticket = paper.lastTicket().orElseThrow();
        Path png = PrinterSimulator.writePng(ticket, TICKETS.resolve("ticket-80mm-native-qr.png"));
        BufferedImage raster = new TicketRaster(PaperWidth.MM80).render(land(Optional.of(12), Optional.of("NCT"),
                Optional.of(URL)));
        assertThat(ticket.getHeight()).as("same layout as the raster QR").isEqualTo(raster.getHeight()
                + EscPosPrinter.FEED_BEFORE_CUT);
        assertThat(zxing(ticket)).isEqualTo(URL);
        assertThat(zbar(png)).isEqualTo(URL);
    }

    @Test
    void a_native_qr_job_is_raster_centre_gs_paren_k_left_raster_and_smaller(@TempDir Path dir) throws Exception {
        TicketView ticket = land(Optional.of(12), Optional.empty(), Optional.of(URL));
        TicketRaster.AroundQr parts = new TicketRaster(PaperWidth.MM80).renderAroundQr(ticket).orElseThrow();
        byte[] above = EscPosEncoder.raster(parts.above());
        byte[] qr = EscPosEncoder.qrCode(URL, parts.moduleDots(), TicketQr.LEVEL);
        Path lp0 = Files.createFile(dir.resolve("lp0"));
        Path lp1 = Files.createFile(dir.resolve("lp1"));
        try (FilePrinterPort nativeQr = FilePrinterPort.open(lp0); FilePrinterPort rasterQr = FilePrinterPort.open(lp1)) {
            new EscPosPrinter(nativeQr, PaperWidth.MM80, Duration.ofMillis(50), true).print(ticket);
            new EscPosPrinter(rasterQr, PaperWidth.MM80, Duration.ofMillis(50), false).print(ticket);
        }
        byte[] job = Files.readAllBytes(lp0);

        int at = 2 + above.length;
        assertThat(Arrays.copyOfRange(job, 2, at)).isEqualTo(above);
        assertThat(Arrays.copyOfRange(job, at, at + 3)).containsExactly(0x1B, 0x61, 0x01);
        assertThat(Arrays.copyOfRange(job, at + 3, at + 3 + qr.length)).isEqualTo(qr);
        assertThat(Arrays.copyOfRange(job, at + 3 + qr.length, at + 6 + qr.length))
                .containsExactly(0x1B, 0x61, 0x00);
        assertThat(parts.moduleDots()).isBetween(TicketQr.MIN_MODULE_DOTS, 7);
        assertThat(job.length).as("the QR's raster rows stay out of the job")
                .isLessThan(Files.readAllBytes(lp1).length - 10_000);
    }

    @Test
    void a_link_a_printer_cannot_encode_falls_back_to_the_raster_qr() throws Exception {
        String vietnamese = "https://hub.nghiloc.gov.vn/lượt/1-023";
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        new EscPosPrinter(paper, PaperWidth.MM80, Duration.ofMillis(200), true)
                .print(land(Optional.of(12), Optional.empty(), Optional.of(vietnamese)));
        assertThat(zxing(paper.lastTicket().orElseThrow())).isEqualTo(vietnamese);
    }

    @Test
    void a_warned_ticket_prints_the_not_today_band_in_place_of_the_estimate_on_both_paper_widths() throws Exception {
        for (PaperWidth width : PaperWidth.values()) {
            TicketRaster raster = new TicketRaster(width);
            TicketView promised = land(Optional.of(250), Optional.empty(), Optional.of(URL));
            TicketView warned = new TicketView(promised.officeName(), "DD", "Đất đai", "Land", "1-023", 23, 5,
                    Optional.of(250), promised.issuedAt(), Optional.empty(), Optional.of(URL), false, true);
            BufferedImage plain = raster.render(promised);
            BufferedImage warning = raster.render(warned);
            PrinterSimulator.writePng(warning, TICKETS.resolve("ticket-" + width.name().toLowerCase()
                    + "-may-not-be-served.png"));

            // Without a priority mark, rows mostly ink are the two 2-dot rules, plus, warned, the white-on-black band
            // of the warning: at least two text lines tall.
            assertThat(inkedRows(plain)).as("%s promised", width).isEqualTo(4);
            assertThat(inkedRows(warning) - 4).as("%s warned", width).isGreaterThan(2 * 24 * width.dots() / 576);
            assertThat(zxing(warning)).isEqualTo(URL);
        }
    }

    /** Rows at least 60 % black across the printable width: where a white-on-black band is. */
    private static int inkedRows(BufferedImage ticket) {
        int rows = 0;
        for (int y = 0; y < ticket.getHeight(); y++) {
            int black = 0;
            for (int x = 0; x < ticket.getWidth(); x++) {
                black += (ticket.getRGB(x, y) & 0xFFFFFF) == 0 ? 1 : 0;
            }
            rows += black >= ticket.getWidth() * 6 / 10 ? 1 : 0;
        }
        return rows;
    }

    @Test
    void a_ticket_without_estimate_or_link_prints_without_a_qr() throws Exception {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        EscPosPrinter printer = new EscPosPrinter(paper, PaperWidth.MM80, Duration.ofMillis(200));
        printer.print(land(Optional.empty(), Optional.empty(), Optional.empty()));
        printer.print(land(Optional.of(12), Optional.empty(), Optional.of(URL)));

        assertThat(paper.tickets()).hasSize(2);
        BufferedImage plain = paper.tickets().getFirst();
        PrinterSimulator.writePng(plain, TICKETS.resolve("ticket-80mm-no-estimate.png"));
        assertThatThrownBy(() -> zxing(plain)).isInstanceOf(NotFoundException.class);
        assertThat(plain.getHeight()).isLessThan(paper.tickets().get(1).getHeight());
    }

    @Test
    void a_ticket_written_to_a_device_file_is_one_esc_pos_job_small_enough_for_serial(@TempDir Path dir)
            throws Exception {
        Path lp0 = Files.createFile(dir.resolve("lp0"));
        try (FilePrinterPort port = FilePrinterPort.open(lp0)) {
            new EscPosPrinter(port, PaperWidth.MM80, Duration.ofMillis(50))
                    .print(land(Optional.of(12), Optional.empty(), Optional.of(URL)));
        }
        byte[] job = Files.readAllBytes(lp0);
        assertThat(job).startsWith(0x1B, 0x40, 0x1D, 0x76, 0x30, 0x00, 72, 0x00);   // ESC @, GS v 0 m=0, 72 bytes wide
        assertThat(job).endsWith(0x1D, 0x56, 0x42, 0x18);                          // GS V 66, 24-dot feed, cut
        assertThat(job.length).as("bytes; ~4.3 s at 115200 baud").isLessThan(56_000);

        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        paper.output().write(job);
        assertThat(zxing(paper.lastTicket().orElseThrow())).isEqualTo(URL);
    }

    @Test
    void long_office_and_service_names_wrap_on_58mm_paper() throws Exception {
        TicketView ticket = new TicketView(Optional.of("Trung tâm Phục vụ hành chính công tỉnh Nghệ An"), "HT",
                "Hộ tịch, chứng thực và bảo trợ xã hội", "Civil status, certification and social protection",
                "2-105", 105, 0, Optional.of(3), ZonedDateTime.parse("2026-11-23T14:05:00+07:00"),
                Optional.of("KT"), Optional.of(URL));
        BufferedImage image = new TicketRaster(PaperWidth.MM58).render(ticket);
        PrinterSimulator.writePng(image, TICKETS.resolve("ticket-58mm-long-names.png"));

        assertThat(image.getWidth()).isEqualTo(384);
        assertThat(zxing(image)).isEqualTo(URL);
    }

    @Test
    void the_bundled_fonts_have_every_vietnamese_letter_on_the_ticket() {
        String vietnamese = "ẮẰẲẴẶĂẤẦẨẪẬÂÁÀÃẢẠĐẾỀỂỄỆÊÉÈẺẼẸÍÌỈĨỊỐỒỔỖỘÔỚỜỞỠỢƠÓÒỎÕỌỨỪỬỮỰƯÚÙỦŨỤÝỲỶỸỴ"
                + "ắằẳẵặăấầẩẫậâáàãảạđếềểễệêéèẻẽẹíìỉĩịốồổỗộôớờởỡợơóòỏõọứừửữựưúùủũụýỳỷỹỵ";
        for (Font font : new Font[] {TicketFonts.REGULAR, TicketFonts.BOLD}) {
            assertThat(font.canDisplayUpTo(vietnamese)).as(font.getFontName()).isEqualTo(-1);
            assertThat(font.getFamily()).isEqualTo("DejaVu Sans");
        }
    }

    @Test
    void status_requests_read_paper_low_cover_and_offline_from_the_printer() {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        EscPosPrinter printer = new EscPosPrinter(paper, PaperWidth.MM80, Duration.ofMillis(200));

        assertThat(printer.status()).contains(new PrinterStatus(Paper.OK, false, true));
        paper.state(Paper.LOW, false, true);
        assertThat(printer.status()).contains(new PrinterStatus(Paper.LOW, false, true));
        paper.state(Paper.OUT, true, false);
        assertThat(printer.status()).contains(new PrinterStatus(Paper.OUT, true, false));
    }

    @Test
    void a_port_that_cannot_read_reports_no_status() {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        PrinterPort writeOnly = new PrinterPort() {
            @Override
            public java.io.OutputStream output() {
                return paper.output();
            }

            @Override
            public Optional<java.io.InputStream> input() {
                return Optional.empty();
            }

            @Override
            public void close() {
            }
        };
        assertThat(new EscPosPrinter(writeOnly, PaperWidth.MM80, Duration.ofMillis(50)).status()).isEmpty();
    }

    @Test
    void an_absent_device_file_is_refused_and_never_created(@TempDir Path dir) {
        Path lp0 = dir.resolve("lp0");
        assertThatThrownBy(() -> FilePrinterPort.open(lp0)).isInstanceOf(java.nio.file.NoSuchFileException.class)
                .hasMessageContaining("plugged in");
        assertThat(lp0).doesNotExist();
    }

    @Test
    void the_simulator_refuses_bytes_that_are_not_esc_pos_it_knows() {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        assertThatThrownBy(() -> paper.output().write("Số".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("unknown ESC/POS bytes");
    }

    private static String zxing(BufferedImage image) throws Exception {
        BinaryBitmap bitmap = new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image)));
        // Found anywhere on the ticket (no PURE_BARCODE: ZXing treats its mere presence as true).
        return new QRCodeReader().decode(bitmap, Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
    }

    private static String zbar(Path png) throws IOException, InterruptedException {
        assertThat(Files.isExecutable(ZBARIMG))
                .as("zbarimg, the independent QR decoder, is missing: apt-get install -y zbar-tools").isTrue();
        // stderr apart: without a system bus zbarimg complains there ("Connection Error …") yet decodes.
        Process process = new ProcessBuilder(ZBARIMG.toString(), "--raw", "-q", png.toString()).start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        String err = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("zbarimg finished").isTrue();
        assertThat(process.exitValue()).as("zbarimg exit status; stderr: " + err).isZero();
        return out.strip();
    }
}
