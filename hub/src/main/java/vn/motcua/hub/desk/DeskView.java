package vn.motcua.hub.desk;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import vn.motcua.hub.site.Office;
import vn.motcua.protocol.message.Board;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ServiceCatalogue;
import vn.motcua.protocol.message.ServingPhase;

/** Read-only views of the desk as the wire publishes them. Same thread as the desk. */
public final class DeskView {

    private final Desk desk;

    DeskView(Desk desk) {
        this.desk = desk;
    }

    public CounterState counterState(int counter, Instant now) {
        CounterSlot slot = desk.slot(counter).orElseThrow();
        Optional<CounterState.Current> current = slot.current().flatMap(desk::ticket)
                .filter(t -> t.state().atCounter())
                .map(t -> new CounterState.Current(t.label(), t.service(),
                        t.state() == TicketState.SERVING ? ServingPhase.SERVING : ServingPhase.CALLED, t.recalls(),
                        local(t.calledAt().orElseThrow())));
        return new CounterState(counter, slot.status(), current, local(now));
    }

    public Board board(long sequence, Instant now) {
        List<CounterState> counters = desk.slots().stream().map(s -> counterState(s.number(), now)).toList();
        return new Board(desk.office().name(), sequence, counters, desk.recentCalls(), local(now));
    }

    public ServiceCatalogue catalogue(Instant now) {
        List<ServiceCatalogue.Entry> entries = desk.office().services().stream().map(s -> {
            int waiting = waiting(s.code());
            return new ServiceCatalogue.Entry(s.code(), s.prefix(), s.nameVi(), s.nameEn(), openCounters(s.code()) > 0,
                    waiting, estimateMinutes(s.code(), waiting));
        }).toList();
        return new ServiceCatalogue(desk.office().name(), entries, local(now));
    }

    /** The counters configured at the office, in number order. */
    public List<Integer> counters() {
        return desk.slots().stream().map(CounterSlot::number).toList();
    }

    public int waiting(String service) {
        return (int) desk.tickets().stream()
                .filter(t -> t.state() == TicketState.WAITING && t.service().equals(service)).count();
    }

    /**
     * The baseline estimate offices use today: people ahead × mean service minutes ÷ open counters serving the
     * service. Empty when no open counter serves it. The predictor study (issue 5) replaces it with a measured one.
     */
    public Optional<Integer> estimateMinutes(String service, int ahead) {
        long open = openCounters(service);
        if (open == 0) {
            return Optional.empty();
        }
        double mean = desk.office().service(service).map(Office.Service::meanMinutes).orElse(0.0);
        return Optional.of((int) Math.round(ahead * mean / open));
    }

    private long openCounters(String service) {
        return desk.slots().stream().filter(s -> s.status() == CounterStatus.OPEN)
                .filter(s -> desk.office().counter(s.number()).map(c -> c.services().contains(service)).orElse(false))
                .count();
    }

    private OffsetDateTime local(Instant instant) {
        return instant.atZone(desk.office().zone()).toOffsetDateTime();
    }
}
