package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.message.EventBody.Paper;
import vn.motcua.protocol.message.EventBody.PrinterStatus;

/** A ticket printer on a serial line, the line being a socat pseudo-terminal pair opened by jSerialComm. */
class SerialPrinterPortTest {

    private static final Duration READ_TIMEOUT = Duration.ofMillis(300);
    private static final String URL = "https://hub.nghiloc.gov.vn/t/01JDX3K9Q7ZP4M2N8R5T6V1W0Y";
    private static final SerialSettings LINE = new SerialSettings(115200, SerialSettings.FlowControl.RTS_CTS);

    @TempDir
    Path dir;

    private static TicketView ticket(String number) {
        return new TicketView(Optional.of("UBND xã Nghi Lộc"), "DD", "Đất đai", "Land", number, 23, 5,
                Optional.of(12), ZonedDateTime.parse("2026-11-23T08:15:02+07:00"), Optional.empty(), Optional.of(URL));
    }

    private SerialPrinterPort open(PtyPair cable) throws Exception {
        return SerialPrinterPort.open(cable.unitEnd(), LINE, READ_TIMEOUT, SerialPrinterPort.DEFAULT_STALL_TIMEOUT);
    }

    @Test
    void a_ticket_crosses_the_serial_line_whole_and_the_printer_answers_status_requests() throws Exception {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        try (PtyPair cable = new PtyPair(dir).start();
             PtyPrinter far = new PtyPrinter(cable.printerEnd(), paper);
             SerialPrinterPort port = open(cable)) {
            EscPosPrinter printer = new EscPosPrinter(port, PaperWidth.MM80, READ_TIMEOUT);

            printer.print(ticket("1-023"));

            await().atMost(Duration.ofSeconds(5)).until(() -> paper.tickets().size() == 1);
            assertThat(far.failure()).isNull();
            assertThat(far.received()).as("the whole job, in 256-byte chunks").isGreaterThan(20_000);
            assertThat(paper.inits()).isEqualTo(1);
            assertThat(paper.lastTicket().orElseThrow().getWidth()).isEqualTo(576);

            assertThat(printer.status()).contains(new PrinterStatus(Paper.OK, false, true));
            paper.state(Paper.LOW, false, true);
            assertThat(printer.status()).contains(new PrinterStatus(Paper.LOW, false, true));
            paper.state(Paper.OUT, true, false);
            assertThat(printer.status()).contains(new PrinterStatus(Paper.OUT, true, false));
        }
    }

    @Test
    void a_printer_that_never_answers_gives_no_status_within_the_read_timeout() throws Exception {
        try (PtyPair cable = new PtyPair(dir).start();
             SerialPrinterPort port = open(cable)) {
            long start = System.nanoTime();
            assertThat(new EscPosPrinter(port, PaperWidth.MM80, READ_TIMEOUT).status()).isEmpty();
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        }
    }

    @Test
    void after_the_cable_is_unplugged_printing_fails_and_resumes_once_it_is_back() throws Exception {
        PrinterSimulator paper = new PrinterSimulator(PaperWidth.MM80);
        PtyPair cable = new PtyPair(dir).start();
        try (SerialPrinterPort port = open(cable)) {
            EscPosPrinter printer = new EscPosPrinter(port, PaperWidth.MM80, READ_TIMEOUT);
            try (PtyPrinter far = new PtyPrinter(cable.printerEnd(), paper)) {
                printer.print(ticket("1-023"));
                await().atMost(Duration.ofSeconds(5)).until(() -> paper.tickets().size() == 1);
            }

            cable.unplug();
            assertThatThrownBy(() -> printer.print(ticket("1-024"))).isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("1-024").cause().hasMessageContaining(cable.unitEnd().toString());
            assertThatThrownBy(() -> printer.print(ticket("1-025"))).cause()
                    .isInstanceOf(NoSuchFileException.class).hasMessageContaining("plugged in");

            cable.start();
            try (PtyPrinter far = new PtyPrinter(cable.printerEnd(), paper)) {
                printer.print(ticket("1-026"));
                await().atMost(Duration.ofSeconds(5)).until(() -> paper.tickets().size() == 2);
                assertThat(printer.status()).contains(new PrinterStatus(Paper.OK, false, true));
            }
        } finally {
            cable.close();
        }
    }

    @Test
    void a_missing_port_is_refused_with_a_hint() {
        assertThatThrownBy(() -> SerialPrinterPort.open(dir.resolve("ttyUSB9"), LINE, READ_TIMEOUT,
                SerialPrinterPort.DEFAULT_STALL_TIMEOUT)).isInstanceOf(NoSuchFileException.class)
                .hasMessageContaining("USB-serial adapter");
    }
}
