package vn.motcua.device.display;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.mock.provider.spi.MockSpi;
import com.pi4j.plugin.mock.provider.spi.MockSpiProvider;

import vn.motcua.protocol.message.CounterState;
import vn.motcua.protocol.message.CounterStatus;
import vn.motcua.protocol.message.ServingPhase;

class Max7219DisplayTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T09:00:00+07:00");

    private final Context pi4j = Pi4J.newContextBuilder().noAutoDetect().add(MockSpiProvider.newInstance()).build();
    private final MockSpi spi = (MockSpi) Max7219Display.openSpi(pi4j, 0, 0);

    @AfterEach
    void shutdown() {
        pi4j.shutdown();
    }

    @Test
    void start_up_wakes_the_chip_sends_raw_segments_and_blanks_every_digit() {
        new Max7219Display(spi, 8);

        assertThat(spi.readEntireMockBuffer()).containsExactly(
            0x0C, 0x01,   // shutdown register: normal operation
            0x0B, 0x07,   // scan limit: digits 0..7
            0x09, 0x00,   // decode mode: none, we send segments
            0x0A, 0x08,   // intensity 8 of 15
            0x0F, 0x00,   // display test: off
            0x08, 0x00,   // digit 7 (position 0, leftmost): blank
            0x07, 0x00,   // digit 6: blank
            0x06, 0x00,   // digit 5: blank
            0x05, 0x00,   // digit 4: blank
            0x04, 0x00,   // digit 3: blank
            0x03, 0x00,   // digit 2: blank
            0x02, 0x00,   // digit 1: blank
            0x01, 0x00);  // digit 0 (position 7, rightmost): blank
    }

    @Test
    void a_ticket_at_counter_4_shows_4_then_the_ticket_right_aligned() {
        Max7219Display display = new Max7219Display(spi, 8);
        spi.readEntireMockBuffer();

        display.show(serving(4, "2-015"));

        assertThat(spi.readEntireMockBuffer()).containsExactly(
            0x08, 0x33,   // position 0 "4": segments B C F G
            // positions 1 and 2 stay blank: not rewritten
            0x05, 0x6D,   // position 3 "2": A B D E G
            0x04, 0x01,   // position 4 "-": G alone
            0x03, 0x7E,   // position 5 "0": A B C D E F
            0x02, 0x30,   // position 6 "1": B C
            0x01, 0x5B);  // position 7 "5": A C D F G
    }

    @Test
    void the_next_ticket_rewrites_only_the_digits_that_changed() {
        Max7219Display display = new Max7219Display(spi, 8);
        display.show(serving(4, "2-015"));
        spi.readEntireMockBuffer();

        display.show(serving(4, "2-016"));

        assertThat(spi.readEntireMockBuffer()).containsExactly(
            0x01, 0x5F);  // position 7 "6": A C D E F G
    }

    @Test
    void offline_shows_eight_dashes() {
        Max7219Display display = new Max7219Display(spi, 0);
        spi.readEntireMockBuffer();

        display.showOffline();

        assertThat(spi.readEntireMockBuffer()).containsExactly(
            0x08, 0x01,   // position 0 "-"
            0x07, 0x01,   // position 1 "-"
            0x06, 0x01,   // position 2 "-"
            0x05, 0x01,   // position 3 "-"
            0x04, 0x01,   // position 4 "-"
            0x03, 0x01,   // position 5 "-"
            0x02, 0x01,   // position 6 "-"
            0x01, 0x01);  // position 7 "-"
    }

    @Test
    void a_closed_counter_shows_OFF_on_the_right() {
        Max7219Display display = new Max7219Display(spi, 8);
        spi.readEntireMockBuffer();

        display.show(new CounterState(12, CounterStatus.CLOSED, Optional.empty(), AT));

        assertThat(spi.readEntireMockBuffer()).containsExactly(
            0x08, 0x30,   // position 0 "1": B C
            0x07, 0x6D,   // position 1 "2": A B D E G
            0x03, 0x7E,   // position 5 "O": as 0
            0x02, 0x47,   // position 6 "F": A E F G
            0x01, 0x47);  // position 7 "F"
    }

    @Test
    void layout_puts_the_counter_left_and_the_ticket_right() {
        assertThat(Max7219Display.layout(4, "2-015")).isEqualTo("4  2-015");
        assertThat(Max7219Display.layout(12, "2-015")).isEqualTo("12 2-015");
        assertThat(Max7219Display.layout(4, "---")).isEqualTo("4    ---");
        assertThat(Max7219Display.layout(4, "PAUSE")).isEqualTo("4  PAUSE");
        assertThat(Max7219Display.layout(4, "12-345")).isEqualTo("4  2-345");
        assertThat(Max7219Display.layout(123, "2-015")).isEqualTo("123 -015");
    }

    @Test
    void intensity_outside_0_to_15_is_refused() {
        assertThatThrownBy(() -> new Max7219Display(spi, 16)).isInstanceOf(IllegalArgumentException.class);
    }

    static CounterState serving(int counter, String ticket) {
        return new CounterState(counter, CounterStatus.OPEN,
            Optional.of(new CounterState.Current(ticket, "HT", ServingPhase.CALLED, 0, AT)), AT);
    }
}
