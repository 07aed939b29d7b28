package vn.motcua.device;

import java.time.ZoneId;

/** Offices keep Vietnam's time; tickets, request stamps and status times are shown and stamped in it. */
public final class OfficeTime {

    public static final ZoneId ZONE = ZoneId.of("Asia/Ho_Chi_Minh");

    private OfficeTime() {
    }
}
