package vn.motcua.hub.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.hub.engine.EngineFixture.DISTRICT;
import static vn.motcua.hub.engine.EngineFixture.HCM;
import static vn.motcua.hub.engine.EngineFixture.MONDAY;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.Rules;

/** The district office opens 07:30-11:30 and 13:30-17:00; with the default 10-minute cut-off its last call is 16:50. */
class LastCallTest {

    @Test
    void the_last_call_is_the_end_of_the_last_period_minus_the_cut_off() {
        assertThat(DISTRICT.rules().lastCallBeforeClose()).isEqualTo(Duration.ofMinutes(10));
        assertThat(LastCall.on(DISTRICT, at(9, 0))).contains(at(16, 50));
        assertThat(LastCall.on(withCutOff(0), at(9, 0))).contains(at(17, 0));
    }

    @Test
    void an_estimated_call_before_the_last_call_is_a_promise_and_one_at_or_after_it_is_not() {
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(9, 0), Optional.of(60))).isFalse();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(16, 0), Optional.of(49))).isFalse();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(16, 0), Optional.of(50))).isTrue();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(9, 0), Optional.of(471))).isTrue();
    }

    @Test
    void the_cut_off_moves_the_line() {
        Office noCutOff = withCutOff(0);
        assertThat(LastCall.mayNotBeServedToday(noCutOff, at(16, 0), Optional.of(59))).isFalse();
        assertThat(LastCall.mayNotBeServedToday(noCutOff, at(16, 0), Optional.of(60))).isTrue();
        Office hourBefore = withCutOff(60);
        assertThat(LastCall.mayNotBeServedToday(hourBefore, at(15, 30), Optional.of(29))).isFalse();
        assertThat(LastCall.mayNotBeServedToday(hourBefore, at(15, 30), Optional.of(30))).isTrue();
    }

    @Test
    void over_lunch_the_afternoon_close_counts_not_the_morning_one() {
        // 12:00: the morning period is over and no counter is open, so there is no estimate; the afternoon is ahead.
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(12, 0), Optional.empty())).isFalse();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(12, 0), Optional.of(240))).isFalse();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(12, 0), Optional.of(290))).isTrue();
    }

    @Test
    void once_the_day_s_hours_are_over_even_no_estimate_warns() {
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(16, 55), Optional.empty())).isTrue();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(17, 30), Optional.empty())).isTrue();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(17, 30), Optional.of(0))).isTrue();
        assertThat(LastCall.mayNotBeServedToday(DISTRICT, at(7, 0), Optional.empty())).isFalse();
    }

    @Test
    void an_office_without_hours_never_warns() {
        Office hoursless = new Office(DISTRICT.id(), DISTRICT.name(), DISTRICT.zone(), List.of(), DISTRICT.days(),
                DISTRICT.visitsPerDay(), DISTRICT.services(), DISTRICT.counters(), DISTRICT.priorityShare(),
                DISTRICT.appointmentShare(), DISTRICT.noShowShare(), DISTRICT.arrivalsByHalfHour(), DISTRICT.rules(),
                DISTRICT.bindings());
        assertThat(LastCall.on(hoursless, at(18, 0))).isEmpty();
        assertThat(LastCall.mayNotBeServedToday(hoursless, at(18, 0), Optional.empty())).isFalse();
    }

    static Office withCutOff(int minutes) {
        Rules r = DISTRICT.rules();
        Rules rules = new Rules(r.priorityClasses(), r.ratingLevels(), r.ratingWindow(), r.recallsBeforeNoShow(),
                r.undoWindow(), r.closingRule(), r.starvationCap(), r.skillStep(), r.appointmentEarly(),
                r.appointmentLate(), r.policy(), r.offlinePrinting(), r.offlineLeaseMax(), Duration.ofMinutes(minutes),
                r.shortJobHeadStart(), r.unitLimits());
        return DISTRICT.withRules(rules);
    }

    static Instant at(int hour, int minute) {
        return MONDAY.atTime(hour, minute).atZone(HCM).toInstant();
    }
}
