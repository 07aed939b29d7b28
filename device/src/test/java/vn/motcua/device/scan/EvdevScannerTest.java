package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.scan.ScannerLine.Complete;
import vn.motcua.device.scan.ScannerLine.Line;
import vn.motcua.device.scan.ScannerLine.TooLong;

/**
 * The evdev driver reading real {@code struct input_event} records, byte for byte as the kernel writes them, from a
 * FIFO standing in for {@code /dev/input/eventN}; closing the writer is the device going away (end of file).
 */
class EvdevScannerTest {

    private static final int EV_SYN = 0;
    private static final int EV_KEY = 1;
    private static final int EV_MSC = 4;
    private static final int KEY_LEFTSHIFT = 42;
    private static final int KEY_RIGHTSHIFT = 54;
    private static final int KEY_ENTER = 28;
    private static final int KEY_LEFTALT = 56;
    private static final int KEY_F1 = 59;
    private static final Duration BACKOFF = Duration.ofMillis(20);

    @TempDir
    Path dir;
    private final List<Line> lines = new CopyOnWriteArrayList<>();

    /** Records of one key event stream, {@code recordBytes} each, little-endian as on the Pi. */
    private static final class Events {
        private final int recordBytes;
        private final ByteBuffer out = ByteBuffer.allocate(1024 * 1024).order(ByteOrder.LITTLE_ENDIAN);
        private long micros = 1_700_000_000_000_000L;

        Events(int recordBytes) {
            this.recordBytes = recordBytes;
        }

        Events event(int type, int code, int value) {
            micros += 800;
            if (recordBytes == 24) {
                out.putLong(micros / 1_000_000).putLong(micros % 1_000_000);
            } else {
                out.putInt((int) (micros / 1_000_000)).putInt((int) (micros % 1_000_000));
            }
            out.putShort((short) type).putShort((short) code).putInt(value);
            return this;
        }

        /** A key press and release, each followed by a sync report, with the scan-code event a real keyboard sends. */
        Events key(int code) {
            return event(EV_MSC, 4, 0x70000 + code).event(EV_KEY, code, 1).event(EV_SYN, 0, 0)
                    .event(EV_KEY, code, 0).event(EV_SYN, 0, 0);
        }

        /** Types {@code text}: lower case and digits plain, upper case and '-'→'_' with the left shift held. */
        Events type(String text) {
            for (char c : text.toCharArray()) {
                int code = code(Character.toLowerCase(c));
                if (Character.isUpperCase(c)) {
                    event(EV_KEY, KEY_LEFTSHIFT, 1).key(code).event(EV_KEY, KEY_LEFTSHIFT, 0);
                } else {
                    key(code);
                }
            }
            return this;
        }

        Events enter() {
            return key(KEY_ENTER);
        }

        byte[] bytes() {
            byte[] bytes = new byte[out.position()];
            out.flip().get(bytes);
            out.clear();
            return bytes;
        }

        private static int code(char c) {
            String top = "1234567890-=";
            String row1 = "qwertyuiop";
            String row2 = "asdfghjkl";
            String row3 = "zxcvbnm";
            if (top.indexOf(c) >= 0) {
                return 2 + top.indexOf(c);
            }
            if (row1.indexOf(c) >= 0) {
                return 16 + row1.indexOf(c);
            }
            if (row2.indexOf(c) >= 0) {
                return 30 + row2.indexOf(c);
            }
            if (row3.indexOf(c) >= 0) {
                return 44 + row3.indexOf(c);
            }
            throw new IllegalArgumentException("no key for " + c);
        }
    }

    private Path fifo() throws IOException, InterruptedException {
        return fifo("event0");
    }

