package vn.motcua.device.printer.escpos;

import java.io.Closeable;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.Optional;

/**
 * Where ESC/POS bytes go: a USB printer device file, a serial line, or {@link PrinterSimulator}. Used from the
 * kiosk's printer thread only.
 */
public interface PrinterPort extends Closeable {

    /** The stream to the printer. */
    OutputStream output();

    /** The stream from the printer, when the connection carries status answers back. */
    Optional<InputStream> input();
}
