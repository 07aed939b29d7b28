package vn.motcua.device;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.message.ServingPhase;

/** Wire values tests share: a commune office's catalogue, a ticket, counter states. */
public final class Samples {

    public static final OffsetDateTime MORNING = OffsetDateTime.parse("2026-11-23T08:15:02+07:00");
    public static final String OFFICE = "UBND xã Nghi Lộc";

    private Samples() {
    }

    /** The hub's presence while it serves, as it publishes it on {@code hub/status}. */
    public static DeviceStatus hubOnline() {
        return new DeviceStatus(true, Optional.empty(), Optional.of("motcua-hub test"), Optional.of(MORNING));
    }

    public static ServiceCatalogue catalogue() {
        return new ServiceCatalogue(OFFICE, List.of(
                new ServiceCatalogue.Entry("DD", "1", "Đất đai", "Land", true, 5, Optional.of(12)),
                new ServiceCatalogue.Entry("HT", "2", "Hộ tịch", "Civil status", true, 0, Optional.empty())),
                MORNING);
    }

    /** Ticket 1-023 for land, five ahead, about twelve minutes. */
    public static ResponseBody.TicketIssued ticket() {
        return new ResponseBody.TicketIssued("1-023", "DD", 23, 5, Optional.of(12), MORNING, Optional.empty(),
                Optional.empty());
    }

    public static CounterState serving(int counter, String ticket) {
        return new CounterState(counter, CounterStatus.OPEN, Optional.of(new CounterState.Current(ticket, "DD",
                ServingPhase.CALLED, 0, MORNING)), MORNING);
    }

    /** Counter {@code counter}, open, with {@code ticket} at it in {@code phase}. */
    public static CounterState atCounter(int counter, String ticket, ServingPhase phase) {
        return new CounterState(counter, CounterStatus.OPEN, Optional.of(new CounterState.Current(ticket, "DD",
                phase, 0, MORNING)), MORNING);
    }

    /** Counter {@code counter}, open, nobody at it. */
    public static CounterState open(int counter) {
        return new CounterState(counter, CounterStatus.OPEN, Optional.empty(), MORNING);
    }

    public static CounterState paused(int counter) {
        return new CounterState(counter, CounterStatus.PAUSED, Optional.empty(), MORNING);
    }
}
