package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

class StaffingPlannerTest {

    /**
     * One service of about a minute (CV 0.1, 10 s walk-up, no breaks) at three interchangeable counters, open
     * 08:00-10:00. Quiet half hours bring about 2 citizens (one counter is idle most of the time); the two peak half
     * hours bring about 36 each, 1.2 a minute: one counter (about 0.86 a minute) falls ever further behind, two (load
     * 0.7) keep waits to a couple of minutes. With a 5-minute target the plan can only be 1, 2, 2, 1 counters.
     */
    private static final Office TINY = new Office("tiny", "Một dịch vụ", ZoneId.of("Asia/Ho_Chi_Minh"),
            List.of(new Office.Period(LocalTime.of(8, 0), LocalTime.of(10, 0))), EnumSet.allOf(DayOfWeek.class), 80,
            List.of(new Office.Service("A", "1", "Dịch vụ A", "Service A", 1.0, 1.0, 1, 99_999)),
            List.of(new Office.Counter(1, List.of("A")), new Office.Counter(2, List.of("A")),
                    new Office.Counter(3, List.of("A"))),
            0, 0, 0, Map.of(LocalTime.of(8, 0), 0.025, LocalTime.of(8, 30), 0.45, LocalTime.of(9, 0), 0.45,
                    LocalTime.of(9, 30), 0.075),
            Rules.defaults(), Optional.empty());

    private static final SimulationOptions STEADY = SimulationOptions.defaults().withDays(4)
            .withServiceTimes(SimulationOptions.ServiceTimes.LOGNORMAL, 0.1)
            .withCounterWork(Duration.ofSeconds(10), 0, 0);

    private static final StaffingPlanner.Target FIVE_AT_P95 = new StaffingPlanner.Target(5, 95);

    @Test
    void a_one_service_office_gets_one_counter_when_quiet_and_two_at_the_peak() {
        StaffingPlan plan = new StaffingPlanner(TINY, STEADY, FIVE_AT_P95, StaffingPlanner.Progress.NONE).plan();

        assertThat(IntStream.range(0, 4).map(h -> plan.schedule().staffedIn(h).size()).toArray())
                .containsExactly(1, 2, 2, 1);
        assertThat(plan.infeasible()).isEmpty();
        assertThat(IntStream.range(0, 4)).allMatch(plan::meets);
    }

    @Test
    void where_the_office_s_own_counters_are_too_few_the_plan_adds_counters_with_their_skills_at_the_peak() throws Exception {
        Office oneCounter = TINY.withCounters(List.of(TINY.counters().getFirst()));

        StaffingPlan alone = new StaffingPlanner(oneCounter, STEADY, FIVE_AT_P95, StaffingPlanner.Progress.NONE).plan();
        StaffingPlan helped = new StaffingPlanner(oneCounter, STEADY, FIVE_AT_P95, new StaffingPlanner.Search(2, 1),
                StaffingPlanner.Progress.NONE).plan();

        // One counter falls behind at the peak, and its backlog lasts into 09:30.
        assertThat(alone.infeasible()).containsExactly(1, 2, 3);
        // Unstaffed extra counters change nothing: the same citizens and officer, the same waits to the minute.
        assertThat(helped.allCounters()).containsExactly(alone.allCounters());
        assertThat(IntStream.range(0, 4)).allMatch(helped::meets);
        assertThat(helped.extras()).containsOnlyKeys(2, 3).containsValues(1, 1); // copies of counter 1, numbered on
        assertThat(IntStream.range(0, 4).mapToObj(h -> helped.schedule().staffedIn(h)).toList())
                .containsExactly(List.of(1), List.of(1, 2), List.of(1, 2), List.of(1));
        PlanExport export = PlanExport.of(helped);
        assertThat(export.extraCounters()).containsExactly(
                new PlanExport.ExtraCounter(2, 1, List.of("A"), List.of("08:30", "09:00")));
        assertThat(export.allHalfHours()).isEqualTo(4); // the office's own counter, all day
        assertThat(PlanTable.of(export)).contains("counter 2 like counter 1 (A): 08:30 09:00");
    }

