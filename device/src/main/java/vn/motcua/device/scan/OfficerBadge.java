package vn.motcua.device.scan;

import java.util.Objects;

import vn.motcua.protocol.message.Codes;

/**
 * An officer's badge: {@code MOTCUA-OFFICER:} followed by the officer's staff code ({@link Codes#OFFICER_PATTERN},
 * e.g. {@code MOTCUA-OFFICER:lan.nt}). The prefix keeps a staff code such as {@code CB-00042} from being taken for an
 * appointment token. A staff code is not personal data in the protocol's sense (it is logged and reported on), so
 * {@link #toString()} shows it.
 */
public record OfficerBadge(String officer) implements Scan {

    public static final String PREFIX = "MOTCUA-OFFICER:";

    public OfficerBadge {
        Objects.requireNonNull(officer, "officer");
        if (!Codes.isOfficer(officer)) {
            throw new IllegalArgumentException("officer code must match " + Codes.OFFICER_PATTERN);
        }
    }
}
