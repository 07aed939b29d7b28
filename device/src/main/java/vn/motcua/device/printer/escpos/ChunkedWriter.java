package vn.motcua.device.printer.escpos;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;

/**
 * Feeds a serial line in small chunks so that a write never blocks on a printer that stopped taking data: a chunk
 * goes out only while the driver's output queue has room, and the write fails once the queue has not moved for
 * the stall timeout. Linux has no write timeout on a tty (a {@code write()} waits for as long as the printer holds
 * CTS low), so this is the timeout. Stateless between writes; one thread at a time.
 */
final class ChunkedWriter {

    /** Bytes handed to the driver at once: small enough that {@code write()} never waits for room. */
    static final int CHUNK = 256;
    /** The driver's queue is topped up to this; UART and USB-serial drivers hold 4 KB or more. */
    static final int MAX_QUEUED = 1024;

    /** The driver side of a serial line. */
    interface Line {
        /** Bytes written but not yet sent on the wire (TIOCOUTQ). */
        int queued() throws IOException;

        /** Writes up to {@code len} bytes; returns how many it took. */
        int write(byte[] b, int off, int len) throws IOException;
    }

    private final Duration stallTimeout;
    private final long pauseMillis;
    private final String stalledHint;

    /**
     * @param pauseMillis how long to wait for the queue to drain between checks: about one chunk's time on the wire
     * @param stalledHint what the failure says about the printer, e.g. its port
     */
    ChunkedWriter(Duration stallTimeout, long pauseMillis, String stalledHint) {
        this.stallTimeout = stallTimeout;
        this.pauseMillis = Math.max(1, pauseMillis);
        this.stalledHint = stalledHint;
    }

    void write(Line line, byte[] b, int off, int len) throws IOException {
        long lastProgress = System.nanoTime();
        int lastQueued = Integer.MAX_VALUE;
        while (len > 0) {
            int queued = line.queued();
            if (queued + CHUNK <= MAX_QUEUED) {
                int written = line.write(b, off, Math.min(CHUNK, len));
                off += written;
                len -= written;
                lastProgress = System.nanoTime();
            } else {
                if (queued < lastQueued) {
                    lastProgress = System.nanoTime();
                }
                if (System.nanoTime() - lastProgress > stallTimeout.toNanos()) {
                    throw new IOException("the printer on " + stalledHint + " took no data for "
                            + stallTimeout.toMillis() + " ms (" + queued + " bytes waiting): paper out, cover open, "
                            + "or CTS not wired?");
                }
                pause();
            }
            lastQueued = queued;
        }
    }

    private void pause() throws InterruptedIOException {
        try {
            // The queue drains at line speed; a chunk's time is the right granularity to top it up again.
            Thread.sleep(pauseMillis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while the printer was busy");
        }
    }
}
