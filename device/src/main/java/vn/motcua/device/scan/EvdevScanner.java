package vn.motcua.device.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.OptionalInt;

/**
 * A scanner in USB HID keyboard mode, read from its Linux input device ({@code /dev/input/eventN}, or better its
 * stable {@code /dev/input/by-id/...-event-kbd} link) as {@code struct input_event} records: a {@code struct timeval}
 * (two longs), then u16 type, u16 code, s32 value, in the machine's byte order (little-endian on the Pi). A record is
 * {@value #RECORD_BYTES_64} bytes for a 64-bit process and {@value #RECORD_BYTES_32} for a 32-bit one (32-bit Pi OS),
 * where the longs are 4 bytes: {@link #nativeRecordBytes()} picks by the JVM's data model. Keys become characters
 * through {@link UsKeyboard}; Enter ends a scan.
 *
 * <p>Java cannot issue the {@code EVIOCGRAB} ioctl without JNI, so the scanner's keystrokes also reach any other
 * reader of the device, such as a text console on the kiosk's screen. A kiosk therefore runs no getty or desktop on
 * its local consoles (see docs/hardware/README.md for the udev rule that keeps the scanner away from them).
 */
public final class EvdevScanner extends DeviceScanner {

    public static final int RECORD_BYTES_64 = 24;
    public static final int RECORD_BYTES_32 = 16;
    static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final int recordBytes;
    private final UsKeyboard keyboard = new UsKeyboard();

    /** A scanner on {@code device} whose records are {@code recordBytes} (16 or 24) long. */
    public EvdevScanner(String device, int recordBytes) {
        this(device, recordBytes, MIN_BACKOFF, MAX_BACKOFF);
    }

    EvdevScanner(String device, int recordBytes, Duration minBackoff, Duration maxBackoff) {
        super(device, "scanner-" + Path.of(device).getFileName(), minBackoff, maxBackoff);
        if (recordBytes != RECORD_BYTES_64 && recordBytes != RECORD_BYTES_32) {
            throw new IllegalArgumentException("input_event records are 16 or 24 bytes, was " + recordBytes);
        }
        this.recordBytes = recordBytes;
    }

    /** The record size of this JVM: 24 bytes on a 64-bit JVM, 16 on a 32-bit one. */
    public static int nativeRecordBytes() {
        return "32".equals(System.getProperty("sun.arch.data.model")) ? RECORD_BYTES_32 : RECORD_BYTES_64;
    }

    @Override
    protected Session open() throws IOException {
        // A FileChannel, not a stream: close() interrupts this thread, which ends a blocking read on a channel.
        FileChannel channel = FileChannel.open(Path.of(path), StandardOpenOption.READ);
        keyboard.reset();
        return new Session() {
            @Override
            public void read() throws IOException {
                readUntilGone(channel);
            }

            @Override
            public void close() throws IOException {
                channel.close();
            }
        };
    }

    private void readUntilGone(FileChannel channel) throws IOException {
        // Whole records only: the kernel hands out whole records, a pipe in a test may not.
        ByteBuffer records = ByteBuffer.allocate(recordBytes * 64).order(ByteOrder.nativeOrder());
        int timeBytes = recordBytes - 8;
        while (!closed()) {
            if (channel.read(records) < 0) {
                return; // end of file: the device went away
            }
            records.flip();
            while (records.remaining() >= recordBytes) {
                int at = records.position();
                int type = Short.toUnsignedInt(records.getShort(at + timeBytes));
                int code = Short.toUnsignedInt(records.getShort(at + timeBytes + 2));
                int value = records.getInt(at + timeBytes + 4);
                records.position(at + recordBytes);
                OptionalInt typed = keyboard.event(type, code, value);
                if (typed.isPresent()) {
                    accept((char) typed.getAsInt());
                }
            }
            records.compact();
        }
    }
}
