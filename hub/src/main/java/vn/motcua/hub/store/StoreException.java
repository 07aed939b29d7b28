package vn.motcua.hub.store;

/** The database failed; whatever the failing transaction held was rolled back. */
public final class StoreException extends RuntimeException {

    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
