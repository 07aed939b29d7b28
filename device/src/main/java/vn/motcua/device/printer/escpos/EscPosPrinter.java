package vn.motcua.device.printer.escpos;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import vn.motcua.device.printer.TicketPrinter;
import vn.motcua.device.printer.TicketView;
import vn.motcua.protocol.message.EventBody.PrinterStatus;

/**
 * A thermal ESC/POS printer: each ticket is rendered by {@link TicketRaster} and sent as one {@code GS v 0}
 * image, then fed and partially cut. With native QR the raster leaves the status link's QR code out and the job is
 * image above, centred {@code GS ( k} QR, image below: fewer bytes (a serial line sends the ticket faster) and a
 * QR drawn by the printer, but only printers that implement {@code GS ( k} print it. Not thread-safe: the kiosk
 * calls it from its printer thread only.
 */
public final class EscPosPrinter implements TicketPrinter {

    /** Dots fed before the cut so the last line clears the blade (about 3 mm at 203 dpi). */
    static final int FEED_BEFORE_CUT = 24;

    private final PrinterPort port;
    private final TicketRaster raster;
    private final Duration statusTimeout;
    private final boolean nativeQr;

    /** A printer with the QR code drawn into the raster, which every printer prints. */
    public EscPosPrinter(PrinterPort port, PaperWidth paper, Duration statusTimeout) {
        this(port, paper, statusTimeout, false);
    }

    /**
     * @param paper         the roll width the printer holds
     * @param statusTimeout how long {@link #status()} waits for each answer; 200-500 ms suits USB and serial
     * @param nativeQr      send the QR code as {@code GS ( k} for the printer to draw
     */
    public EscPosPrinter(PrinterPort port, PaperWidth paper, Duration statusTimeout, boolean nativeQr) {
        this.nativeQr = nativeQr;
        this.port = Objects.requireNonNull(port, "port");
        this.raster = new TicketRaster(Objects.requireNonNull(paper, "paper"));
        if (statusTimeout.isNegative() || statusTimeout.isZero()) {
            throw new IllegalArgumentException("statusTimeout must be positive, was " + statusTimeout);
        }
        this.statusTimeout = statusTimeout;
    }

    @Override
    public void print(TicketView ticket) {
        ByteArrayOutputStream job = new ByteArrayOutputStream();
        job.writeBytes(EscPosEncoder.init());
        Optional<TicketRaster.AroundQr> parts = nativeQr ? raster.renderAroundQr(ticket) : Optional.empty();
        if (parts.isPresent()) {
            job.writeBytes(EscPosEncoder.raster(parts.get().above()));
            job.writeBytes(EscPosEncoder.justify(EscPosEncoder.Justification.CENTER));
            job.writeBytes(EscPosEncoder.qrCode(parts.get().qrData(), parts.get().moduleDots(), TicketQr.LEVEL));
            job.writeBytes(EscPosEncoder.justify(EscPosEncoder.Justification.LEFT));
            job.writeBytes(EscPosEncoder.raster(parts.get().below()));
        } else {
            job.writeBytes(EscPosEncoder.raster(raster.render(ticket)));
        }
        job.writeBytes(EscPosEncoder.partialCut(FEED_BEFORE_CUT));
        try {
            OutputStream out = port.output();
            job.writeTo(out);
            out.flush();
        } catch (IOException e) {
            throw new UncheckedIOException("ticket " + ticket.ticket() + " not sent to the printer", e);
        }
    }

    /**
     * Asks the printer for its state with {@code DLE EOT 1, 2, 4}. Empty when the port cannot read, or the
     * printer did not answer all three within the status timeout (off, unplugged, or a one-way connection).
     */
    public Optional<PrinterStatus> status() {
        Optional<InputStream> input = port.input();
        if (input.isEmpty()) {
            return Optional.empty();
        }
        try {
            drain(input.get());
            int printer = ask(EscPosEncoder.STATUS_PRINTER, input.get());
            int offline = printer < 0 ? -1 : ask(EscPosEncoder.STATUS_OFFLINE_CAUSE, input.get());
            int paper = offline < 0 ? -1 : ask(EscPosEncoder.STATUS_PAPER_SENSOR, input.get());
            if (paper < 0) {
                return Optional.empty();
            }
            return Optional.of(EscPosStatus.parse(printer, offline, paper));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read printer status", e);
        }
    }

    private int ask(int selector, InputStream in) throws IOException {
        OutputStream out = port.output();
        out.write(EscPosEncoder.statusRequest(selector));
        out.flush();
        long deadline = System.nanoTime() + statusTimeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (in.available() > 0) {
                return in.read();
            }
            try {
                // usblp and many serial ports have no read timeout: poll available() briefly, bounded by the deadline.
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        return -1;
    }

    /** Drops late answers to earlier requests so they are not read as this one's. */
    private static void drain(InputStream in) throws IOException {
        while (in.available() > 0) {
            in.read();
        }
    }
}
