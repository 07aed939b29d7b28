package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.predict.PredictionErrors;
import vn.motcua.hub.site.Office;

class PredictabilityBoundTest {

    /** Two counters, one 6-minute service, 90 % busy: long queues, and nobody ever jumps one. */
    private static final Office TWO_COUNTERS = SimOffices.queue(2, 0.3, 6);
    private static final SimulationOptions PLAIN = SimulationOptions.defaults().withSeed(5)
            .withCounterWork(Duration.ZERO, 0, 0);

    /**
     * Service times that (all but) never vary, no breaks, no second services, no no-shows, first come first served: once a
     * ticket is printed its wait is settled, whatever comes later. Every replica must then find the actual wait,
     * so the best possible predictor is exact — which holds only if the replicas live the ticket's past exactly.
     */
    @Test
    void whenNothingIsLeftToChanceTheBestPredictorIsExact() {
        SimulationOptions fixed = PLAIN.withServiceTimes(SimulationOptions.ServiceTimes.LOGNORMAL, 1e-9);

        PredictabilityBound bound = PredictabilityBound.run(TWO_COUNTERS, fixed, 4, 10);

        PredictionErrors median = errors(bound, PredictabilityBound.MEDIAN);
        assertThat(median.count()).isGreaterThan(20);
        assertThat(median.mae()).isLessThan(1e-6);
        assertThat(errors(bound, PredictabilityBound.WINDOW).withinFive()).isEqualTo(1.0);
        assertThat(errors(bound, PredictabilityBound.WINDOW_OWN).withinFive()).isEqualTo(1.0);
        assertThat(errors(bound, PredictabilityBound.MEDIAN_OWN).mae()).isLessThan(1e-6);
        assertThat(bound.range().meanWidth()).isLessThan(1e-6);
        assertThat(bound.range().actualInside()).isEqualTo(1.0);
    }

    /** With random service times the same tickets' futures spread, and no estimate can be right every time. */
    @Test
    void randomServiceTimesLeaveAnErrorNoPredictorCanRemove() {
        SimulationOptions varying = PLAIN.withServiceTimes(SimulationOptions.ServiceTimes.LOGNORMAL, 0.6);

        PredictabilityBound bound = PredictabilityBound.run(TWO_COUNTERS, varying, 8, 10);

        PredictionErrors ownFutures = errors(bound, PredictabilityBound.WINDOW_OWN);
        assertThat(ownFutures.withinFive()).isBetween(0.2, 0.99);
        assertThat(ownFutures.count()).isEqualTo(8 * errors(bound, PredictabilityBound.WINDOW).count());
        assertThat(errors(bound, PredictabilityBound.MEDIAN_OWN).mae()).isGreaterThan(0.5);
        assertThat(errors(bound, PredictabilityBound.MEDIAN).mae()).isGreaterThan(0.5);
        assertThat(bound.range().meanWidth()).isGreaterThan(1.0);
        assertThat(bound.range().actualInside()).isBetween(0.5, 1.0);
    }

    /**
     * The commune profile exercises all a replica must keep (appointments, priorities, no-shows, second services,
     * breaks, lunch): each replica checks that it lived the ticket's past exactly, and a seed gives the same result
     * however the tickets' replicas are spread over threads.
     */
    @Test
    void aReplicaLivesTheTicketsPastAndTheResultDependsOnTheSeedAlone() {
        SimulationOptions options = SimulationOptions.defaults().withDays(2).withSeed(9);

        PredictabilityBound once = PredictabilityBound.run(SimOffices.COMMUNE, options, 3, 2);
        PredictabilityBound again = PredictabilityBound.run(SimOffices.COMMUNE, options, 3, 2);

        assertThat(once).isEqualTo(again);
        assertThat(errors(once, PredictabilityBound.MEDIAN).count()).isGreaterThan(20);
    }

