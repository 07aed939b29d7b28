package vn.motcua.hub.store;

import java.util.Locale;

import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/** A transaction did not commit; everything it held was rolled back. Says why, as an administrator must act on it. */
public final class CommitFailedException extends RuntimeException {

    /** Why a commit failed; {@link #label()} is the value of the metric's {@code reason} label. */
    public enum Reason {
        /** The disk, or the file size the process may write, is full: free space (see docs/operations.md). */
        FULL,
        /** The storage failed to read, write or sync: check the SD card or disk. */
        IO,
        /** Anything else (a constraint, a bug): read the log. */
        OTHER;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private static final int SQLITE_IOERR = 10;
    private static final int PRIMARY_CODE_BITS = 0xff;

    private final Reason reason;

    private CommitFailedException(Reason reason, Throwable cause) {
        super("transaction rolled back (" + reason.label() + "): " + cause.getMessage(), cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }

    /** Classifies {@code cause} by the first SQLite result code in its chain, looking at {@code room} for I/O errors. */
    static CommitFailedException of(Throwable cause, StorageRoom room) {
        return new CommitFailedException(reason(cause, room), cause);
    }

    private static Reason reason(Throwable cause, StorageRoom room) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof SQLiteException sqlite) {
                SQLiteErrorCode code = sqlite.getResultCode();
                if (code == SQLiteErrorCode.SQLITE_FULL) {
                    return Reason.FULL;
                }
                if ((code.code & PRIMARY_CODE_BITS) == SQLITE_IOERR) {
                    return room.exhausted() ? Reason.FULL : Reason.IO;
                }
                return Reason.OTHER;
            }
        }
        return Reason.OTHER;
    }
}