    private Path fifo(String name) throws IOException, InterruptedException {
        Path fifo = dir.resolve(name);
        Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).inheritIO().start();
        assertThat(mkfifo.waitFor(5, TimeUnit.SECONDS)).isTrue();
        assertThat(mkfifo.exitValue()).isZero();
        return fifo;
    }

    private EvdevScanner started(Path device, int recordBytes) {
        EvdevScanner scanner = new EvdevScanner(device.toString(), recordBytes, BACKOFF, BACKOFF);
        scanner.start(lines::add);
        return scanner;
    }

    @Test
    void typed_keys_with_shift_become_lines_ended_by_enter() throws Exception {
        Path device = fifo();
        try (EvdevScanner scanner = started(device, 24); OutputStream kernel = new FileOutputStream(device.toFile())) {
            Events events = new Events(24).type("A7Q4k2M5n6P7").enter()
                    // right shift, and a key held long enough to auto-repeat: the repeat adds nothing
                    .event(EV_KEY, KEY_RIGHTSHIFT, 1).key(2).event(EV_KEY, KEY_RIGHTSHIFT, 0)
                    .event(EV_KEY, 3, 1).event(EV_KEY, 3, 2).event(EV_KEY, 3, 2).event(EV_KEY, 3, 0)
                    .type("x").enter();
            byte[] bytes = events.bytes();
            // Split mid-record, as a pipe may deliver it: the driver keeps only whole records.
            kernel.write(bytes, 0, 37);
            kernel.flush();
            kernel.write(bytes, 37, bytes.length - 37);
            kernel.flush();

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 2);
            assertThat(lines).containsExactly(new Complete("A7Q4k2M5n6P7"), new Complete("!2x"));
        }
    }

    @Test
    void keys_with_no_character_or_typed_with_alt_spoil_the_scan_rather_than_vanish() throws Exception {
        Path device = fifo();
        try (EvdevScanner scanner = started(device, 24); OutputStream kernel = new FileOutputStream(device.toFile())) {
            kernel.write(new Events(24)
                    .type("abc").key(KEY_F1).type("def").enter()
                    .event(EV_KEY, KEY_LEFTALT, 1).key(82).event(EV_KEY, KEY_LEFTALT, 0).type("ok").enter()
                    .key(700).enter() // a code no keyboard sends
                    .type("ok").enter()
                    .bytes());

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 4);
            assertThat(lines).containsExactly(new Complete("abc\uFFFDdef"), new Complete("\uFFFDok"),
                    new Complete("\uFFFD"), new Complete("ok"));
            assertThat(ScanParser.parse("abc\uFFFDdef", ScanFixtures.TODAY)).isInstanceOfSatisfying(Rejected.class,
                    r -> assertThat(r.reason()).isEqualTo("scan contains undecodable bytes (U+FFFD)"));
        }
    }

    @Test
    void an_endless_line_is_reported_too_long_and_reading_goes_on() throws Exception {
        Path device = fifo();
        try (EvdevScanner scanner = started(device, 24); OutputStream kernel = new FileOutputStream(device.toFile())) {
            kernel.write(new Events(24).type("1".repeat(ScanParser.MAX_SCAN_BYTES + 10)).enter().type("abc").enter()
                    .bytes());

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 2);
            assertThat(lines).containsExactly(new TooLong(ScanParser.MAX_SCAN_BYTES + 10, ScanParser.MAX_SCAN_BYTES),
                    new Complete("abc"));
        }
    }

    @Test
    void sixteen_byte_records_of_a_32_bit_os_read_the_same() throws Exception {
        Path device = fifo();
        try (EvdevScanner scanner = started(device, 16); OutputStream kernel = new FileOutputStream(device.toFile())) {
            kernel.write(new Events(16).type("CB-042").enter().bytes());

            await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
            assertThat(lines).containsExactly(new Complete("CB-042"));
        }
    }

    @Test
    void unplugged_mid_scan_drops_the_partial_line_and_reading_resumes_when_plugged_back() throws Exception {
        // As after a real replug, the stable by-id link points at a new event node.
        Path device = dir.resolve("usb-scanner-event-kbd");
        Path first = fifo("event0");
        Path second = fifo("event1");
        Files.createSymbolicLink(device, first);
        try (EvdevScanner scanner = started(device, 24)) {
            try (OutputStream kernel = new FileOutputStream(first.toFile())) {
                kernel.write(new Events(24).type("first1").enter()
                        .event(EV_KEY, KEY_LEFTSHIFT, 1).type("half").bytes()); // shift still held when unplugged
                await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
                Files.delete(device);
                Files.createSymbolicLink(device, second);
            }
            try (OutputStream kernel = new FileOutputStream(second.toFile())) { // opens once the driver reopens
                kernel.write(new Events(24).type("second").enter().bytes());
                await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 2);
            }
        }
        assertThat(lines).containsExactly(new Complete("first1"), new Complete("second"));
    }

    @Test
    void a_device_that_is_not_there_yet_is_opened_when_it_appears() throws Exception {
        Path device = dir.resolve("by-id-usb-scanner-event-kbd");
        try (EvdevScanner scanner = started(device, 24)) {
            Path fifo = fifo();
            Files.createSymbolicLink(device, fifo);
            try (OutputStream kernel = new FileOutputStream(fifo.toFile())) {
                kernel.write(new Events(24).type("later1").enter().bytes());
                await().atMost(Duration.ofSeconds(5)).until(() -> lines.size() == 1);
            }
        }
        assertThat(lines).containsExactly(new Complete("later1"));
    }

    @Test
    void record_sizes_other_than_16_and_24_are_refused() {
        assertThatThrownBy(() -> new EvdevScanner("/dev/input/event0", 20))
                .hasMessage("input_event records are 16 or 24 bytes, was 20");
        assertThat(EvdevScanner.nativeRecordBytes()).isEqualTo(24); // the test JVM is 64-bit
    }
}