    @Test
    void theDensestWindowIsTheTenMinutesHoldingMostWaitsTheEarliestOnATie() {
        PredictabilityBound.Window window = PredictabilityBound.Window.densest(new double[] {31, 0, 50, 2, 30, 1});
        assertThat(window.centre()).isEqualTo(1.0);
        assertThat(window.mass()).isEqualTo(0.5);

        PredictabilityBound.Window later = PredictabilityBound.Window.densest(new double[] {0, 20, 24, 29, 40});
        assertThat(later.centre()).isEqualTo(24.5); // 20, 24 and 29 fit in [20, 30]: any centre in [24, 25] holds them
        assertThat(later.mass()).isEqualTo(0.6);

        // 4 of 5 waits: [2, 9] (width 7) is narrower than [0, 8] (width 8)
        assertThat(PredictabilityBound.narrowest(new double[] {9, 0, 8, 2, 3}, 0.8)).containsExactly(2.0, 9.0);
        assertThat(PredictabilityBound.narrowest(new double[] {4}, 0.8)).containsExactly(4.0, 4.0);

        assertThat(PredictabilityBound.median(new double[] {5, 1, 3})).isEqualTo(3.0);
        assertThat(PredictabilityBound.median(new double[] {5, 1, 3, 10})).isEqualTo(4.0);
    }

    @Test
    void aDrawLogReplaysThePastThenDrawsItsOwn() {
        DrawLog log = new DrawLog(new SplittableRandom(1));
        long[] drawn = {log.nextLong(), log.nextLong(), log.nextLong(), log.nextLong()};
        RandomGenerator own = new SplittableRandom(2);
        long ownFirst = new SplittableRandom(2).nextLong();

        RandomGenerator replay = log.replay(1, 3, own);

        assertThat(List.of(replay.nextLong(), replay.nextLong(), replay.nextLong()))
                .containsExactly(drawn[1], drawn[2], ownFirst);
        assertThat(log.size()).isEqualTo(4);
    }

    @Test
    void aRedrawnCitizenKeepsWhatWasKnownAndDrawsTheRestAgain() {
        Office commune = SimOffices.COMMUNE;
        List<Office.Service> services = commune.services();
        String first = services.get(0).code();
        String second = services.get(1).code();
        Citizen citizen = new Citizen(7, Instant.parse("2026-01-05T01:30:00Z"), first, Optional.empty(),
                Optional.empty(), true, Optional.of(second), Optional.empty(),
                List.of(Duration.ofMinutes(4), Duration.ofMinutes(9)));
        DayPlan plan = new DayPlan(commune, SimulationOptions.defaults(), new Draws(new SplittableRandom(3)));

        for (int i = 0; i < 50; i++) {
            Citizen servedOnce = plan.redrawn(citizen, 1, Optional.of(Duration.ofMinutes(30)), true);
            assertThat(servedOnce.secondService()).contains(second);
            assertThat(servedOnce.noShow()).isTrue();
            assertThat(servedOnce.serviceTimes().get(0)).isEqualTo(Duration.ofMinutes(4));
            assertThat(servedOnce.serviceTimes().get(1)).isGreaterThan(Duration.ofMinutes(30));

            Citizen waiting = plan.redrawn(citizen, 0, Optional.empty(), false);
            assertThat(waiting.serviceTimes()).hasSize(waiting.secondService().isPresent() ? 2 : 1);
            assertThat(waiting).extracting(Citizen::id, Citizen::arrival, Citizen::service)
                    .containsExactly(7, citizen.arrival(), first);
        }
    }

    private static PredictionErrors errors(PredictabilityBound bound, String predictor) {
        return bound.study().rows().stream().filter(r -> r.predictor().equals(predictor)).findFirst().orElseThrow()
                .all();
    }

    @Test
    void replicasAndSamplingMustBeAtLeastOne() {
        assertThatThrownBy(() -> PredictabilityBound.run(TWO_COUNTERS, PLAIN, 0, 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("replicas");
        assertThatThrownBy(() -> PredictabilityBound.run(TWO_COUNTERS, PLAIN, 1, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
