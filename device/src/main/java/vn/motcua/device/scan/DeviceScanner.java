package vn.motcua.device.scan;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;
import java.util.Objects;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A scanner on a device file that may come and go (USB scanners are unplugged and plugged back): one daemon thread
 * opens the device, reads lines until it is gone, then tries again after a back-off that doubles from
 * {@code minBackoff} to {@code maxBackoff}. A missing device at start is the same case, so a unit starts without its
 * scanner and picks it up when it is plugged in. Lines are assembled in one bounded {@link ScannerLine}.
 */
abstract class DeviceScanner implements Scanner {

    private static final Logger log = LoggerFactory.getLogger(DeviceScanner.class);
    private static final Duration STOP_WAIT = Duration.ofSeconds(2);

    /** The device's path, for logs. */
    protected final String path;
    private final String threadName;
    private final Duration minBackoff;
    private final Duration maxBackoff;
    private final ScannerLine line = new ScannerLine(ScanParser.MAX_SCAN_BYTES);
    private volatile boolean closed;
    private Thread thread;
    private ScanListener listener;

    /** What reads one opened device until it is gone (returns) or fails (throws). */
    protected interface Session extends Closeable {
        void read() throws IOException;
    }

    DeviceScanner(String path, String threadName, Duration minBackoff, Duration maxBackoff) {
        this.path = Objects.requireNonNull(path, "path");
        this.threadName = threadName;
        if (minBackoff.isNegative() || minBackoff.isZero() || maxBackoff.compareTo(minBackoff) < 0) {
            throw new IllegalArgumentException("back-off must be 0 < min <= max, was " + minBackoff + ", " + maxBackoff);
        }
        this.minBackoff = minBackoff;
        this.maxBackoff = maxBackoff;
    }

    /** Opens the device; throws when it is not there (yet). */
    protected abstract Session open() throws IOException;

    @Override
    public synchronized void start(ScanListener listener) {
        if (thread != null) {
            throw new IllegalStateException(threadName + " is already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
        thread = Thread.ofPlatform().name(threadName).daemon().start(this::run);
    }

    @Override
    public void close() {
        Thread running;
        synchronized (this) {
            closed = true;
            running = thread;
        }
        if (running == null || running == Thread.currentThread()) {
            return;
        }
        running.interrupt(); // ends a back-off wait, and a blocking read on an interruptible channel
        try {
            if (!running.join(STOP_WAIT)) {
                log.warn("{} did not stop within {} (blocked opening {}?)", threadName, STOP_WAIT, path);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** True once {@link #close()} was called: sessions poll it between reads. */
    protected boolean closed() {
        return closed;
    }

    /** Takes characters read from the device; delivers each line they end. */
    protected void accept(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            accept(chars.charAt(i));
        }
    }

    /** Takes one character read from the device; delivers the line it ends, if it ends one. */
    protected void accept(char c) {
        line.accept(c).ifPresent(this::deliver);
    }

    /** Drops a partial line, e.g. one a scanner without a line-end suffix left hanging. */
    protected void dropPartialLine() {
        if (line.pending() > 0) {
            log.warn("{}: dropped {} characters without a line end; set the scanner's suffix to CR or Enter", path,
                    line.pending());
            line.clear();
        }
    }

    private void deliver(ScannerLine.Line scanned) {
        try {
            listener.scanned(scanned);
        } catch (RuntimeException e) {
            log.error("{}: handling a scan failed; the scanner keeps reading", path, e);
        }
    }

    private void run() {
        Duration backoff = minBackoff;
        boolean reported = false; // log an outage once, not at every retry
        while (!closed) {
            try (Session session = open()) {
                log.info("{}: scanner opened", path);
                reported = false;
                backoff = minBackoff;
                session.read();
                if (!closed) {
                    log.warn("{}: scanner gone (unplugged?); reopening", path);
                }
            } catch (IOException | RuntimeException e) {
                if (closed) {
                    break;
                }
                if (!reported) {
                    log.warn("{}: scanner not available ({}); retrying every {} s at most", path, e.toString(),
                            maxBackoff.toSeconds());
                    reported = true;
                }
            }
            dropPartialLine();
            if (!pause(backoff)) {
                break;
            }
            backoff = backoff.multipliedBy(2).compareTo(maxBackoff) > 0 ? maxBackoff : backoff.multipliedBy(2);
        }
        log.info("{}: scanner closed", path);
    }

    /** Waits {@code backoff} before reopening; false when closed meanwhile. */
    private boolean pause(Duration backoff) {
        try {
            Thread.sleep(backoff); // a real wait between tries on a device that is not there, ended early by close()
            return !closed;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
