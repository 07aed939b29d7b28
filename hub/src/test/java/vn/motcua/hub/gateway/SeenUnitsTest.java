package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.metrics.Metrics;

class SeenUnitsTest {

    private final Metrics metrics = new Metrics();
    private final AtomicLong nanos = new AtomicLong(TimeUnit.HOURS.toNanos(1));
    private final SeenUnits seen = new SeenUnits(metrics, nanos::get, 2);

    @Test
    void each_units_last_seen_age_is_a_gauge_in_whole_seconds_reset_by_its_next_message() {
        seen.heard("kiosk-1");
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(12_700));

        assertThat(metrics.prometheusText()).contains("motcua_device_last_seen_seconds{device=\"kiosk-1\"} 12\n");

        seen.heard("kiosk-1");
        assertThat(metrics.prometheusText()).contains("motcua_device_last_seen_seconds{device=\"kiosk-1\"} 0\n");
    }

    @Test
    void units_beyond_the_cap_get_no_series_and_are_counted() {
        assertThat(seen.heard("kiosk-1")).isTrue();
        assertThat(seen.track("counter-1")).isTrue();

        assertThat(seen.heard("made-up-1")).isFalse();
        assertThat(seen.track("made-up-2")).isFalse();
        assertThat(seen.heard("kiosk-1")).as("a tracked unit stays tracked").isTrue();

        assertThat(metrics.prometheusText()).doesNotContain("made-up");
        assertThat(metrics.value(SeenUnits.UNTRACKED)).isEqualTo(2);
    }
}
