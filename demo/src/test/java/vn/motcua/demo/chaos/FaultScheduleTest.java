package vn.motcua.demo.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/** The chaos suite's fault schedule: repeatable from its seed, and within the rules the suite relies on. */
class FaultScheduleTest {

    private static final Duration WINDOW = Duration.ofSeconds(75);

    @Test
    void the_same_seed_draws_the_same_schedule_and_another_seed_another() {
        FaultSchedule schedule = FaultSchedule.draw(42, ChaosSite.UNITS, WINDOW);

        assertThat(FaultSchedule.draw(42, ChaosSite.UNITS, WINDOW)).isEqualTo(schedule);
        assertThat(FaultSchedule.draw(43, ChaosSite.UNITS, WINDOW).faults()).isNotEqualTo(schedule.faults());
        assertThat(schedule.describe()).startsWith("chaos seed 42 ").contains("-Dchaos.seed=42")
                .contains(schedule.faults().getFirst().toString());
    }

    @Test
    void every_kind_of_fault_happens_within_the_window_and_never_twice_at_once_on_one_target() {
        for (long seed = 0; seed < 200; seed++) {
            FaultSchedule schedule = FaultSchedule.draw(seed, ChaosSite.UNITS, WINDOW);

            assertThat(schedule.end()).as("seed %d", seed).isLessThanOrEqualTo(WINDOW);
            assertThat(schedule.faults()).as("seed %d", seed).extracting(Fault::kind)
                    .contains(Fault.Kind.values());
            for (String unit : ChaosSite.UNITS) {
                assertThat(schedule.faults()).as("seed %d, %s", seed, unit)
                        .filteredOn(f -> f.target().equals(unit)).extracting(Fault::kind)
                        .contains(Fault.Kind.CUT, Fault.Kind.HOLD);
            }
            Map<String, List<Fault>> byTarget = schedule.faults().stream()
                    .collect(Collectors.groupingBy(Fault::target));
            byTarget.forEach((target, faults) -> {
                for (int i = 1; i < faults.size(); i++) {
                    assertThat(faults.get(i).at()).as("%s after %s", faults.get(i), faults.get(i - 1))
                            .isGreaterThanOrEqualTo(faults.get(i - 1).until());
                }
            });
        }
    }
}
