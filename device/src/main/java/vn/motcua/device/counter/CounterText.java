package vn.motcua.device.counter;

import vn.motcua.device.link.HubUnreachableException;
import vn.motcua.protocol.message.CounterState;

/** What a counter display says, in Vietnamese; text displays show it as is, segment displays the number part. */
public final class CounterText {

    /** Shown while the hub is gone (its presence says offline) or the unit's own link is down. */
    public static final String OFFLINE = HubUnreachableException.MESSAGE;
    /** {@link #OFFLINE} broken for a 16-column LCD. */
    public static final String OFFLINE_FIRST_LINE = "Mất kết nối với";
    public static final String OFFLINE_SECOND_LINE = "máy chủ";
    public static final String STARTING = "Đang kết nối";
    /** An open counter with nobody at it shows dashes, as a seven-segment display would. */
    static final String IDLE = "---";

    private CounterText() {
    }

    /** E.g. "Quầy 3 · 1-023", "Quầy 3 · Tạm nghỉ", "Quầy 3 · Đóng". */
    public static String of(CounterState state) {
        String what = switch (state.status()) {
            case OPEN -> state.current().map(CounterState.Current::ticket).orElse(IDLE);
            case PAUSED -> "Tạm nghỉ";
            case CLOSED -> "Đóng";
        };
        return "Quầy " + state.counter() + " · " + what;
    }
}
