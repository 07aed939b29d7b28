package vn.motcua.device.link;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import vn.motcua.testkit.ManualClock;

class HubClockTest {

    private static final Instant UNIT_NOW = Instant.parse("2026-11-23T01:53:00Z");
    private final ManualClock unit = new ManualClock(UNIT_NOW, ZoneOffset.ofHours(7));
    private final HubClock hub = new HubClock("counter-4", unit);

    @Test
    void until_the_first_answer_the_hubs_clock_is_the_units_own() {
        assertThat(hub.instant()).isEqualTo(UNIT_NOW);
        assertThat(hub.offset()).isZero();
    }

    @Test
    void the_offset_is_the_hubs_time_minus_the_midpoint_of_a_short_round_trip() {
        Instant sent = unit.instant();
        unit.advance(Duration.ofMillis(200));
        hub.observe(sent, OffsetDateTime.parse("2026-11-23T09:00:00.1+07:00")); // the hub read its clock at 01:53:00.1 + 7 min

        assertThat(hub.offset()).isEqualTo(Duration.ofMinutes(7));
        assertThat(hub.instant()).isEqualTo(UNIT_NOW.plusMillis(200).plus(Duration.ofMinutes(7)));
    }

    @Test
    void a_slow_answer_or_a_clock_stepped_back_teaches_nothing() {
        Instant sent = unit.instant();
        unit.advance(Duration.ofSeconds(3));
        hub.observe(sent, OffsetDateTime.parse("2026-11-23T09:00:00+07:00"));
        unit.set(sent.minusSeconds(10));
        hub.observe(sent, OffsetDateTime.parse("2026-11-23T09:00:00+07:00"));

        assertThat(hub.offset()).isZero();
    }

    @Test
    void a_later_measurement_replaces_an_earlier_one_as_the_units_clock_drifts_or_is_set() {
        Instant sent = unit.instant();
        hub.observe(sent, OffsetDateTime.parse("2026-11-23T09:00:00+07:00"));
        sent = unit.instant();
        hub.observe(sent, OffsetDateTime.parse("2026-11-23T08:52:59+07:00"));

        assertThat(hub.offset()).isEqualTo(Duration.ofSeconds(-1));
    }
}
