package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.predict.ForwardSimulation;
import vn.motcua.hub.predict.PredictionErrors;
import vn.motcua.hub.predict.WaitPredictor;

class PredictorStudyTest {

    private static final SimulationOptions TWO_DAYS = SimulationOptions.defaults().withDays(2).withSeed(3);

    @Test
    void everyTicketIssuedGetsEveryEstimateAndTheRunIsTheSame() {
        List<WaitPredictor> baselines = PredictorStudy.baselines(SimOffices.COMMUNE);
        List<String> names = PredictorStudy.names(baselines);
        List<Visit> plain = OfficeSimulator.run(SimOffices.COMMUNE, TWO_DAYS).visits();
        List<Visit> predicted = OfficeSimulator.run(SimOffices.COMMUNE, TWO_DAYS, baselines).visits();

        assertThat(predicted).hasSameSizeAs(plain);
        for (int i = 0; i < plain.size(); i++) {
            Visit p = predicted.get(i);
            // Predictors only read the engine: the same visits, with estimates added.
            assertThat(withoutEstimates(p)).isEqualTo(plain.get(i));
            boolean issuedToday = p.ticket().isPresent() && !p.carried();
            assertThat(p.predictedWait().keySet()).isEqualTo(issuedToday ? Set.copyOf(names) : Set.of());
            p.predictedWait().values().forEach(m -> assertThat(m).isFinite().isNotNegative());
            // (c) is the engine's own answer to the issue: the whole minutes printed on the ticket
            Optional.ofNullable(p.predictedWait().get(ForwardSimulation.NAME))
                    .ifPresent(m -> assertThat(m).isEqualTo(Math.rint(m)));
        }
        PredictorStudy study = PredictorStudy.of(SimOffices.COMMUNE, predicted, names);
        long served = predicted.stream().filter(v -> v.outcome() == Visit.Outcome.SERVED && !v.carried()).count();
        assertThat(study.rows()).extracting(r -> r.all().count()).containsOnly((int) served);
    }

    /**
     * The commune's busiest two hours are 08:00-10:00 (46 % of arrivals; 07:30-09:30 has 45 %). Served at 08:00 and
     * 09:30 (peak) and 10:00, a no-show at 08:10 left out; errors +3, 0 and −1 minutes.
     */
    @Test
    void thePeakIsTheTwoBusiestHoursOfTheProfilesArrivals() {
        LocalDate day = LocalDate.of(2026, 1, 5);
        List<Visit> visits = List.of(visit(day, 0, LocalTime.of(8, 0), 7, 4, Visit.Outcome.SERVED),
                visit(day, 1, LocalTime.of(10, 0), 2, 3, Visit.Outcome.SERVED),
                visit(day, 2, LocalTime.of(8, 10), 9, 1, Visit.Outcome.NO_SHOW),
                visit(day, 3, LocalTime.of(9, 30), 0, 0, Visit.Outcome.SERVED));

        PredictorStudy.Row row = PredictorStudy.of(SimOffices.COMMUNE, visits, List.of("p")).rows().getFirst();

        assertThat(row.all().count()).isEqualTo(3);
        assertThat(row.all().bias()).isCloseTo((3 - 1 + 0) / 3.0, within(1e-9));
        assertThat(row.peak().count()).isEqualTo(2);
        assertThat(row.peak().mae()).isCloseTo(1.5, within(1e-9));
        PredictorStudy.Peak peak = PredictorStudy.Peak.of(SimOffices.COMMUNE);
        assertThat(peak).isEqualTo(new PredictorStudy.Peak(LocalTime.of(8, 0), LocalTime.of(10, 0)));
        assertThat(PredictorStudy.Peak.of(SimOffices.DISTRICT)).isEqualTo(peak);
        String table = PredictorTable.of("Xã thử", "seed 1", new PredictorStudy(peak, List.of(row,
                new PredictorStudy.Row("q", PredictionErrors.of(List.of()), PredictionErrors.of(List.of())))));
        assertThat(table).contains("Xã thử", "08:00–10:00", "MAE", "+0.7", "–");
    }

    private static Visit visit(LocalDate day, int id, LocalTime issued, double predicted, int waited,
                               Visit.Outcome outcome) {
        Instant arrival = ZonedDateTime.of(day, issued, SimOffices.COMMUNE.zone()).toInstant();
        Instant called = arrival.plus(Duration.ofMinutes(waited));
        return new Visit(day, id, Optional.of("1-00" + id), List.of("HT"), Optional.empty(), false, false, arrival,
                Optional.of(called), Optional.of(called), called.plusSeconds(300), outcome, 1,
                outcome == Visit.Outcome.SERVED ? 1 : 0, Optional.empty(), Map.of("p", predicted));
    }

    private static Visit withoutEstimates(Visit v) {
        return new Visit(v.day(), v.citizen(), v.ticket(), v.services(), v.priority(), v.appointment(), v.carried(),
                v.arrival(), v.called(), v.started(), v.ended(), v.outcome(), v.counter(), v.files(), v.rating());
    }
}
