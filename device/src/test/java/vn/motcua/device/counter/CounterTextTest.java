package vn.motcua.device.counter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.device.Samples;
import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;

class CounterTextTest {

    @Test
    void an_open_counter_shows_its_ticket_or_dashes() {
        assertThat(CounterText.of(Samples.serving(3, "1-023"))).isEqualTo("Quầy 3 · 1-023");
        assertThat(CounterText.of(new CounterState(3, CounterStatus.OPEN, Optional.empty(), Samples.MORNING)))
                .isEqualTo("Quầy 3 · ---");
    }

    @Test
    void a_paused_or_closed_counter_says_so() {
        assertThat(CounterText.of(Samples.paused(12))).isEqualTo("Quầy 12 · Tạm nghỉ");
        assertThat(CounterText.of(new CounterState(3, CounterStatus.CLOSED, Optional.empty(), Samples.MORNING)))
                .isEqualTo("Quầy 3 · Đóng");
    }
}
