package vn.motcua.device.scan;

/** Receives the lines a {@link Scanner} reads, on the scanner's thread; must not block for long. */
@FunctionalInterface
public interface ScanListener {

    void scanned(ScannerLine.Line line);
}
