package vn.motcua.protocol.message;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

import vn.motcua.protocol.Ulid;

/**
 * One valid instance of every wire record, in a "full" form (every optional field present) and a "minimal" form
 * (every optional field absent). The switches over {@link Operation} and {@link EventType} have no default branch,
 * so adding an operation or event type without a sample does not compile.
 */
public final class Samples {

    public static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);
    /** 2026-11-23 08:15:02 in Hanoi: a Monday morning peak. */
    public static final OffsetDateTime T0 = OffsetDateTime.of(2026, 11, 23, 8, 15, 2, 0, VIETNAM);
    public static final String ID = ids().next();

    private Samples() {
    }

    /** A deterministic ULID generator frozen at {@link #T0}. */
    public static Ulid ids() {
        return new Ulid(Clock.fixed(T0.toInstant(), ZoneOffset.UTC), new Random(7));
    }

    public static OffsetDateTime at(int hour, int minute, int second) {
        return OffsetDateTime.of(2026, 11, 23, hour, minute, second, 0, VIETNAM);
    }

    public static RequestBody fullRequestBody(Operation op) {
        return switch (op) {
            case TICKET_ISSUE -> new RequestBody.TicketIssue("HT", Optional.of("ELDERLY"));
            case TICKET_ISSUE_OFFLINE -> new RequestBody.TicketIssueOffline("HT", 901, at(8, 1, 30), Optional.of("PREGNANT"));
            case APPOINTMENT_CHECKIN -> new RequestBody.AppointmentCheckin("APT-7Q4K-2026-11-23-0930");
            case COUNTER_NEXT -> new RequestBody.CounterNext(4);
            case COUNTER_CALL_TICKET -> new RequestBody.CounterCallTicket(4, "2-017");
            case COUNTER_RECALL -> new RequestBody.CounterRecall(4);
            case COUNTER_START -> new RequestBody.CounterStart(4);
            case COUNTER_DONE -> new RequestBody.CounterDone(4, Optional.of("H15.50.05.13-261123-0975"));
            case COUNTER_NO_SHOW -> new RequestBody.CounterNoShow(4);
            case COUNTER_TRANSFER -> new RequestBody.CounterTransfer(4, Optional.of("CT"), Optional.empty());
            case COUNTER_HOLD -> new RequestBody.CounterHold(4, Optional.of("Thiếu bản sao CCCD"));
            case COUNTER_PAUSE -> new RequestBody.CounterPause(4, Optional.of("Họp giao ban"));
            case COUNTER_RESUME -> new RequestBody.CounterResume(4);
            case RATING_SUBMIT -> new RequestBody.RatingSubmit(4, "RAT_HAI_LONG", Optional.of("2-001"));
            case LEASE_RENEW -> new RequestBody.LeaseRenew("HT", 50);
            case COUNTER_SIGN_IN -> new RequestBody.CounterSignIn(4, "lan.nt");
            case COUNTER_SIGN_OUT -> new RequestBody.CounterSignOut(4);
            case COUNTER_UNDO -> new RequestBody.CounterUndo(4);
            case COUNTER_ADD_SERVICE -> new RequestBody.CounterAddService(4, "CT");
            case TICKET_CANCEL -> new RequestBody.TicketCancel("2-031");
        };
    }

    public static RequestBody minimalRequestBody(Operation op) {
        return switch (op) {
            case TICKET_ISSUE -> new RequestBody.TicketIssue("HT", Optional.empty());
            case TICKET_ISSUE_OFFLINE -> new RequestBody.TicketIssueOffline("HT", 901, at(8, 1, 30), Optional.empty());
            case COUNTER_DONE -> new RequestBody.CounterDone(4, Optional.empty());
            case COUNTER_TRANSFER -> new RequestBody.CounterTransfer(4, Optional.empty(), Optional.of(7));
            case COUNTER_HOLD -> new RequestBody.CounterHold(4, Optional.empty());
            case COUNTER_PAUSE -> new RequestBody.CounterPause(4, Optional.empty());
            case RATING_SUBMIT -> new RequestBody.RatingSubmit(4, "HAI_LONG", Optional.empty());
            case APPOINTMENT_CHECKIN, COUNTER_NEXT, COUNTER_CALL_TICKET, COUNTER_RECALL, COUNTER_START, COUNTER_NO_SHOW,
                 COUNTER_RESUME, LEASE_RENEW, COUNTER_SIGN_IN, COUNTER_SIGN_OUT, COUNTER_UNDO, COUNTER_ADD_SERVICE,
                 TICKET_CANCEL -> fullRequestBody(op);
        };
    }

    public static Request request(RequestBody body) {
        return Request.of(ID, T0, body);
    }

    public static ResponseBody fullResponseBody(Operation op) {
        return switch (op) {
            case TICKET_ISSUE, TICKET_ISSUE_OFFLINE, APPOINTMENT_CHECKIN -> new ResponseBody.TicketIssued("2-001", "HT", 1,
                    0, Optional.of(4), T0, Optional.of("ELDERLY"), Optional.of("http://hub.local/t/01M82ZH0FGQC7T6XSM2YZWK52T"));
            case COUNTER_NEXT, COUNTER_CALL_TICKET, COUNTER_RECALL -> new ResponseBody.TicketCalled("2-001", "HT", 4, 0,
                    at(8, 21, 40));
            case COUNTER_START, COUNTER_DONE, COUNTER_NO_SHOW, COUNTER_TRANSFER, COUNTER_HOLD, COUNTER_PAUSE,
                 COUNTER_RESUME, COUNTER_SIGN_IN, COUNTER_SIGN_OUT, COUNTER_UNDO, COUNTER_ADD_SERVICE ->
                    new ResponseBody.CounterUpdated(counterState(true));
            case RATING_SUBMIT -> new ResponseBody.RatingRecorded("RAT_HAI_LONG", Optional.of("2-001"));
            case LEASE_RENEW -> new ResponseBody.LeaseGranted("HT", 901, 950, LocalDate.of(2026, 11, 23));
            case TICKET_CANCEL -> new ResponseBody.TicketCancelled("2-031", "HT");
        };
    }

    public static ResponseBody minimalResponseBody(Operation op) {
        return switch (op) {
            case TICKET_ISSUE, TICKET_ISSUE_OFFLINE, APPOINTMENT_CHECKIN -> new ResponseBody.TicketIssued("2-001", "HT", 1,
                    0, Optional.empty(), T0, Optional.empty(), Optional.empty());
            case COUNTER_START, COUNTER_DONE, COUNTER_NO_SHOW, COUNTER_TRANSFER, COUNTER_HOLD, COUNTER_PAUSE,
                 COUNTER_RESUME, COUNTER_SIGN_IN, COUNTER_SIGN_OUT, COUNTER_UNDO, COUNTER_ADD_SERVICE ->
                    new ResponseBody.CounterUpdated(counterState(false));
            case RATING_SUBMIT -> new ResponseBody.RatingRecorded("BINH_THUONG", Optional.empty());
            case COUNTER_NEXT, COUNTER_CALL_TICKET, COUNTER_RECALL, LEASE_RENEW, TICKET_CANCEL -> fullResponseBody(op);
        };
    }

    public static EventBody eventBody(EventType type) {
        return switch (type) {
            case PRINTER_STATUS -> new EventBody.PrinterStatus(EventBody.Paper.LOW, false, true);
            case HEALTH -> new EventBody.Health(86_400L * 40, 31, 2);
        };
    }

    /** Counter 4 in full (a ticket being served, officer {@code lan.nt} signed in) or minimal (neither) form. */
    public static CounterState counterState(boolean full) {
        return full
                ? new CounterState(4, CounterStatus.OPEN, Optional.of(new CounterState.Current("2-001", "HT",
                        ServingPhase.SERVING, 1, at(8, 21, 40))), at(8, 22, 5), Optional.of("lan.nt"))
                : new CounterState(4, CounterStatus.OPEN, Optional.empty(), at(8, 22, 5));
    }

    public static Board board() {
        return new Board("Bộ phận Một cửa UBND huyện Nghi Lộc", 42,
                List.of(counterState(true), new CounterState(5, CounterStatus.PAUSED, Optional.empty(), at(8, 0, 0))),
                List.of(new Board.Call("2-001", 4, true, at(8, 22, 0)), new Board.Call("1-007", 1, false, at(8, 20, 11))),
                at(8, 22, 5));
    }

    public static ServiceCatalogue services() {
        return new ServiceCatalogue("Bộ phận Một cửa UBND huyện Nghi Lộc", List.of(
                new ServiceCatalogue.Entry("DD", "1", "Đất đai", "Land", true, 12, Optional.of(35)),
                new ServiceCatalogue.Entry("HT", "2", "Hộ tịch", "Civil status", true, 0, Optional.empty()),
                new ServiceCatalogue.Entry("XD", "5", "Xây dựng", "Construction permits", false, 0, Optional.empty())),
                at(8, 15, 2));
    }

    public static DeviceStatus onlineStatus() {
        return DeviceStatus.online(Set.of(Role.KIOSK), "motcua-device 0.1.0", at(7, 25, 0));
    }

    /** Every state record the codec carries retained, with the one-of-each forms worth round-tripping. */
    public static List<Record> states() {
        return List.of(onlineStatus(), DeviceStatus.offline(),
                DeviceStatus.online(Set.of(Role.COUNTER, Role.DISPLAY, Role.KIOSK), "x", T0),
                counterState(true), counterState(false),
                new CounterState(7, CounterStatus.OPEN, Optional.empty(), T0, Optional.of("CB-042")), board(),
                new Board("Một cửa", 0, List.of(), List.of(), T0), services(),
                new ServiceCatalogue("Một cửa", List.of(), T0));
    }
}
