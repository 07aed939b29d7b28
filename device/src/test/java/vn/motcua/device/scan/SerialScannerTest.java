package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.scan.ScannerLine.Complete;
import vn.motcua.device.scan.ScannerLine.Line;
import vn.motcua.device.scan.ScannerLine.TooLong;

/**
 * The serial driver, through jSerialComm, on a real pseudo-terminal pair made by socat: the driver opens one end as
 * it would {@code /dev/ttyACM0}, the test writes what a scanner sends into the other. Killing socat removes both
 * ends, which is what unplugging a USB-CDC scanner does to its tty.
 */
class SerialScannerTest {

    private static final Duration BACKOFF = Duration.ofMillis(20);

    @TempDir
    Path dir;
    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private Process socat;

    @AfterEach
    void stopSocat() throws InterruptedException {
        if (socat != null) {
            socat.destroy();
            socat.waitFor(5, TimeUnit.SECONDS);
        }
    }

    /** Starts socat; returns the scanner's end (the driver opens {@code port}). */
    private Path plugIn(Path port, Path scannerEnd) throws IOException {
        socat = new ProcessBuilder("socat", "pty,raw,echo=0,link=" + port, "pty,raw,echo=0,link=" + scannerEnd)
                .redirectErrorStream(true).redirectOutput(dir.resolve("socat.log").toFile()).start();
        await().atMost(Duration.ofSeconds(5)).until(() -> Files.exists(port) && Files.exists(scannerEnd));
        return scannerEnd;
    }

    private void unplug() throws InterruptedException {
        socat.destroy();
        assertThat(socat.waitFor(5, TimeUnit.SECONDS)).isTrue();
        socat = null;
    }

    private static void send(OutputStream scanner, byte[] bytes) throws IOException {
        scanner.write(bytes);
        scanner.flush();
    }

    @Test
    void lines_ended_by_cr_lf_or_crlf_arrive_as_utf8_text_even_split_mid_character() throws Exception {
        Path port = dir.resolve("ttyACM0");
        Path scannerEnd = plugIn(port, dir.resolve("scanner"));
        try (SerialScanner scanner = new SerialScanner(port.toString(), 9600, BACKOFF, BACKOFF);
             OutputStream out = new FileOutputStream(scannerEnd.toFile())) {
            scanner.start(lines::add);
            byte[] card = (ScanFixtures.CARD + "\r\n").getBytes(StandardCharsets.UTF_8);
            int inNguyen = ScanFixtures.CARD.indexOf("ễ") + 1; // within the three bytes of "ễ"
            // Two writes, cut inside a character; the reads may or may not see them apart, the line must be whole.
            send(out, Arrays.copyOfRange(card, 0, inNguyen));
            send(out, Arrays.copyOfRange(card, inNguyen, card.length));
            send(out, "A7Q4K2M5N6P7R8S9\rMOTCUA-OFFICER:lan.nt\n2-017\r\n".getBytes(StandardCharsets.US_ASCII));

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 4);
            assertThat(lines).containsExactly(new Complete(ScanFixtures.CARD), new Complete("A7Q4K2M5N6P7R8S9"),
                    new Complete("MOTCUA-OFFICER:lan.nt"), new Complete("2-017"));
        }
    }

    @Test
    void bytes_that_are_not_utf8_and_endless_lines_are_bounded_and_reported() throws Exception {
        Path port = dir.resolve("ttyACM0");
        Path scannerEnd = plugIn(port, dir.resolve("scanner"));
        try (SerialScanner scanner = new SerialScanner(port.toString(), 115_200, BACKOFF, BACKOFF);
             OutputStream out = new FileOutputStream(scannerEnd.toFile())) {
            scanner.start(lines::add);
            send(out, new byte[] {'a', (byte) 0xC3, 'b', (byte) 0xFF, '\r'});
            send(out, ("x".repeat(100_000) + "\n" + "after1234\n").getBytes(StandardCharsets.US_ASCII));

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 3);
            assertThat(lines).containsExactly(new Complete("a\uFFFDb\uFFFD"),
                    new TooLong(100_000, ScanParser.MAX_SCAN_BYTES), new Complete("after1234"));
        }
    }

    @Test
    void an_unplugged_scanner_is_reopened_when_plugged_back_and_its_partial_line_is_dropped() throws Exception {
        Path port = dir.resolve("ttyACM0");
        Path scannerEnd = dir.resolve("scanner");
        try (SerialScanner scanner = new SerialScanner(port.toString(), 9600, BACKOFF, BACKOFF)) {
            scanner.start(lines::add); // before the scanner is plugged in: the driver waits for it
            plugIn(port, scannerEnd);
            try (OutputStream out = new FileOutputStream(scannerEnd.toFile())) {
                send(out, "before12\rhalf-a-li".getBytes(StandardCharsets.US_ASCII));
                await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
            }
            unplug();
            plugIn(port, scannerEnd);
            try (OutputStream out = new FileOutputStream(scannerEnd.toFile())) {
                // The driver may not have reopened yet: send until a line arrives, as a citizen scans again.
                await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100)).until(() -> {
                    send(out, "after123\r".getBytes(StandardCharsets.US_ASCII));
                    return lines.size() > 1;
                });
            }
        }
        assertThat(lines).first().isEqualTo(new Complete("before12"));
        assertThat(lines.subList(1, lines.size())).containsOnly(new Complete("after123"));
    }

    @Test
    void baud_rates_out_of_range_are_refused() {
        assertThatThrownBy(() -> new SerialScanner("/dev/ttyACM0", 300))
                .hasMessage("baud must be 1200-921600, was 300");
    }
}
