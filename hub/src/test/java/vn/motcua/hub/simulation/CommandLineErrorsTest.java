package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;

import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Bad options to {@code simulate} and {@code plan} end in exit code 2 with a message, not a stack trace. */
class CommandLineErrorsTest {

    private static final String COMMUNE = "src/test/resources/simulation/commune-office.json";

    @Test
    void simulate_with_an_unknown_counter_exits_2() {
        assertThat(SimulateMain.commandLine().execute("--office", COMMUNE, "--counters", "1,12")).isEqualTo(2);
        assertThat(SimulateMain.commandLine().execute("--office", COMMUNE, "--counters", "1-")).isEqualTo(2);
    }

    @Test
    void a_bound_without_the_predictor_study_or_without_replicas_exits_2() {
        assertThat(SimulateMain.commandLine().execute("--office", COMMUNE, "--bound", "10")).isEqualTo(2);
        assertThat(SimulateMain.commandLine().execute("--office", COMMUNE, "--predictors", "--bound", "0")).isEqualTo(2);
        assertThat(SimulateMain.commandLine().execute("--office", COMMUNE, "--predictors", "--bound", "2",
                "--every", "0")).isEqualTo(2);
    }

    @Test
    void an_unknown_format_is_a_usage_error_naming_the_formats() {
        StringWriter err = new StringWriter();
        CommandLine simulate = SimulateMain.commandLine().setErr(new PrintWriter(err));

        assertThat(simulate.execute("--office", COMMUNE, "--format", "xml")).isEqualTo(2);
        assertThat(err.toString()).contains("TABLE, JSON, CSV");
    }

    @Test
    void plan_with_a_bad_target_or_percentile_exits_2() {
        assertThat(PlanMain.commandLine().execute("--office", COMMUNE, "--target-wait", "0")).isEqualTo(2);
        assertThat(PlanMain.commandLine().execute("--office", COMMUNE, "--target-wait", "15",
                "--percentile", "0")).isEqualTo(2);
        assertThat(PlanMain.commandLine().execute("--office", COMMUNE)).isEqualTo(2);
    }
}
