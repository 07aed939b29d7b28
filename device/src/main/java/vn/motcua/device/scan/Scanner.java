package vn.motcua.device.scan;

/**
 * A QR scanner: delivers each scanned line (or the news that a line was too long) to one listener. Drivers: serial
 * ({@link SerialScanner}), HID keyboard mode through Linux evdev ({@link EvdevScanner}) and the
 * {@link SimulatedScanner}. What a line means is decided elsewhere ({@link ScanParser}, the roles).
 */
public interface Scanner extends AutoCloseable {

    /** Starts delivering lines to {@code listener}; may be called once. */
    void start(ScanListener listener);

    /** Stops reading and releases the device; safe to call more than once. */
    @Override
    void close();
}
