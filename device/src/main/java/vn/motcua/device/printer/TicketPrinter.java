package vn.motcua.device.printer;

/**
 * The kiosk's ticket printer. Implementations: {@link SimulatedPrinter} now; an ESC/POS raster driver for real
 * thermal printers later. The kiosk calls it from its single printer thread, so implementations need not be
 * thread-safe with respect to printing.
 */
@FunctionalInterface
public interface TicketPrinter {

    /** Prints one ticket; throws an unchecked exception when it could not, which the kiosk reports to the caller. */
    void print(TicketView ticket);
}
