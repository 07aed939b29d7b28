package vn.motcua.device.printer.escpos;

import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * A printer behind a device file, typically {@code /dev/usb/lp0} (Linux {@code usblp}, bidirectional). Status
 * answers are read from the same file; a printer that sends none simply reports no status.
 */
public final class FilePrinterPort implements PrinterPort {

    private final Path device;
    private final RandomAccessFile file;
    private final OutputStream output;
    private final InputStream input;

    private FilePrinterPort(Path device, RandomAccessFile file) throws IOException {
        this.device = device;
        this.file = file;
        this.output = new FileOutputStream(file.getFD());
        this.input = new FileInputStream(file.getFD());
    }

    /**
     * Opens {@code device} for reading and writing; the user needs to be in the {@code lp} group.
     *
     * @throws NoSuchFileException when it does not exist (printer unplugged): it is never created
     */
    public static FilePrinterPort open(Path device) throws IOException {
        if (!Files.exists(device)) {
            throw new NoSuchFileException(device.toString(), null, "no printer there: is it plugged in and on?");
        }
        return new FilePrinterPort(device, new RandomAccessFile(device.toFile(), "rw"));
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
    public String toString() {
        return device.toString();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
