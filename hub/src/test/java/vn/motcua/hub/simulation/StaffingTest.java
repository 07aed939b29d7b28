package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;

class StaffingTest {

    private static final Office COMMUNE = SimOffices.COMMUNE;

    @Test
    void the_half_hours_are_the_opening_periods_cut_in_half_hours() {
        List<LocalTime> halfHours = Staffing.halfHours(COMMUNE);

        assertThat(halfHours).hasSize(15).startsWith(LocalTime.of(7, 30), LocalTime.of(8, 0))
                .contains(LocalTime.of(11, 0), LocalTime.of(13, 30)).endsWith(LocalTime.of(16, 30))
                .doesNotContain(LocalTime.of(11, 30), LocalTime.of(13, 0));
        assertThat(Staffing.halfHourEnd(COMMUNE, LocalTime.of(11, 0))).isEqualTo(LocalTime.of(11, 30));
    }

    @Test
    void a_period_that_ends_off_the_half_hour_has_a_shorter_last_half_hour() {
        Office office = SimOffices.hours(COMMUNE, new Office.Period(LocalTime.of(7, 30), LocalTime.of(9, 15)));

        assertThat(Staffing.halfHours(office)).containsExactly(LocalTime.of(7, 30), LocalTime.of(8, 0),
                LocalTime.of(8, 30), LocalTime.of(9, 0));
        assertThat(Staffing.halfHourEnd(office, LocalTime.of(9, 0))).isEqualTo(LocalTime.of(9, 15));
    }

    @Test
    void every_counter_all_day_as_a_schedule_gives_the_very_run_of_no_schedule() {
        SimulationOptions options = SimulationOptions.defaults().withDays(2).withSeed(3)
                .withStaffing(0.3, Duration.ofMinutes(40), 0.3, Duration.ofMinutes(90))
                .withPatience(Optional.of(Duration.ofMinutes(60)));

        SimulationResult plain = OfficeSimulator.run(SimOffices.DISTRICT, options);
        SimulationResult scheduled = OfficeSimulator.run(SimOffices.DISTRICT,
                options.withSchedule(Staffing.allDay(SimOffices.DISTRICT)));

        assertThat(scheduled.visits()).isEqualTo(plain.visits());
        assertThat(scheduled.counters()).isEqualTo(plain.counters());
    }

    @Test
    void a_counter_calls_only_in_its_staffed_stretches() {
        List<LocalTime> h = Staffing.halfHours(COMMUNE);
        // Counter 2 staffed 08:00-09:30 and 14:00-15:00; counters 1 and 3 (all services between them) all day.
        Staffing schedule = Staffing.only(COMMUNE, List.of(1, 3));
        for (LocalTime t : List.of(LocalTime.of(8, 0), LocalTime.of(8, 30), LocalTime.of(9, 0), LocalTime.of(14, 0),
                LocalTime.of(14, 30))) {
            schedule = schedule.with(2, h.indexOf(t), true);
        }
        assertThat(schedule.stretches(2)).containsExactly(new int[] {1, 4}, new int[] {9, 11});

        SimulationResult result = OfficeSimulator.run(COMMUNE, SimulationOptions.defaults().withDays(3)
                .withSchedule(schedule));

        List<LocalTime> callsAtTwo = result.visits().stream().filter(v -> v.counter() == 2)
                .map(v -> v.called().orElseThrow().atZone(COMMUNE.zone()).toLocalTime()).toList();
        assertThat(callsAtTwo).isNotEmpty().allSatisfy(t -> assertThat(
                within(t, LocalTime.of(8, 0), LocalTime.of(9, 30)) || within(t, LocalTime.of(14, 0), LocalTime.of(15, 0)))
                .as("call at %s", t).isTrue());
        assertThat(result.visits()).noneMatch(v -> v.outcome() == Visit.Outcome.TURNED_AWAY);
    }

    @Test
    void a_service_no_staffed_counter_serves_turns_its_citizens_away_and_they_count_as_waiting_until_closing() {
        // Counter 3 serves DD, LD and CT only: civil status (HT) and other areas (KH) find no counter open.
        SimulationOptions options = SimulationOptions.defaults().withDays(2).withSchedule(Staffing.only(COMMUNE, List.of(3)));
        SimulationResult result = OfficeSimulator.run(COMMUNE, options);

        assertThat(result.visits()).filteredOn(v -> v.outcome() == Visit.Outcome.TURNED_AWAY)
                .isNotEmpty().allMatch(v -> List.of("HT", "KH").contains(v.services().getFirst()));
        HalfHourWaits waits = HalfHourWaits.of(COMMUNE, options, result.visits());
        // 07:30: about 40 % of the citizens are turned away; counted until 17:00 they wait more than 8 hours.
        assertThat(waits.percentile(0, 0.95)).isGreaterThan(8 * 60);
        assertThat(IntStream.range(0, waits.halfHours()).map(waits::arrivals).sum())
                .isEqualTo(result.visits().size());
    }

    @Test
    void an_unknown_counter_is_a_clear_error() {
        assertThatThrownBy(() -> Staffing.only(COMMUNE, List.of(1, 7)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no counter 7")
                .hasMessageContaining("[1, 2, 3]");
    }

    @Test
    void a_schedule_of_another_office_is_refused() {
        SimulationOptions options = SimulationOptions.defaults().withSchedule(Staffing.allDay(SimOffices.DISTRICT));

        assertThatThrownBy(() -> OfficeSimulator.run(COMMUNE, options)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("not one of office");
    }

    private static boolean within(LocalTime t, LocalTime from, LocalTime to) {
        return !t.isBefore(from) && t.isBefore(to);
    }
}
