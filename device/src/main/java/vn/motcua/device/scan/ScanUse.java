package vn.motcua.device.scan;

import java.util.Optional;

/** What one role of a unit does with a scan it understands (kiosk: appointments, cards; counter: badges, tickets). */
public interface ScanUse {

    /**
     * Acts on {@code scan} (sends its request, grants its priority) and returns empty, or returns why this role does
     * not take it ({@link Rejected.Code#NOT_FOR_UNIT}). Must not block: requests complete later.
     */
    Optional<Rejected> use(Scan scan);
}
