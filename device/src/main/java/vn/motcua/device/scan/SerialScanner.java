package vn.motcua.device.scan;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import com.fazecast.jSerialComm.SerialPort;

/**
 * A scanner in USB-CDC (virtual COM) or RS-232 mode, read through jSerialComm: {@code baud} 8N1, no flow control,
 * UTF-8 text, each line ended by CR, LF or CR LF. Bytes that are not UTF-8 become U+FFFD, which the parser refuses,
 * so a garbled scan is rejected rather than altered. A line with no end for {@link #IDLE_LINE_END} is dropped (a
 * scanner without a suffix). When the port goes away (unplugged: a read returns -1) it is reopened with back-off.
 */
public final class SerialScanner extends DeviceScanner {

    /** How long one read waits for bytes; also how soon {@link #close()} is noticed. */
    static final int READ_TIMEOUT_MS = 200;
    /** Silence after which an unfinished line is dropped: a scanner sends a whole code in well under this. */
    static final Duration IDLE_LINE_END = Duration.ofSeconds(2);
    static final Duration MIN_BACKOFF = Duration.ofMillis(500);
    static final Duration MAX_BACKOFF = Duration.ofSeconds(5);

    private final int baud;

    /** A scanner on {@code port} (e.g. {@code /dev/ttyACM0}) at {@code baud} 8N1. */
    public SerialScanner(String port, int baud) {
        this(port, baud, MIN_BACKOFF, MAX_BACKOFF);
    }

    SerialScanner(String port, int baud, Duration minBackoff, Duration maxBackoff) {
        super(port, "scanner-" + Path.of(port).getFileName(), minBackoff, maxBackoff);
        if (baud < 1200 || baud > 921_600) {
            throw new IllegalArgumentException("baud must be 1200-921600, was " + baud);
        }
        this.baud = baud;
    }

    @Override
    protected Session open() throws IOException {
        // jSerialComm resolves a symlink (by-id path) when the port object is made: make one per try, so a scanner
        // plugged back in under a new ttyACMn is found through its stable link.
        if (!Files.exists(Path.of(path))) {
            throw new NoSuchFileException(path);
        }
        SerialPort port = SerialPort.getCommPort(path);
        if (!port.openPort()) {
            throw new IOException("cannot open " + path + " (error " + port.getLastErrorCode() + ")");
        }
        port.setComPortParameters(baud, 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        port.setFlowControl(SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, READ_TIMEOUT_MS, 0);
        return new Session() {
            @Override
            public void read() {
                readUntilGone(port);
            }

            @Override
            public void close() {
                port.closePort();
            }
        };
    }

    private void readUntilGone(SerialPort port) {
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPLACE)
                .onUnmappableCharacter(CodingErrorAction.REPLACE);
        byte[] buffer = new byte[256];
        ByteBuffer bytes = ByteBuffer.allocate(buffer.length + 8); // + the tail of a character split across reads
        CharBuffer chars = CharBuffer.allocate(bytes.capacity());
        long lastByte = System.nanoTime();
        while (!closed()) {
            int n = port.readBytes(buffer, buffer.length);
            if (n < 0) {
                return; // the port is gone
            }
            if (n == 0) {
                if (System.nanoTime() - lastByte > IDLE_LINE_END.toNanos()) {
                    dropPartialLine();
                    utf8.reset();
                    bytes.clear();
                }
                continue;
            }
            lastByte = System.nanoTime();
            bytes.put(buffer, 0, n).flip();
            utf8.decode(bytes, chars, false);
            bytes.compact();
            accept(chars.flip());
            chars.clear();
        }
    }
}
