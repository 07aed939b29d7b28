package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class ProgressBarTest {

    private final AtomicLong nanos = new AtomicLong();
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();

    private ProgressBar bar(boolean terminal) {
        return new ProgressBar(new PrintStream(bytes, true, StandardCharsets.UTF_8), terminal, nanos::get);
    }

    private String printed() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void a_quick_run_prints_nothing_and_a_longer_one_redraws_one_line_then_clears_it() {
        ProgressBar bar = bar(true);
        bar.update("adding", 0.1, 3);
        assertThat(printed()).isEmpty();

        nanos.set(1_500_000_000L);
        bar.update("adding", 0.5, 40);
        assertThat(printed()).startsWith("\r[###############---------------]  50% adding · 40 lượt chạy / runs · 1 s")
                .doesNotContain("\n");

        nanos.addAndGet(50_000_000L); // redrawn at most ten times a second
        bar.update("adding", 0.6, 41);
        assertThat(printed()).doesNotContain("60%");
        nanos.addAndGet(100_000_000L);
        bar.update("removing", 0.6, 42);
        assertThat(printed()).contains("\r[##################------------]  60% removing");

        bar.finish();
        assertThat(printed()).endsWith("\r");
        assertThat(printed()).doesNotContain("\n");
    }

    @Test
    void off_a_terminal_it_prints_nothing() {
        ProgressBar bar = bar(false);
        nanos.set(5_000_000_000L);
        bar.update("adding", 0.5, 40);
        bar.finish();

        assertThat(printed()).isEmpty();
    }
}
