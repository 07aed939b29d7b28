package vn.motcua.hub.writer;

import java.time.Instant;
import java.util.Optional;

import vn.motcua.hub.engine.Command;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;

/**
 * Translates a device request into an engine command; empty for operations this hub does not perform yet.
 * {@code deviceId} is the sender, known from the topic the request came on: number leases belong to one kiosk. A
 * rating's press time is the time in its id, made when the citizen pressed (docs/protocol.md §4.1).
 */
final class Commands {

    private Commands() {
    }

    static Optional<Command> of(String deviceId, Request request) {
        return Optional.ofNullable(switch (request.body()) {
            case RequestBody.TicketIssue b -> new Command.Issue(b.service(), b.priority());
            case RequestBody.AppointmentCheckin b -> new Command.CheckIn(b.token());
            case RequestBody.TicketCancel b -> new Command.Cancel(b.ticket());
            case RequestBody.CounterNext b -> new Command.CallNext(b.counter());
            case RequestBody.CounterCallTicket b -> new Command.CallTicket(b.counter(), b.ticket());
            case RequestBody.CounterRecall b -> new Command.Recall(b.counter());
            case RequestBody.CounterStart b -> new Command.Start(b.counter());
            case RequestBody.CounterDone b -> new Command.Done(b.counter(), b.fileCode());
            case RequestBody.CounterNoShow b -> new Command.NoShow(b.counter());
            case RequestBody.CounterTransfer b -> new Command.Transfer(b.counter(), b.toService(), b.toCounter());
            case RequestBody.CounterHold b -> new Command.Hold(b.counter());
            case RequestBody.CounterAddService b -> new Command.AddService(b.counter(), b.service());
            case RequestBody.CounterPause b -> new Command.Pause(b.counter());
            case RequestBody.CounterResume b -> new Command.Resume(b.counter());
            case RequestBody.CounterSignIn b -> new Command.SignIn(b.counter(), b.officer());
            case RequestBody.CounterSignOut b -> new Command.SignOut(b.counter());
            case RequestBody.CounterUndo b -> new Command.Undo(b.counter());
            case RequestBody.RatingSubmit b -> new Command.Rate(b.counter(), b.level(), b.ticket(),
                    Instant.ofEpochMilli(Ulid.timestampMillis(request.id())));
            case RequestBody.TicketIssueOffline b ->
                    new Command.IssueOffline(deviceId, b.service(), b.number(), b.issuedAt().toInstant(), b.priority());
            case RequestBody.LeaseRenew b -> new Command.RenewLease(deviceId, b.service(), b.size());
        });
    }
}
