package vn.motcua.hub.authority;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import vn.motcua.hub.metrics.Metrics;
import vn.motcua.hub.site.Bindings;
import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.Operation;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Role;

/**
 * Whether a unit may send a request, by the office's {@link Bindings} (docs/protocol.md §2.3, §7): the unit is
 * listed; its role sends the operation (kiosk: tickets, check-ins, leases, cancels; counter unit: counter keys,
 * ratings, cancels; a display sends nothing); a counter operation names a counter the unit is bound to; and
 * {@code counter.signIn} names an officer on the staff list who may work at that counter. A refusal's message names
 * the rule, never the text received, and is counted per unit as {@value #METRIC}: the label is the unit's id when the
 * profile lists it, else {@value #UNLISTED}, so a stranger trying new ids cannot grow the metrics without bound.
 * An office whose profile binds nothing (served only with {@code --allow-unbound-units}) permits everything.
 */
public final class UnitPermissions {

    public static final String METRIC = "motcua_requests_not_permitted_total";
    /** Not a valid device id (those start with a letter or digit), so never a listed unit's label. */
    public static final String UNLISTED = "_unlisted";

    private final Optional<Bindings> bindings;
    private final Metrics metrics;

    public UnitPermissions(Office office, Metrics metrics) {
        this.bindings = office.bindings();
        this.metrics = metrics;
    }

    /** Empty when {@code deviceId} may send {@code body}; else why not, for the answer's message. */
    public Optional<String> refusal(String deviceId, RequestBody body) {
        if (bindings.isEmpty()) {
            return Optional.empty();
        }
        Optional<Bindings.Unit> unit = bindings.get().unit(deviceId);
        Optional<String> refusal = unit.map(u -> refusal(u, body))
                .orElse(Optional.of("this unit is not listed in the office's units"));
        refusal.ifPresent(reason -> metrics.increment(METRIC, "device", unit.map(Bindings.Unit::id).orElse(UNLISTED)));
        return refusal;
    }

    private Optional<String> refusal(Bindings.Unit unit, RequestBody body) {
        Optional<Integer> counter = counter(body);
        // §7's "sent by": a counter unit sends what acts for a counter, a kiosk the rest, and either may cancel.
        Set<Role> senders = counter.isPresent() ? EnumSet.of(Role.COUNTER)
                : body instanceof RequestBody.TicketCancel ? EnumSet.of(Role.KIOSK, Role.COUNTER) : EnumSet.of(Role.KIOSK);
        if (Collections.disjoint(senders, unit.roles())) {
            return Optional.of(Operation.of(body).wireName() + " needs a unit bound as " + names(senders, " or ")
                    + "; this unit is bound as " + names(unit.roles(), " and "));
        }
        return counter.flatMap(number -> counterRefusal(unit, number, body));
    }

    private Optional<String> counterRefusal(Bindings.Unit unit, int counter, RequestBody body) {
        if (!unit.actsFor(counter)) {
            return Optional.of("this unit is not bound to the counter in body.counter");
        }
        if (body instanceof RequestBody.CounterSignIn signIn) {
            Optional<Bindings.Officer> officer = bindings.orElseThrow().officer(signIn.officer());
            if (officer.isEmpty()) {
                return Optional.of("body.officer is not on the office's staff list");
            }
            if (!officer.get().mayWorkAt(counter)) {
                return Optional.of("body.officer may not work at the counter in body.counter");
            }
        }
        return Optional.empty();
    }

    private static String names(Set<Role> roles, String joint) {
        return roles.stream().sorted().map(Role::name).collect(Collectors.joining(joint));
    }

    /** The counter a request acts for; empty for the kiosk's operations and {@code ticket.cancel}. */
    private static Optional<Integer> counter(RequestBody body) {
        return Optional.ofNullable(switch (body) {
            case RequestBody.CounterNext b -> b.counter();
            case RequestBody.CounterCallTicket b -> b.counter();
            case RequestBody.CounterRecall b -> b.counter();
            case RequestBody.CounterStart b -> b.counter();
            case RequestBody.CounterDone b -> b.counter();
            case RequestBody.CounterNoShow b -> b.counter();
            case RequestBody.CounterTransfer b -> b.counter();
            case RequestBody.CounterHold b -> b.counter();
            case RequestBody.CounterPause b -> b.counter();
            case RequestBody.CounterResume b -> b.counter();
            case RequestBody.CounterSignIn b -> b.counter();
            case RequestBody.CounterSignOut b -> b.counter();
            case RequestBody.CounterUndo b -> b.counter();
            case RequestBody.CounterAddService b -> b.counter();
            case RequestBody.RatingSubmit b -> b.counter();
            case RequestBody.TicketIssue b -> null;
            case RequestBody.TicketIssueOffline b -> null;
            case RequestBody.AppointmentCheckin b -> null;
            case RequestBody.LeaseRenew b -> null;
            case RequestBody.TicketCancel b -> null;
        });
    }
}
