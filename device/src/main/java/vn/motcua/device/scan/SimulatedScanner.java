package vn.motcua.device.scan;

import java.util.Objects;

/**
 * A scanner driven by text: {@link #scan(String)} types the text and a line end, as a real scanner would, through
 * the same bounded {@link ScannerLine}, and delivers on the caller's thread. Used by the terminal ({@code scan TEXT}),
 * the demo and tests.
 */
public final class SimulatedScanner implements Scanner {

    private final ScannerLine line = new ScannerLine(ScanParser.MAX_SCAN_BYTES);
    private ScanListener listener;

    @Override
    public synchronized void start(ScanListener listener) {
        if (this.listener != null) {
            throw new IllegalStateException("the simulated scanner is already started");
        }
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    /** Scans {@code text} (which may itself hold line ends, as a scanner may send several lines at once). */
    public synchronized void scan(String text) {
        if (listener == null) {
            throw new IllegalStateException("the simulated scanner is not started");
        }
        line.accept(text + "\n").forEach(listener::scanned);
    }

    @Override
    public void close() {
        // nothing is held: the text comes from the caller
    }
}
