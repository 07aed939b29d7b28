package vn.motcua.device.scan;

import java.util.regex.Pattern;

/**
 * An appointment booked ahead, in the token format the hub's appointment inbox uses: 8–64 of {@code [A-Za-z0-9_-]}.
 * {@link #toString()} shows only the first four characters, since the token is the citizen's key to the booking.
 */
public record AppointmentToken(String token) implements Scan {

    static final Pattern FORMAT = Pattern.compile("[A-Za-z0-9_-]{8,64}");

    public AppointmentToken {
        if (token == null || !FORMAT.matcher(token).matches()) {
            throw new IllegalArgumentException("appointment token must be 8-64 of [A-Za-z0-9_-]");
        }
    }

    @Override
    public String toString() {
        return "AppointmentToken[" + token.substring(0, 4) + "…]";
    }
}
