package vn.motcua.hub.engine;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.ErrorCode;
import vn.motcua.protocol.message.ResponseBody;

/**
 * An engine on the district sample office with a hand-moved clock, every counter open. District office: HT (prefix 2) is served by
 * counters 4, 5 and 10; DD (prefix 1) by 1, 2, 3, 9 and 10; counter 5 serves HT then CT.
 */
class EngineFixture {

    static final Office DISTRICT = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    static final ZoneId HCM = ZoneId.of("Asia/Ho_Chi_Minh");
    static final LocalDate MONDAY = LocalDate.of(2026, 11, 23);

    final Engine engine;
    Instant now = MONDAY.atTime(8, 0).atZone(HCM).toInstant();

    EngineFixture() {
        this(DISTRICT);
    }

    /** Every counter of {@code office} opened at 08:00 by a unit without sign-in, with nothing to undo yet. */
    EngineFixture(Office office) {
        this.engine = new Engine(office, MONDAY);
        OpenCounters.at(engine, now);
    }

    Decision handle(Command command) {
        now = now.plusSeconds(30);
        return engine.handle(command, now);
    }

    void minutesPass(long minutes) {
        now = now.plusSeconds(minutes * 60);
    }

    String issue(String service, String... priority) {
        Decision d = handle(new Command.Issue(service, Optional.ofNullable(priority.length == 0 ? null : priority[0])));
        return ((ResponseBody.TicketIssued) d.answer().orElseThrow(() -> new AssertionError(d.rejection()))).ticket();
    }

    String next(int counter) {
        Decision d = handle(new Command.CallNext(counter));
        return ((ResponseBody.TicketCalled) d.answer().orElseThrow(() -> new AssertionError(d.rejection()))).ticket();
    }

    ErrorCode rejection(Command command) {
        return handle(command).rejection().orElseThrow(() -> new AssertionError("expected a rejection of " + command)).code();
    }

    TicketState stateOf(String label) {
        return engine.state().ticket(label).orElseThrow().state();
    }
}
