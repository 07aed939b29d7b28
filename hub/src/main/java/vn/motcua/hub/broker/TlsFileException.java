package vn.motcua.hub.broker;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** A broker certificate or key file that cannot be used; the message starts with the file's path. */
public final class TlsFileException extends RuntimeException {

    TlsFileException(Path file, String problem) {
        super(file + ": " + problem);
    }

    /** Why {@code file} could not be read, in the words an administrator acts on. */
    static TlsFileException unreadable(Path file, IOException e) {
        return switch (e) {
            case NoSuchFileException missing -> new TlsFileException(file, "does not exist");
            case AccessDeniedException denied -> new TlsFileException(file, "cannot be read by this user ("
                    + System.getProperty("user.name") + ")");
            default -> new TlsFileException(file, "cannot be read (" + e + ")");
        };
    }
}
