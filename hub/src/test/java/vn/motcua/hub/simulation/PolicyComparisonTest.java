package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

class PolicyComparisonTest {

    /**
     * Three counters, two services of equal demand; counter 2 serves B only as a second skill, so under dedicated
     * FIFO two counters serve A and one serves B: B's queue overloads while A's counters idle.
     */
    private static final Office LOPSIDED = lopsided();

    private static Office lopsided() {
        Map<LocalTime, Double> arrivals = new LinkedHashMap<>();
        IntStream.range(0, 8).forEach(i -> arrivals.put(LocalTime.of(8 + i / 2, i % 2 * 30), 1.0 / 8));
        return new Office("lopsided", "Lệch", ZoneId.of("Asia/Ho_Chi_Minh"),
                List.of(new Office.Period(LocalTime.of(8, 0), LocalTime.of(12, 0))), EnumSet.allOf(DayOfWeek.class), 50,
                List.of(new Office.Service("A", "1", "Dịch vụ A", "Service A", 0.5, 8, 1, 999),
                        new Office.Service("B", "2", "Dịch vụ B", "Service B", 0.5, 8, 1, 999)),
                List.of(new Office.Counter(1, List.of("A")), new Office.Counter(2, List.of("A", "B")),
                        new Office.Counter(3, List.of("B"))),
                0.1, 0.1, 0.05, arrivals, Rules.defaults(), Optional.empty());
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void the_pooled_bound_waits_no_longer_than_dedicated_fifo(long seed) {
        PolicyComparison comparison = PolicyComparison.run(LOPSIDED, SimulationOptions.defaults().withDays(3).withSeed(seed));

        PolicyComparison.Row fifo = comparison.rows().stream().filter(r -> r.policy().equals("fifo-dedicated"))
                .findFirst().orElseThrow();
        assertThat(comparison.pooledBound().summary().waits().mean()).isLessThanOrEqualTo(fifo.summary().waits().mean());
        assertThat(comparison.relativeToPooled(fifo)).isGreaterThanOrEqualTo(1.0);
    }

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2})
    void every_row_meets_the_same_arrivals(long seed) {
        PolicyComparison comparison = PolicyComparison.run(LOPSIDED, SimulationOptions.defaults().withDays(3).withSeed(seed));

        assertThat(comparison.rows()).extracting(PolicyComparison.Row::policy)
                .containsExactlyElementsOf(concat(AllocationPolicy.NAMES, PolicyComparison.POOLED_POLICY));
        List<List<Object>> first = arrivals(comparison.rows().getFirst());
        assertThat(first).isNotEmpty();
        assertThat(comparison.rows()).allSatisfy(row -> assertThat(arrivals(row)).isEqualTo(first));
    }

    @Test
    void citizens_of_a_service_fifo_never_calls_count_in_its_waits_until_they_left() {
        // Service B is no counter's first: dedicated FIFO never calls it.
        Office uncovered = new Office("uncovered", "Không ai nhận", LOPSIDED.zone(), LOPSIDED.hours(), LOPSIDED.days(), 40,
                LOPSIDED.services(), List.of(new Office.Counter(1, List.of("A", "B")), new Office.Counter(2, List.of("A"))),
                0.1, 0.1, 0.05, LOPSIDED.arrivalsByHalfHour(), Rules.defaults(),
                Optional.empty());
        PolicyComparison comparison = PolicyComparison.run(uncovered, SimulationOptions.defaults().withDays(2));
        Summary fifo = comparison.rows().get(AllocationPolicy.NAMES.indexOf("fifo-dedicated")).summary();
        Summary ours = comparison.rows().get(AllocationPolicy.NAMES.indexOf("effective-wait")).summary();

        List<Visit> neverCalled = comparison.rows().get(AllocationPolicy.NAMES.indexOf("fifo-dedicated")).result().visits()
                .stream().filter(v -> v.services().getFirst().equals("B") && v.ticket().isPresent()).toList();
        assertThat(neverCalled).isNotEmpty().allSatisfy(v -> assertThat(v.censored()).isTrue());
        assertThat(fifo.waits().censored()).isEqualTo(neverCalled.size());
        assertThat(fifo.waits().count()).isEqualTo(fifo.calledWaits().count() + neverCalled.size());
        assertThat(fifo.waits().mean()).isGreaterThan(fifo.calledWaits().mean());
        assertThat(ours.waits().censored()).isLessThan(fifo.waits().censored());
        assertThat(ours.waits().mean()).isLessThan(fifo.waits().mean());
    }

    @Test
    void the_pooled_office_lets_every_counter_serve_every_service_own_skills_first() {
        Office pooled = PolicyComparison.pooled(LOPSIDED);

        assertThat(pooled.counters()).extracting(Office.Counter::services)
                .containsExactly(List.of("A", "B"), List.of("A", "B"), List.of("B", "A"));
        assertThat(pooled.rules().skillStep()).isZero();
        assertThat(PolicyTable.of(pooled.name(), 1, PolicyComparison.run(LOPSIDED, SimulationOptions.defaults())))
                .contains("fifo-dedicated", "gộp / pooled (effective-wait)", "÷ pooled");
    }

    /** What the simulator drew, not what the policy did: day, citizen, arrival instant, first service, priority. */
    private static List<List<Object>> arrivals(PolicyComparison.Row row) {
        return row.result().visits().stream().filter(v -> !v.carried())
                .<List<Object>>map(v -> List.of(v.day(), v.citizen(), v.arrival(), v.services().getFirst(), v.priority()))
                .toList();
    }

    private static List<String> concat(List<String> names, String last) {
        return Stream.concat(names.stream(), Stream.of(last)).toList();
    }
}
