package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

class SimulatorTest {

    /** Everything the simulator models switched on: gives up, late counters, early leavers, breaks, second services. */
    private static final SimulationOptions BUSY = SimulationOptions.defaults().withDays(3)
            .withCounterWork(Duration.ofSeconds(45), 0.2, 1.0)
            .withStaffing(0.3, Duration.ofMinutes(40), 0.3, Duration.ofMinutes(90))
            .withPatience(Optional.of(Duration.ofMinutes(60)));

    @Test
    void the_same_seed_gives_the_same_visits_and_another_seed_other_visits() {
        SimulationOptions options = BUSY.withSeed(7);
        SimulationResult first = OfficeSimulator.run(SimOffices.DISTRICT, options);
        SimulationResult again = OfficeSimulator.run(SimOffices.DISTRICT, options);
        SimulationResult other = OfficeSimulator.run(SimOffices.DISTRICT, options.withSeed(8));

        assertThat(again.visits()).isEqualTo(first.visits());
        assertThat(again.counters()).isEqualTo(first.counters());
        assertThat(other.visits()).isNotEqualTo(first.visits());
    }

    @Test
    void every_policy_meets_the_same_citizens_on_the_same_seed() {
        SimulationOptions options = BUSY.withSeed(5).withPatience(Optional.empty());
        List<List<Object>> arrivals = AllocationPolicy.NAMES.stream()
                .map(policy -> OfficeSimulator.run(SimOffices.DISTRICT, options.withPolicy(policy)).visits().stream()
                        .filter(v -> !v.carried())
                        .<Object>map(v -> List.of(v.day(), v.citizen(), v.arrival(), v.services().getFirst(), v.priority()))
                        .toList())
                .toList();

        assertThat(arrivals.get(1)).isEqualTo(arrivals.get(0));
        assertThat(arrivals.get(2)).isEqualTo(arrivals.get(0));
    }

    static Stream<Arguments> offices() {
        return Stream.of(SimOffices.DISTRICT, SimOffices.COMMUNE,
                        SimOffices.closing(SimOffices.DISTRICT, Rules.ClosingRule.CARRY_OVER))
                .flatMap(office -> Stream.of(1L, 2L, 3L).map(seed -> Arguments.of(office, seed)));
    }

    @ParameterizedTest(name = "{0} seed {1}")
    @MethodSource("offices")
    void every_arrival_ends_served_no_show_cancelled_or_unserved(Office office, long seed) {
        SimulationResult result = OfficeSimulator.run(office, BUSY.withSeed(seed));

        assertThat(result.visits()).isNotEmpty().allSatisfy(v -> {
            switch (v.outcome()) {
                case SERVED -> {
                    assertThat(v.called()).isPresent();
                    assertThat(v.started()).isPresent();
                    assertThat(v.files()).isEqualTo(v.services().size());
                    assertThat(v.ended()).isAfter(v.started().orElseThrow());
                }
                case NO_SHOW -> {
                    assertThat(v.called()).isPresent();
                    assertThat(v.started()).isEmpty();
                    assertThat(v.files()).isZero();
                }
                case CANCELLED -> assertThat(v.called()).isEmpty();
                case UNSERVED_AT_CLOSE -> assertThat(v.files()).isLessThan(v.services().size());
                case TURNED_AWAY -> assertThat(v.ticket()).isEmpty();
            }
            assertThat(v.ended()).isAfterOrEqualTo(v.arrival());
            v.waited().ifPresent(w -> assertThat(w.isNegative()).isFalse());
        });
        // Every ticket the engine gave is one visit; tickets are unique per day.
        assertThat(result.visits().stream().filter(v -> v.ticket().isPresent()).map(v -> v.day() + v.ticket().get())
                .distinct().count()).isEqualTo(result.visits().stream().filter(v -> v.ticket().isPresent()).count());
        // The busy options make every kind of ending happen somewhere in these runs.
        Summary summary = result.summary();
        assertThat(summary.count(Visit.Outcome.SERVED)).isPositive();
        assertThat(summary.visits() + summary.carriedIn()).isEqualTo(result.visits().size());
        assertThat(result.counters()).hasSize(3 * office.counters().size());
    }

    @Test
    void the_district_office_sees_every_outcome_and_carries_its_unserved_over_under_carry_over() {
        // Patient enough that some are still waiting at closing time.
        SimulationOptions options = BUSY.withSeed(1).withPatience(Optional.of(Duration.ofMinutes(240)));
        List<Visit> close = Stream.of(1L, 2L, 3L)
                .flatMap(seed -> OfficeSimulator.run(SimOffices.DISTRICT, options.withSeed(seed)).visits().stream())
                .toList();
        List<Visit> carry = OfficeSimulator.run(SimOffices.closing(SimOffices.DISTRICT, Rules.ClosingRule.CARRY_OVER),
                options).visits();

        assertThat(close).extracting(Visit::outcome).containsAll(Set.of(Visit.Outcome.values()));
        assertThat(close).noneMatch(Visit::carried);
        List<Visit> carried = carry.stream().filter(Visit::carried).toList();
        assertThat(carried).isNotEmpty().allSatisfy(v -> assertThat(v.arrival()).isBefore(
                v.day().atStartOfDay(SimOffices.DISTRICT.zone()).toInstant()));
        // They are in line again the next morning, and the counters serve them.
        assertThat(carried).extracting(Visit::outcome).contains(Visit.Outcome.SERVED);
    }

    @Test
    void an_unknown_policy_is_a_clear_error() {
        assertThatThrownBy(() -> OfficeSimulator.run(SimOffices.COMMUNE, SimulationOptions.defaults().withPolicy("lifo")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lifo")
                .hasMessageContaining("effective-wait");
    }

    @Test
    void a_full_district_day_runs_in_well_under_a_second() {
        SimulationOptions options = SimulationOptions.defaults();
        OfficeSimulator.run(SimOffices.DISTRICT, options.withSeed(99)); // warm the JIT: a CLI run pays this once
        long start = System.nanoTime();
        SimulationResult day = OfficeSimulator.run(SimOffices.DISTRICT, options);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.printf("district day: %d visits simulated in %d ms%n", day.visits().size(), millis);
        assertThat(millis).isLessThan(2000);
    }
}