    @Test
    void with_a_shortest_stretch_every_counter_works_at_least_that_long_and_the_target_still_holds() {
        StaffingPlan plan = new StaffingPlanner(TINY, STEADY, FIVE_AT_P95, new StaffingPlanner.Search(0, 3),
                StaffingPlanner.Progress.NONE).plan();

        // The peak needs a second counter at 08:30 and 09:00, and none may work less than an hour and a half: one
        // counter 08:00-09:30 and another 08:30-10:00 is the least (6 counter half hours, against 1-2-2-1 without).
        assertThat(plan.schedule().counters()).allSatisfy(counter -> assertThat(plan.schedule().stretches(counter))
                .allSatisfy(stretch -> assertThat(stretch[1] - stretch[0]).isGreaterThanOrEqualTo(3)));
        assertThat(IntStream.range(0, 4).map(h -> plan.schedule().staffedIn(h).size()).sum()).isEqualTo(6);
        assertThat(IntStream.range(0, 4)).allMatch(plan::meets);
        assertThatThrownBy(() -> new StaffingPlanner.Search(0, 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 1 half hour");
    }

    @Test
    void the_plan_meets_its_target_when_simulated_again_and_what_it_reports_is_what_the_engine_gives() {
        SimulationOptions options = SimulationOptions.defaults().withDays(2);
        StaffingPlanner.Target target = new StaffingPlanner.Target(15, 95);
        StaffingPlan plan = new StaffingPlanner(SimOffices.COMMUNE, options, target, StaffingPlanner.Progress.NONE).plan();

        HalfHourWaits again = HalfHourWaits.of(SimOffices.COMMUNE, options,
                OfficeSimulator.run(SimOffices.COMMUNE, options.withSchedule(plan.schedule())).visits());
        HalfHourWaits everyCounter = HalfHourWaits.of(SimOffices.COMMUNE, options,
                OfficeSimulator.run(SimOffices.COMMUNE, options).visits());
        for (int h = 0; h < again.halfHours(); h++) {
            assertThat(again.percentile(h, 0.95)).isEqualTo(plan.reached()[h]);
            assertThat(everyCounter.percentile(h, 0.95)).isEqualTo(plan.allCounters()[h]);
            if (plan.feasible(h)) {
                assertThat(plan.reached()[h]).as("half hour %d", h).isLessThanOrEqualTo(15);
            } else {
                // A half hour that cannot meet the target is kept no worse than every counter makes it.
                assertThat(plan.reached()[h]).isLessThanOrEqualTo(plan.allCounters()[h]);
            }
        }
        assertThat(plan.schedule().counterHalfHours()).isLessThan(Staffing.allDay(SimOffices.COMMUNE).counterHalfHours());
        // Every service stays served in every half hour: nobody is turned away.
        assertThat(OfficeSimulator.run(SimOffices.COMMUNE, options.withSchedule(plan.schedule())).visits())
                .noneMatch(v -> v.outcome() == Visit.Outcome.TURNED_AWAY);
    }

    @Test
    void the_search_is_deterministic() {
        SimulationOptions options = STEADY.withSeed(9);
        List<Double> progress = new ArrayList<>();
        StaffingPlan first = new StaffingPlanner(TINY, options, FIVE_AT_P95, (phase, done, runs) -> progress.add(done))
                .plan();
        StaffingPlan again = new StaffingPlanner(TINY, options, FIVE_AT_P95, StaffingPlanner.Progress.NONE).plan();

        assertThat(again.schedule()).isEqualTo(first.schedule());
        assertThat(again.reached()).containsExactly(first.reached());
        assertThat(again.runs()).isEqualTo(first.runs());
        assertThat(progress).isSorted().startsWith(0.0).endsWith(1.0);
    }

    @Test
    void a_target_out_of_range_is_a_clear_error() {
        assertThatThrownBy(() -> new StaffingPlanner.Target(0, 95)).hasMessageContaining("more than 0 minutes");
        assertThatThrownBy(() -> new StaffingPlanner.Target(15, 101)).hasMessageContaining("percentile");
    }
}
