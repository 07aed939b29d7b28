package vn.motcua.hub.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.engine.CounterSlot;
import vn.motcua.hub.engine.Event;
import vn.motcua.hub.engine.Ticket;
import vn.motcua.hub.engine.TicketState;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.protocol.message.CounterStatus;

/**
 * The learner on hand-made event traces of the commune profile (HT 10 min, CT 5 min). Prior weight 5, half hour
 * weight 5, decay 0.9 per newer observation.
 */
class ServiceTimeLearnerTest {

    private static final Office COMMUNE = OfficeLoader.load(Path.of("src/test/resources/simulation/commune-office.json"));
    private static final LocalDate MONDAY = LocalDate.of(2026, 1, 5);
    private static final double EPS = 1e-9;

    private final ServiceTimeLearner learner = new ServiceTimeLearner(COMMUNE);

    @Test
    void withNothingObservedEveryEstimateIsTheProfilesMean() {
        assertThat(learner.meanMinutes("HT")).isCloseTo(10, within(EPS));
        assertThat(learner.meanMinutes("CT", at(8, 0))).isCloseTo(5, within(EPS));
        assertThatThrownBy(() -> learner.meanMinutes("XX")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("XX");
    }

    @Test
    void anOccupancyRunsFromTheCallUntilTheCounterIsFreeAndFillsItsHalfHour() {
        learner.observe(List.of(called(1, "1-001", "HT", at(8, 5)), done(1, "1-001", "HT", at(8, 25))));

        // service: (5 × 10 + 20) / (5 + 1) = 11.667; its half hour 08:00-08:30: (5 × 11.667 + 20) / 6 = 13.056
        double service = 70.0 / 6;
        assertThat(learner.meanMinutes("HT")).isCloseTo(service, within(EPS));
        assertThat(learner.meanMinutes("HT", at(8, 29))).isCloseTo((5 * service + 20) / 6, within(EPS));
        // another half hour falls back to the service, another service to its profile mean
        assertThat(learner.meanMinutes("HT", at(8, 30))).isCloseTo(service, within(EPS));
        assertThat(learner.meanMinutes("CT", at(8, 10))).isCloseTo(5, within(EPS));
    }

    @Test
    void newerObservationsWeighMore() {
        learner.observe(List.of(called(1, "1-001", "HT", at(8, 0)), done(1, "1-001", "HT", at(8, 20)),
                called(1, "1-002", "HT", at(9, 0)), done(1, "1-002", "HT", at(9, 8))));

        // sum 20 × 0.9 + 8 = 26, weight 0.9 + 1 = 1.9: (50 + 26) / 6.9
        assertThat(learner.meanMinutes("HT")).isCloseTo(76 / 6.9, within(EPS));
    }

    @Test
    void aRecallDoesNotEndTheOccupancyButANoShowOrTheNextCallDoes() {
        Ticket first = ticket("1-001", "HT", TicketState.CALLED, 1, at(8, 0));
        learner.observe(List.of(called(1, "1-001", "HT", at(8, 0)),
                new Event.TicketRecalled(first, at(8, 1)),
                new Event.TicketChanged("no-show", first, Optional.of(slot(1, Optional.empty())), at(8, 2)),
                called(1, "1-002", "HT", at(8, 2)),
                // "call next" with 1-002 still there: done, then the new call, as the engine records it
                done(1, "1-002", "HT", at(8, 14)), called(1, "1-003", "HT", at(8, 14))));

        // 2 then 12 minutes: sum 2 × 0.9 + 12 = 13.8, weight 1.9
        assertThat(learner.meanMinutes("HT")).isCloseTo((50 + 13.8) / 6.9, within(EPS));
    }

    @Test
    void aNextServiceEndsTheFirstOccupancyAndCountsAsATicketComingBack() {
        Ticket again = ticket("1-001", "CT", TicketState.WAITING, 1, at(8, 0));
        learner.observe(List.of(called(1, "1-001", "HT", at(8, 0)),
                new Event.TicketChanged("next service", again, Optional.of(slot(1, Optional.empty())), at(8, 10))));

        assertThat(learner.meanMinutes("HT")).isCloseTo((50 + 10) / 6.0, within(EPS));
        // one CT ticket back in line over the 40 open minutes since 07:30, plus the 30-minute prior
        assertThat(learner.jumpRate("CT", at(8, 10))).isCloseTo(1 / 70.0, within(EPS));
        assertThat(learner.jumpRate("HT", at(8, 10))).isZero();
    }

    @Test
    void theRestOfABusyCounterComesFromTodaysLongerOccupancies() {
        learner.observe(List.of(called(1, "1-001", "HT", at(8, 0)), done(1, "1-001", "HT", at(8, 20)),
                called(1, "1-002", "HT", at(8, 20)), done(1, "1-002", "HT", at(8, 28))));
        double mean = learner.meanMinutes("HT", at(9, 0));

        // busy 10 minutes: of 20 and 8 only 20 is longer, 10 more; the naive mean − 10 counts twice
        assertThat(learner.remainingMinutes("HT", at(9, 0), 10, 1))
                .isCloseTo((2 * Math.max(mean - 10, 1) + 10) / 3, within(EPS));
        // busy 25 minutes: none longer, the floor
        assertThat(learner.remainingMinutes("HT", at(9, 0), 25, 1)).isCloseTo(1, within(EPS));
    }

    @Test
    void aPauseIsExpectedToLastATypicalBreak() {
        learner.observe(List.of(counter(2, CounterStatus.PAUSED, at(9, 0)), counter(2, CounterStatus.OPEN, at(9, 6)),
                counter(2, CounterStatus.PAUSED, at(10, 0))));

        // breaks: (2 × 10 + 6) / 3 = 8.667 minutes; paused 2 minutes ago
        assertThat(learner.pauseRemaining(2, at(10, 2), 1)).isCloseTo(26 / 3.0 - 2, within(EPS));
        assertThat(learner.pauseRemaining(2, at(10, 30), 1)).isCloseTo(1, within(EPS));
    }

    @Test
    void aNewOfficeDayKeepsWhatWasLearnedButNotWhatWasUnderWay() {
        learner.observe(List.of(called(1, "1-001", "HT", at(8, 0)), done(1, "1-001", "HT", at(8, 30)),
                called(2, "1-002", "HT", at(8, 30))));
        learner.observe(List.of(new Event.DayClosed(MONDAY, List.of(), at(18, 0)),
                new Event.DayOpened(MONDAY.plusDays(1), List.of(), List.of(), null, at(18, 0))));

        // (5 × 10 + 30) / 6: yesterday's 30-minute file still counts
        assertThat(learner.meanMinutes("HT")).isCloseTo(80 / 6.0, within(EPS));
        // the occupancy open at the day's end is not learned the next day
        learner.observe(List.of(done(2, "1-002", "HT", at(18, 5))));
        assertThat(learner.meanMinutes("HT")).isCloseTo(80 / 6.0, within(EPS));
    }

    private static Instant at(int hour, int minute) {
        return ZonedDateTime.of(MONDAY, LocalTime.of(hour, minute), COMMUNE.zone()).toInstant();
    }

    private static Ticket ticket(String label, String service, TicketState state, int counter, Instant called) {
        return new Ticket(MONDAY, label, service, Integer.parseInt(label.substring(2)), called, called, Optional.empty(),
                Optional.empty(), state, counter, 0, Optional.of(called), 0, Optional.empty(), Optional.empty(),
                Optional.empty(), Optional.empty(), 0, false);
    }

    private static CounterSlot slot(int counter, Optional<String> current) {
        return new CounterSlot(counter, CounterStatus.OPEN, Optional.of("CB0" + counter), current);
    }

    private static Event called(int counter, String label, String service, Instant at) {
        return new Event.TicketCalled(ticket(label, service, TicketState.CALLED, counter, at),
                slot(counter, Optional.of(label)), "effective-wait", "test", at);
    }

    private static Event done(int counter, String label, String service, Instant at) {
        return new Event.TicketChanged("done", ticket(label, service, TicketState.DONE, counter, at),
                Optional.of(slot(counter, Optional.empty())), at);
    }

    private static Event counter(int counter, CounterStatus status, Instant at) {
        return new Event.CounterChanged(status.name(), new CounterSlot(counter, status, Optional.of("CB0" + counter),
                Optional.empty()), at);
    }
}
