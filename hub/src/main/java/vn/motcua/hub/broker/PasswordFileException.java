package vn.motcua.hub.broker;

/** A password file that cannot be used; the message names the file and, for a bad line, its number. */
public final class PasswordFileException extends RuntimeException {

    PasswordFileException(String message) {
        super(message);
    }
}
