package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

/** The day summary's arithmetic, on visits and counter-days made by hand. */
class SummaryTest {

    private static final LocalDate DAY = LocalDate.of(2026, 1, 5);
    private static final Instant OPEN = Instant.parse("2026-01-05T00:30:00Z");

    @Test
    void waits_are_counted_from_arrival_to_first_call_with_nearest_rank_percentiles() {
        // Waits of 0, 5, 10, ... 95 minutes: twenty called visits, every fourth with a priority.
        List<Visit> visits = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            visits.add(visit(i, Optional.of(Duration.ofMinutes(5L * i)), Visit.Outcome.SERVED,
                    i % 4 == 0 ? Optional.of("ELDERLY") : Optional.empty(), false));
        }
        visits.add(visit(20, Optional.empty(), Visit.Outcome.UNSERVED_AT_CLOSE, Optional.empty(), false));
        visits.add(visit(21, Optional.of(Duration.ofHours(20)), Visit.Outcome.SERVED, Optional.empty(), true));
        Summary summary = Summary.of(visits, List.of(
                new CounterDay(DAY, 1, "CB01", Duration.ofHours(8), Duration.ofHours(6), 30, 1),
                new CounterDay(DAY.plusDays(1), 1, "CB01", Duration.ofHours(8), Duration.ofHours(4), 20, 0)));

        WaitStats w = summary.waits();
        assertThat(w.count()).isEqualTo(20); // the never-called and the carried-over are not in the waits
        assertThat(w.mean()).isCloseTo(47.5, within(1e-9));
        assertThat(w.p50()).isEqualTo(45);  // 10th of 20
        assertThat(w.p90()).isEqualTo(85);  // 18th
        assertThat(w.p95()).isEqualTo(90);  // 19th
        assertThat(w.max()).isEqualTo(95);
        assertThat(w.within15()).isCloseTo(4 / 20.0, within(1e-9));
        assertThat(w.within30()).isCloseTo(7 / 20.0, within(1e-9));
        assertThat(summary.priorityWaits().count()).isEqualTo(5);
        assertThat(summary.priorityWaits().mean()).isCloseTo((0 + 20 + 40 + 60 + 80) / 5.0, within(1e-9));
        assertThat(summary.visits()).isEqualTo(21);
        assertThat(summary.carriedIn()).isEqualTo(1);
        assertThat(summary.count(Visit.Outcome.SERVED)).isEqualTo(21);
        assertThat(summary.count(Visit.Outcome.UNSERVED_AT_CLOSE)).isEqualTo(1);
        assertThat(summary.days()).isEqualTo(2);
        Summary.CounterSummary counter = summary.counters().getFirst();
        assertThat(counter.utilisation()).isCloseTo(10 / 16.0, within(1e-9));
        assertThat(counter.filesPerDay()).isEqualTo(25);
    }

    private static Visit visit(int id, Optional<Duration> wait, Visit.Outcome outcome, Optional<String> priority,
                               boolean carried) {
        Instant arrival = OPEN.plusSeconds(id);
        Optional<Instant> called = wait.map(arrival::plus);
        return new Visit(DAY, id, Optional.of(String.format("1-%03d", id + 1)), List.of("HT"), priority, false, carried,
                arrival, called, called, called.orElse(arrival).plusSeconds(300), outcome, called.isPresent() ? 1 : 0,
                outcome == Visit.Outcome.SERVED ? 1 : 0, Optional.empty());
    }
}
