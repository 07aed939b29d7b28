package vn.motcua.hub.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.Optional;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import vn.motcua.hub.engine.Command;
import vn.motcua.hub.engine.Decision;
import vn.motcua.hub.engine.Engine;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.message.ResponseBody;

/**
 * The two baselines on a real engine, in the commune profile: counter 1 serves HT and KH, counter 2 CT and HT,
 * counter 3 DD, LD and CT; mean minutes HT 10, CT 5, DD 15, LD 8.
 */
class BaselinePredictorsTest {

    private static final Office COMMUNE = OfficeLoader.load(Path.of("src/test/resources/simulation/commune-office.json"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final ConfiguredServiceTimes MEANS = new ConfiguredServiceTimes(COMMUNE);
    private static final AverageOverCounters AVERAGE = new AverageOverCounters(MEANS);
    private static final QueueLength QUEUE = new QueueLength(MEANS);

    private final Engine engine = new Engine(COMMUNE, MONDAY);
    private Instant now = ZonedDateTime.of(MONDAY, LocalTime.of(8, 0), COMMUNE.zone()).toInstant();

    /** Waiting before the new HT ticket: HT, CT, HT, LD, issued one minute apart, in that order. */
    @BeforeEach
    void queue() {
        send(new Command.SignIn(1, "CB01"));
        send(new Command.SignIn(2, "CB02"));
        send(new Command.SignIn(3, "CB03"));
        issue("HT");
        issue("CT");
        issue("HT");
        issue("LD");
    }

    @Test
    void averageOverCountersCountsOnlyTheSameServiceAhead() {
        Ticket ht = issue("HT");

        // 2 HT ahead × 10 min ÷ 2 counters serving HT (1 and 2) = 10 min
        assertThat(AVERAGE.minutes(engine.state(), ht, ht.queuedAt()).orElseThrow()).isCloseTo(10, within(1e-9));
    }

    @Test
    void queueLengthCountsEveryoneAheadThePoolServes() {
        Ticket ht = issue("HT");

        // Pool of HT: counters 1 and 2, serving HT, KH, CT; ahead: 2 HT + 1 CT = 3 (LD is counter 3's only)
        // (3 + 1) × 10 min ÷ 2 = 20 min
        assertThat(QUEUE.minutes(engine.state(), ht, ht.queuedAt()).orElseThrow()).isCloseTo(20, within(1e-9));
    }

    @Test
    void aPausedCounterStillCountsAndASignedOutOneDoesNot() {
        send(new Command.Pause(1));
        Ticket ht = issue("HT");
        assertThat(AVERAGE.minutes(engine.state(), ht, ht.queuedAt()).orElseThrow()).isCloseTo(10, within(1e-9));

        send(new Command.SignOut(2));
        // counter 1 alone: 2 HT × 10 ÷ 1 = 20; its pool serves HT and KH: (2 + 1) × 10 ÷ 1 = 30
        assertThat(AVERAGE.minutes(engine.state(), ht, ht.queuedAt()).orElseThrow()).isCloseTo(20, within(1e-9));
        assertThat(QUEUE.minutes(engine.state(), ht, ht.queuedAt()).orElseThrow()).isCloseTo(30, within(1e-9));
    }

    @Test
    void noEstimateWhenNoCounterServingTheServiceIsStaffed() {
        Ticket ld = engine.state().tickets().stream().filter(t -> t.service().equals("LD")).findFirst().orElseThrow();
        send(new Command.SignOut(3));

        assertThat(AVERAGE.minutes(engine.state(), ld, ld.queuedAt())).isEmpty();
        assertThat(QUEUE.minutes(engine.state(), ld, ld.queuedAt())).isEmpty();
    }

    @Test
    void theFirstInLineWaitsForACounterOnlyInTheQueueLengthModel() {
        Engine empty = new Engine(COMMUNE, MONDAY);
        Decision signIn = empty.handle(new Command.SignIn(3, "CB03"), now);
        assertThat(signIn.rejection()).isEmpty();
        String label = ((ResponseBody.TicketIssued) empty.handle(new Command.Issue("DD", Optional.empty()), now)
                .answer().orElseThrow()).ticket();
        Ticket dd = empty.state().ticket(label).orElseThrow();

        assertThat(AVERAGE.minutes(empty.state(), dd, dd.queuedAt()).orElseThrow()).isZero();
        assertThat(QUEUE.minutes(empty.state(), dd, dd.queuedAt()).orElseThrow()).isCloseTo(15, within(1e-9));
    }

    @Test
    void unknownServiceHasNoMeanTime() {
        assertThatThrownBy(() -> MEANS.meanMinutes("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    private Ticket issue(String service) {
        now = now.plusSeconds(60);
        Decision decision = send(new Command.Issue(service, Optional.empty()));
        String label = ((ResponseBody.TicketIssued) decision.answer().orElseThrow()).ticket();
        return engine.state().ticket(label).orElseThrow();
    }

    private Decision send(Command command) {
        Decision decision = engine.handle(command, now);
        assertThat(decision.rejection()).as(command.toString()).isEmpty();
        return decision;
    }
}
