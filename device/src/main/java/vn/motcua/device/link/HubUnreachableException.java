package vn.motcua.device.link;

/**
 * A request that needs the hub was refused on the unit, at once, because the hub is known to be gone: its presence
 * says offline, or the unit's own link to the broker is down. Nothing was sent. The message is what the unit shows.
 */
public final class HubUnreachableException extends LinkException {

    /** What a unit shows and says while the hub cannot be reached (docs/device.md). */
    public static final String MESSAGE = "Mất kết nối với máy chủ";

    public HubUnreachableException() {
        super(MESSAGE);
    }
}
