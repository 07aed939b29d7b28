package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.time.Duration;
import java.time.LocalTime;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;

/**
 * The simulator, with the real engine deciding every call, against queueing theory: on an M/M/s office (Poisson
 * arrivals, exponential service, s identical counters, first come first served) the mean wait must agree with the
 * Erlang C formula, which this test computes itself.
 */
class ErlangCTest {

    private static final int SERVERS = 5;
    private static final double LAMBDA = 2 / 3.0;      // arrivals a minute
    private static final double MEAN_SERVICE = 6.0;    // minutes, μ = 1/6 a minute: ρ = λ / (s μ) = 0.8
    private static final int DAYS = 200;
    /**
     * Each day starts empty, so waits of citizens arriving in its first hours are left out. The queue forgets its
     * start with a relaxation time of about 1 / (s μ (1 − √ρ)²) ≈ 108 min here; 6 hours are 3.3 of them, which
     * leaves a start-up bias well under 1 % of the wait. (With 3 servers at the same ρ the relaxation time is
     * 3 hours, and a 3-hour warm-up left a measured bias of −5 %: why this test uses 5 servers.)
     */
    private static final LocalTime WARM = LocalTime.of(6, 0);

    @Test
    void mean_wait_of_an_m_m_s_office_agrees_with_erlang_c() {
        Office office = SimOffices.queue(SERVERS, LAMBDA, MEAN_SERVICE);
        SimulationOptions options = SimulationOptions.defaults().withDays(DAYS).withSeed(20261123)
                .withServiceTimes(SimulationOptions.ServiceTimes.EXPONENTIAL, 1)
                .withCounterWork(Duration.ZERO, 0, 0)     // no walk-up, second services or breaks: a pure M/M/s
                .withOvertime(Duration.ofMinutes(110));   // everyone who came is called before midnight
        SimulationResult result = OfficeSimulator.run(office, options);

        // Days are independent (each starts empty), so the spread of the daily means gives an honest standard error
        // of the overall mean, autocorrelation within a day included.
        double[] daily = result.visits().stream().map(Visit::day).distinct().mapToDouble(day -> {
            List<Visit> steady = result.visits().stream().filter(v -> v.day().equals(day))
                    .filter(v -> !v.arrival().atZone(office.zone()).toLocalTime().isBefore(WARM)).toList();
            assertThat(steady).allSatisfy(v -> assertThat(v.outcome()).isEqualTo(Visit.Outcome.SERVED));
            return steady.stream().mapToDouble(v -> v.waited().orElseThrow().toNanos() / 60e9).average().orElseThrow();
        }).toArray();
        double mean = mean(daily);
        double standardError = Math.sqrt(variance(daily, mean) / daily.length);
        double erlang = erlangCWait(SERVERS, LAMBDA, 1 / MEAN_SERVICE);
        System.out.printf("M/M/%d ρ=0.8: simulated mean wait %.3f min (standard error %.3f, %d days), Erlang C %.3f min%n",
                SERVERS, mean, standardError, DAYS, erlang);

        // Tolerance: 4 standard errors (a correct simulator falls outside with probability ~6e-5; the seed is fixed,
        // so the test is deterministic anyway) plus 2 % for what remains of the empty-start bias after the warm-up.
        // The test only has teeth if the standard error is small: below 5 % of the expected wait (4.6 % here, so a
        // simulator off by a fifth fails). 300-day runs on three other seeds gave 3.21, 3.35 and 3.24 min against
        // Erlang's 3.325: no bias to see.
        assertThat(standardError).isLessThan(0.05 * erlang);
        assertThat(Math.abs(mean - erlang)).isLessThan(4 * standardError + 0.02 * erlang);
    }

    /** Wq = C(s, a) / (s μ − λ), with Erlang's C(s, a), a = λ/μ, the probability that an arrival waits. */
    static double erlangCWait(int s, double lambda, double mu) {
        double a = lambda / mu;
        double rho = a / s;
        double term = 1;     // a^k / k!
        double below = 0;    // Σ_{k<s} a^k / k!
        for (int k = 0; k < s; k++) {
            below += term;
            term *= a / (k + 1);
        }
        double waiting = term / (1 - rho); // a^s / s! · 1 / (1 − ρ)
        double c = waiting / (below + waiting);
        return c / (s * mu - lambda);
    }

    @Test
    void erlang_c_matches_a_value_worked_by_hand() {
        // s = 3, a = 2.4: Σ_{k<3} = 1 + 2.4 + 2.88 = 6.28; a³/3! / (1 − 0.8) = 2.304 · 5 = 11.52; C = 11.52 / 17.8.
        assertThat(erlangCWait(3, 0.4, 1 / 6.0)).isCloseTo(11.52 / 17.8 / 0.1, offset(1e-9));
        // s = 5, a = 4: Σ_{k<5} = 1 + 4 + 8 + 32/3 + 32/3 = 103/3; a⁵/5! / 0.2 = 128/3; C = 128 / 231.
        assertThat(erlangCWait(5, 2 / 3.0, 1 / 6.0)).isCloseTo(128 / 231.0 / (5 / 6.0 - 2 / 3.0), offset(1e-9));
        // s = 1 is M/M/1: Wq = ρ / (μ − λ).
        assertThat(erlangCWait(1, 0.5, 1.0)).isCloseTo(0.5 / 0.5, offset(1e-12));
    }

    private static double mean(double[] xs) {
        double sum = 0;
        for (double x : xs) {
            sum += x;
        }
        return sum / xs.length;
    }

    private static double variance(double[] xs, double mean) {
        double sum = 0;
        for (double x : xs) {
            sum += (x - mean) * (x - mean);
        }
        return sum / (xs.length - 1);
    }
}
