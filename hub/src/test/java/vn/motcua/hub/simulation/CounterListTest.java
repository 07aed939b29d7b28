package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class CounterListTest {

    @Test
    void numbers_and_ranges_ascending_without_repeats() {
        assertThat(CounterList.parse("1-6,10")).containsExactly(1, 2, 3, 4, 5, 6, 10);
        assertThat(CounterList.parse(" 9 , 3-4,4 ")).containsExactly(3, 4, 9);
        assertThat(CounterList.parse("7")).containsExactly(7);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a", "1,,2", "1--3", "1-2-3", "3-", "x-4"})
    void anything_else_is_a_clear_error(String text) {
        assertThatThrownBy(() -> CounterList.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--counters").hasMessageContaining("1-6,10");
    }

    @Test
    void a_backwards_range_says_so() {
        assertThatThrownBy(() -> CounterList.parse("6-1")).hasMessageContaining("runs backwards; write 1-6");
    }
}
