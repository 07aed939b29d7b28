package vn.motcua.hub.site;

/** An office profile that cannot be used; the message names the file, the field and what is wrong. */
public final class OfficeConfigException extends RuntimeException {

    public OfficeConfigException(String message) {
        super(message);
    }
}
