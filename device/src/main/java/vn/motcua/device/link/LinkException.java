package vn.motcua.device.link;

/** The link could not do what was asked: the broker was unreachable, a message could not be sent, or it is closed. */
public class LinkException extends RuntimeException {

    public LinkException(String message) {
        super(message);
    }

    public LinkException(String message, Throwable cause) {
        super(message, cause);
    }
}
