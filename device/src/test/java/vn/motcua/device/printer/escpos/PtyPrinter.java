package vn.motcua.device.printer.escpos;

import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The printer at the far end of a {@link PtyPair}: every byte it receives goes into a {@link PrinterSimulator}, and
 * the simulator's status answers go back down the line, as a real printer answers {@code DLE EOT}.
 */
public final class PtyPrinter implements AutoCloseable {

    private final PrinterSimulator simulator;
    private final RandomAccessFile line;
    private final AtomicLong received = new AtomicLong();
    private final Thread reader;
    private volatile Throwable failure;

    public PtyPrinter(Path printerEnd, PrinterSimulator simulator) throws IOException {
        this.simulator = simulator;
        this.line = new RandomAccessFile(printerEnd.toFile(), "rw");
        this.reader = Thread.ofPlatform().daemon().name("pty-printer").start(this::serve);
    }

    public long received() {
        return received.get();
    }

    /** What went wrong in the printer, e.g. bytes the simulator does not understand. */
    public Throwable failure() {
        return failure;
    }

    private void serve() {
        byte[] buffer = new byte[8192];
        try {
            InputStream answers = simulator.input().orElseThrow();
            while (true) {
                int n = line.read(buffer);
                if (n < 0) {
                    return;
                }
                simulator.output().write(buffer, 0, n);
                received.addAndGet(n);
                while (answers.available() > 0) {
                    line.write(answers.read());
                }
            }
        } catch (IOException e) {
            // the cable was unplugged (socat stopped): the printer end reads EIO
        } catch (RuntimeException e) {
            failure = e;
        }
    }

    @Override
    public void close() throws IOException {
        line.close();
    }
}
