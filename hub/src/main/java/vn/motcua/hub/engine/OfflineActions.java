package vn.motcua.hub.engine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.predict.WaitPredictor;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/**
 * Offline printing: number leases for kiosks, and the tickets they printed from them while the hub was out of reach.
 * Leases are cut from the top of a service's numbers downwards and the hub's own numbers rise from the bottom, so
 * the two never meet: a printed number is unique for the day without the kiosk asking anyone.
 */
final class OfflineActions {

    private final EngineState state;
    private final Instant now;
    private final WaitPredictor waits;

    OfflineActions(EngineState state, Instant now, WaitPredictor waits) {
        this.state = state;
        this.now = now;
        this.waits = waits;
    }

    /**
     * The next block below every block of the day, down to the hub's next online number. A kiosk holds at most the
     * rule's cap of unused numbers per service (its leased numbers that have not come back as offline tickets): a
     * renewal gets what is left of that, and none at all is {@code TOO_MANY_TICKETS}, so no unit drains a service's
     * numbers by renewing over and over.
     */
    Decision renew(Command.RenewLease renew) {
        Rules rules = state.office().rules();
        if (!rules.offlinePrinting()) {
            return Decision.rejected(ErrorCode.NOT_SUPPORTED, "this office does not allow offline printing");
        }
        Optional<Office.Service> found = state.office().service(renew.service());
        if (found.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + renew.service() + " at this office");
        }
        Office.Service service = found.get();
        int last = TicketActions.onlineCeiling(state, service);
        int nextOnline = Math.max(state.lastNumber(service.prefix()) + 1, service.firstNumber());
        if (nextOnline > last) {
            return Decision.rejected(ErrorCode.SERVICE_CLOSED, "no numbers of " + service.nameVi() + " are left to lease today");
        }
        int room = rules.offlineLeaseMax() - state.leases().unused(renew.device(), service.code());
        if (room <= 0) {
            return Decision.rejected(ErrorCode.TOO_MANY_TICKETS, "this kiosk already holds " + rules.offlineLeaseMax()
                    + " unused numbers of " + service.code() + ", the most one kiosk may hold; print from them first");
        }
        int first = Math.max(last - Math.min(renew.size(), room) + 1, nextOnline);
        Lease lease = new Lease(renew.device(), service.code(), state.day(), first, last);
        return Decision.ok(Optional.empty(), List.of(new Event.LeaseGranted(lease, now)),
                new ResponseBody.LeaseGranted(service.code(), first, last, state.day()));
    }

    /**
     * A ticket printed offline, checked against the leases of the day it was printed (the local date of its printed
     * time). Of today it joins the queue at its printed time (a kiosk clock ahead of the hub's within today: at the
     * hub's now); of the last office day before today it is recorded on that day but refused, for its queue is gone;
     * older days' leases are no longer kept, and a printed time on a later day than the hub's today lies outside
     * every lease the kiosk can hold: refused, {@code INVALID_FIELD} naming {@code body.issuedAt}.
     */
    Decision sync(Command.IssueOffline offline) {
        Optional<Office.Service> found = state.office().service(offline.service());
        if (found.isEmpty()) {
            return Decision.rejected(ErrorCode.UNKNOWN_SERVICE, "no service " + offline.service() + " at this office");
        }
        Office.Service service = found.get();
        if (offline.priority().isPresent() && state.office().rules().priorityClass(offline.priority().get()).isEmpty()) {
            return Decision.rejected(ErrorCode.INVALID_FIELD, "body.priority " + offline.priority().get()
                    + " is not a priority class of this office");
        }
        ZoneId zone = state.office().zone();
        LocalDate printedOn = offline.issuedAt().atZone(zone).toLocalDate();
        if (printedOn.isAfter(state.day())) {
            return Decision.rejected(ErrorCode.INVALID_FIELD, "body.issuedAt must fall within the day of the lease the"
                    + " number was printed from (" + state.day() + " or an earlier office day), by the office's clock");
        }
        boolean today = !printedOn.isBefore(state.day());
        if (!today && !printedOn.equals(state.closedLeases().day())) {
            return Decision.rejected(ErrorCode.INVALID_STATE, "printed on " + printedOn
                    + ": that office day is long over and its leases are no longer kept; not recorded");
        }
        LeaseDay book = today ? state.leases() : state.closedLeases();
        String label = Ticket.labelOf(service.prefix(), offline.number());
        if (book.blockOf(offline.device(), service.code(), offline.number()).isEmpty()) {
            return Decision.rejected(ErrorCode.INVALID_FIELD, "body.number " + offline.number() + " is not in a block of "
                    + service.code() + " leased to this kiosk for " + book.day());
        }
        if (book.wasSynced(service.code(), offline.number())) {
            return Decision.rejected(ErrorCode.INVALID_STATE, label + " of " + book.day() + " was already synced");
        }
        if (!today) {
            Instant dayEnded = state.day().atStartOfDay(zone).toInstant();
            Ticket closed = Ticket.issued(book.day(), service.prefix(), service.code(), offline.number(),
                    offline.issuedAt(), offline.priority(), Optional.empty(), true).ended(TicketState.CLOSED, dayEnded);
            return Decision.refusedButRecorded(ErrorCode.INVALID_STATE, label + " was printed on " + book.day()
                    + ", an office day that is over: recorded as not served, not queued",
                    List.of(new Event.OfflineTicketSynced(offline.device(), closed, now)));
        }
        // Printed today (by the date rule above), so never before the day began; but a kiosk clock may run ahead.
        Instant queuedAt = offline.issuedAt().isAfter(now) ? now : offline.issuedAt();
        Ticket ticket = Ticket.issued(state.day(), service.prefix(), service.code(), offline.number(), queuedAt,
                offline.priority(), Optional.empty(), true);
        Views views = new Views(state, waits);
        int ahead = views.waitingBefore(service.code(), queuedAt, label);
        Optional<Integer> estimate = views.estimate(ticket, now);
        return Decision.ok(Optional.empty(), List.of(new Event.OfflineTicketSynced(offline.device(), ticket, now)),
                new ResponseBody.TicketIssued(label, service.code(), offline.number(), ahead,
                        estimate, queuedAt.atZone(zone).toOffsetDateTime(),
                        offline.priority(), Optional.empty(), LastCall.mayNotBeServedToday(state.office(), now, estimate)));
    }
}
