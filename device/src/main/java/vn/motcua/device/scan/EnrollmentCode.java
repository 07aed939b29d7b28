package vn.motcua.device.scan;

import java.util.Base64;
import java.util.regex.Pattern;

/**
 * A provisioning code shown to a new unit: {@code MOTCUA-ENROLL:} followed by an unpadded or padded base64url
 * payload of at most {@value #MAX_PAYLOAD_BYTES} bytes. Only recognised and bounded here; the provisioning feature
 * defines what the payload holds. {@link #toString()} never shows the payload, which may carry a secret.
 */
public record EnrollmentCode(String payload) implements Scan {

    public static final String PREFIX = "MOTCUA-ENROLL:";
    public static final int MAX_PAYLOAD_BYTES = 1024;
    /** Longest base64 text of {@value #MAX_PAYLOAD_BYTES} bytes, with padding. */
    static final int MAX_PAYLOAD_CHARS = (MAX_PAYLOAD_BYTES + 2) / 3 * 4;
    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]+={0,2}");

    public EnrollmentCode {
        if (payload == null || payload.length() > MAX_PAYLOAD_CHARS || !FORMAT.matcher(payload).matches()) {
            throw new IllegalArgumentException("enrollment payload must be base64url of at most 1024 bytes");
        }
        int bytes = Base64.getUrlDecoder().decode(payload).length;
        if (bytes == 0 || bytes > MAX_PAYLOAD_BYTES) {
            throw new IllegalArgumentException("enrollment payload must be 1-1024 bytes, was " + bytes);
        }
    }

    /** The decoded payload, a fresh copy on each call. */
    public byte[] payloadBytes() {
        return Base64.getUrlDecoder().decode(payload);
    }

    @Override
    public String toString() {
        return "EnrollmentCode[" + payloadBytes().length + " bytes]";
    }
}
