package vn.motcua.device.store;

/** A unit's local SQLite file could not be opened, read or written (damaged file, full or read-only disk). */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
