package vn.motcua.protocol.message;

import java.util.Arrays;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonValue;

/** Every request operation of wire version 1, with the record types of its request and response bodies. */
public enum Operation {
    TICKET_ISSUE("ticket.issue", RequestBody.TicketIssue.class, ResponseBody.TicketIssued.class),
    TICKET_ISSUE_OFFLINE("ticket.issueOffline", RequestBody.TicketIssueOffline.class, ResponseBody.TicketIssued.class),
    APPOINTMENT_CHECKIN("appointment.checkin", RequestBody.AppointmentCheckin.class, ResponseBody.TicketIssued.class),
    COUNTER_NEXT("counter.next", RequestBody.CounterNext.class, ResponseBody.TicketCalled.class),
    COUNTER_CALL_TICKET("counter.callTicket", RequestBody.CounterCallTicket.class, ResponseBody.TicketCalled.class),
    COUNTER_RECALL("counter.recall", RequestBody.CounterRecall.class, ResponseBody.TicketCalled.class),
    COUNTER_START("counter.start", RequestBody.CounterStart.class, ResponseBody.CounterUpdated.class),
    COUNTER_DONE("counter.done", RequestBody.CounterDone.class, ResponseBody.CounterUpdated.class),
    COUNTER_NO_SHOW("counter.noShow", RequestBody.CounterNoShow.class, ResponseBody.CounterUpdated.class),
    COUNTER_TRANSFER("counter.transfer", RequestBody.CounterTransfer.class, ResponseBody.CounterUpdated.class),
    COUNTER_HOLD("counter.hold", RequestBody.CounterHold.class, ResponseBody.CounterUpdated.class),
    COUNTER_PAUSE("counter.pause", RequestBody.CounterPause.class, ResponseBody.CounterUpdated.class),
    COUNTER_RESUME("counter.resume", RequestBody.CounterResume.class, ResponseBody.CounterUpdated.class),
    RATING_SUBMIT("rating.submit", RequestBody.RatingSubmit.class, ResponseBody.RatingRecorded.class),
    LEASE_RENEW("lease.renew", RequestBody.LeaseRenew.class, ResponseBody.LeaseGranted.class),
    // Added within wire version 1 for the allocation engine (issue 3); appended, so the earlier ones keep their order.
    COUNTER_SIGN_IN("counter.signIn", RequestBody.CounterSignIn.class, ResponseBody.CounterUpdated.class),
    COUNTER_SIGN_OUT("counter.signOut", RequestBody.CounterSignOut.class, ResponseBody.CounterUpdated.class),
    COUNTER_UNDO("counter.undo", RequestBody.CounterUndo.class, ResponseBody.CounterUpdated.class),
    COUNTER_ADD_SERVICE("counter.addService", RequestBody.CounterAddService.class, ResponseBody.CounterUpdated.class),
    TICKET_CANCEL("ticket.cancel", RequestBody.TicketCancel.class, ResponseBody.TicketCancelled.class);

    private final String wireName;
    private final Class<? extends RequestBody> requestType;
    private final Class<? extends ResponseBody> responseType;

    Operation(String wireName, Class<? extends RequestBody> requestType, Class<? extends ResponseBody> responseType) {
        this.wireName = wireName;
        this.requestType = requestType;
        this.responseType = responseType;
    }

    @JsonValue
    public String wireName() {
        return wireName;
    }

    public Class<? extends RequestBody> requestType() {
        return requestType;
    }

    public Class<? extends ResponseBody> responseType() {
        return responseType;
    }

    /**
     * Whether a person stands at the unit waiting for this one (a citizen at the kiosk, the officer at the counter):
     * then it is worth doing only within the unit's answer timeout, never later (protocol §6.2, §6.3). Units send it
     * at QoS 0 with a {@code deadline} and never resend it; the hub refuses it as {@code EXPIRED} once that deadline
     * has passed. The others are durable: stored, resent with the same id until answered, never expired. Every
     * operation is listed, so a new one cannot be added without deciding which kind it is.
     */
    public boolean interactive() {
        return switch (this) {
            case TICKET_ISSUE, APPOINTMENT_CHECKIN, LEASE_RENEW, COUNTER_NEXT, COUNTER_CALL_TICKET, COUNTER_RECALL,
                 COUNTER_START, COUNTER_DONE, COUNTER_NO_SHOW, COUNTER_TRANSFER, COUNTER_HOLD, COUNTER_PAUSE,
                 COUNTER_RESUME, COUNTER_SIGN_IN, COUNTER_SIGN_OUT, COUNTER_UNDO, COUNTER_ADD_SERVICE -> true;
            case TICKET_ISSUE_OFFLINE, RATING_SUBMIT, TICKET_CANCEL -> false;
        };
    }

    public static Optional<Operation> ofWireName(String name) {
        return Arrays.stream(values()).filter(op -> op.wireName.equals(name)).findFirst();
    }

    /** The operation whose request body has this type. */
    public static Operation of(RequestBody body) {
        return Arrays.stream(values()).filter(op -> op.requestType == body.getClass()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no operation for " + body.getClass()));
    }
}
