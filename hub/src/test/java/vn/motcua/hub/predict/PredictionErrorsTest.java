package vn.motcua.hub.predict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

class PredictionErrorsTest {

    /**
     * Five tickets, (predicted, actual) in minutes, and error = predicted − actual:
     * <pre>
     *   (10, 12) → −2     (0, 0)  →  0     (20, 11) → +9     (5, 10) → −5     (30, 40) → −10
     * </pre>
     * MAE  = (2 + 0 + 9 + 5 + 10) / 5 = 26 / 5 = 5.2
     * RMSE = √((4 + 0 + 81 + 25 + 100) / 5) = √(210 / 5) = √42 ≈ 6.4807
     * within ±5 = −2, 0, −5 (the bound counts) → 3 / 5 = 0.6
     * bias = (−2 + 0 + 9 − 5 − 10) / 5 = −8 / 5 = −1.6
     */
    @Test
    void metricsOfAHandMadeTrace() {
        PredictionErrors e = PredictionErrors.of(List.of(pair(10, 12), pair(0, 0), pair(20, 11), pair(5, 10),
                pair(30, 40)));

        assertThat(e.count()).isEqualTo(5);
        assertThat(e.mae()).isCloseTo(5.2, within(1e-9));
        assertThat(e.rmse()).isCloseTo(Math.sqrt(42), within(1e-9));
        assertThat(e.withinFive()).isCloseTo(0.6, within(1e-9));
        assertThat(e.bias()).isCloseTo(-1.6, within(1e-9));
    }

    @Test
    void noPairsGiveNoNumbers() {
        PredictionErrors e = PredictionErrors.of(List.of());

        assertThat(e.count()).isZero();
        assertThat(e.mae()).isNaN();
        assertThat(e.rmse()).isNaN();
        assertThat(e.withinFive()).isNaN();
        assertThat(e.bias()).isNaN();
    }

    @Test
    void aWaitThatIsNotANumberIsRefused() {
        assertThatThrownBy(() -> pair(Double.NaN, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("finite");
    }

    private static PredictionErrors.Pair pair(double predicted, double actual) {
        return new PredictionErrors.Pair(predicted, actual);
    }
}
