package vn.motcua.hub.web;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.OpenCounters;
import vn.motcua.hub.engine.TicketStatus;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;

/**
 * A real engine on the district sample office late in an overloaded day: at 16:00, 16 land (DD) tickets wait. Land
 * takes 18 min (nothing learned yet: the profile's mean) at the 5 counters that serve it, all idle, so the forward
 * simulation calls 1-001 to 1-005 at once, five more at 16:18, at 16:36 and at 16:54: 1-016 is estimated at 54 min,
 * past 16:50, the office's last call: it may not be served today. Looked up at {@link #now}, which a test may move.
 */
final class OverloadedOffice implements TicketLookup {

    static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final ZoneId ZONE = DISTRICT.zone();
    private static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    private final Engine engine = new Engine(DISTRICT, MONDAY);
    private Instant now = at(16, 0);

    OverloadedOffice() {
        OpenCounters.at(engine, at(7, 30));
        for (int i = 0; i < 16; i++) {
            engine.handle(new Command.Issue("DD", Optional.empty()), now);
        }
    }

    @Override
    public synchronized Optional<TicketStatus> status(String label) {
        return engine.view().ticketStatus(label, now);
    }

    /**
     * A minute later counter 1 calls the next land ticket and the citizen of 1-002 gives up: 1-016 moves into the
     * group called at 16:37 (a 36 min wait from 16:01), before the last call.
     */
    synchronized void counterOneCallsNextAndOneCitizenLeaves() {
        now = now.plusSeconds(60);
        engine.handle(new Command.CallNext(1), now);
        engine.handle(new Command.Cancel("1-002"), now);
    }

    static Instant at(int hour, int minute) {
        return MONDAY.atTime(hour, minute).atZone(ZONE).toInstant();
    }
}
