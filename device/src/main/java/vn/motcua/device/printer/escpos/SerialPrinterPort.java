package vn.motcua.device.printer.escpos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortInvalidPortException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A printer on a serial line through jSerialComm: {@code /dev/ttyUSB0} (USB-serial adapter), {@code /dev/ttyAMA0} or
 * {@code /dev/serial0} (the Pi's UART, TTL levels), best named by {@code /dev/serial/by-id/…} so it survives
 * re-plugging. Used from the kiosk's printer thread only.
 *
 * <p>Writes never hang: on Linux jSerialComm has no write timeout, so {@link ChunkedWriter} feeds the line and
 * fails a write once the printer has taken nothing for the stall timeout (paper out, cover open, CTS not wired).
 * Reads wait at most the read timeout.
 *
 * <p>After a failure (adapter unplugged, printer switched off) the port is closed; the next write or status read
 * opens it again, so printing resumes by itself once the printer is back.
 */
public final class SerialPrinterPort implements PrinterPort {

    private static final Logger log = LoggerFactory.getLogger(SerialPrinterPort.class);

    /** Below this a ticket takes over 5 s on the wire (measured jobs: 20 KB at 58 mm, 55 KB at 80 mm). */
    static final int SLOW_BAUD = 38400;
    /** A thermal printer busy printing holds CTS low for a second or two; longer means it stopped. */
    public static final Duration DEFAULT_STALL_TIMEOUT = Duration.ofSeconds(5);

    private final Path device;
    private final SerialSettings settings;
    private final Duration readTimeout;
    private final ChunkedWriter writer;
    private final OutputStream output = new Output();
    private final InputStream input = new Input();
    private SerialPort port;

    private SerialPrinterPort(Path device, SerialSettings settings, Duration readTimeout, Duration stallTimeout) {
        this.device = device;
        this.settings = settings;
        this.readTimeout = readTimeout;
        this.writer = new ChunkedWriter(stallTimeout, settings.millisFor(ChunkedWriter.CHUNK), device.toString());
    }

    /**
     * Opens {@code device} with {@code settings}; the user needs to be in the {@code dialout} group.
     *
     * @param readTimeout  the longest a status read waits (jSerialComm rounds it to 100 ms on Linux)
     * @param stallTimeout how long the printer may accept nothing before a write fails
     * @throws NoSuchFileException when there is no such device (adapter unplugged)
     * @throws IOException         when it cannot be opened (permissions, busy)
     */
    public static SerialPrinterPort open(Path device, SerialSettings settings, Duration readTimeout,
                                         Duration stallTimeout) throws IOException {
        Objects.requireNonNull(settings, "settings");
        if (readTimeout.isNegative() || readTimeout.isZero() || stallTimeout.isNegative() || stallTimeout.isZero()) {
            throw new IllegalArgumentException("timeouts must be positive, were " + readTimeout + ", " + stallTimeout);
        }
        SerialPrinterPort printer = new SerialPrinterPort(device, settings, readTimeout, stallTimeout);
        printer.connect();
        if (settings.baud() < SLOW_BAUD) {
            log.warn("{}: a raster ticket is 20-55 KB, {}-{} s at {} baud; set the printer to 115200 baud", printer,
                    settings.millisFor(20_000) / 1000, settings.millisFor(55_000) / 1000, settings.baud());
        }
        return printer;
    }

    @Override
    public OutputStream output() {
        return output;
    }

    @Override
    public Optional<InputStream> input() {
        return Optional.of(input);
    }

    @Override
    public synchronized void close() {
        if (port != null) {
            port.closePort();
            port = null;
        }
    }

    @Override
    public String toString() {
        return device + " at " + settings.baud() + " baud, " + settings.flowControl().configName();
    }

    private synchronized SerialPort connected() throws IOException {
        if (port == null) {
            connect();
            log.info("printer port {} open again", this);
        }
        return port;
    }

    private void connect() throws IOException {
        if (!Files.exists(device)) {
            throw new NoSuchFileException(device.toString(), null, "no serial port there: is the printer's cable "
                    + "or USB-serial adapter plugged in?");
        }
        SerialPort candidate;
        try {
            candidate = SerialPort.getCommPort(device.toString());
        } catch (SerialPortInvalidPortException e) {
            throw new IOException(device + " is not a serial port: " + e.getMessage(), e);
        }
        candidate.setComPortParameters(settings.baud(), 8, SerialPort.ONE_STOP_BIT, SerialPort.NO_PARITY);
        candidate.setFlowControl(settings.flowControl().jSerialCommFlags());
        candidate.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING, (int) readTimeout.toMillis(), 0);
        if (!candidate.openPort()) {
            throw new IOException("cannot open " + device + " (errno " + candidate.getLastErrorCode()
                    + "): is the user in the dialout group, or is another program using the port?");
        }
        port = candidate;
    }

    /** Closes a port that failed, so the next use opens it afresh. */
    private synchronized IOException broken(SerialPort failed, String what) {
        int errno = failed.getLastErrorCode();
        failed.closePort();
        if (port == failed) {
            port = null;
        }
        return new IOException(what + " on " + device + " failed (errno " + errno + "): unplugged or switched off?");
    }

    private void send(byte[] b, int off, int len) throws IOException {
        SerialPort p = connected();
        writer.write(new ChunkedWriter.Line() {
            @Override
            public int queued() throws IOException {
                int queued = p.bytesAwaitingWrite();
                if (queued < 0) {
                    throw broken(p, "writing");
                }
                return queued;
            }

            @Override
            public int write(byte[] bytes, int offset, int length) throws IOException {
                int written = p.writeBytes(bytes, length, offset);
                if (written < 0) {
                    throw broken(p, "writing");
                }
                return written;
            }
        }, b, off, len);
    }

    private final class Output extends OutputStream {
        @Override
        public void write(int b) throws IOException {
            send(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            send(b, off, len);
        }
    }

    private final class Input extends InputStream {
        @Override
        public int available() throws IOException {
            SerialPort p = connected();
            int available = p.bytesAvailable();
            if (available < 0) {
                throw broken(p, "reading");
            }
            return available;
        }

        /** One byte, or -1 when none arrives within the read timeout. */
        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) == 1 ? one[0] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            Objects.checkFromIndexSize(off, len, b.length);
            if (len == 0) {
                return 0;
            }
            SerialPort p = connected();
            int read = p.readBytes(b, len, off);
            if (read < 0) {
                throw broken(p, "reading");
            }
            return read == 0 ? -1 : read;
        }
    }
}
