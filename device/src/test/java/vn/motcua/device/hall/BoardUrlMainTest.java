package vn.motcua.device.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.config.HallConfig;
import vn.motcua.device.config.UnitConfig;

class BoardUrlMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String... args) {
        return BoardUrlMain.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void prints_the_board_url_of_a_display_unit() throws IOException {
        Path file = dir.resolve("sanh-1.json");
        UnitConfig.display("nghiloc", "sanh-1", "tcp://192.168.1.10:1883", HallConfig.DEFAULT, dir).write(file);

        assertThat(run("--config", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("http://192.168.1.10:8080/" + System.lineSeparator());
    }

    @Test
    void prints_the_configured_board_url_when_there_is_one() throws IOException {
        Path file = dir.resolve("sanh-1.json");
        UnitConfig.display("nghiloc", "sanh-1", "tcp://192.168.1.10:1883", new HallConfig(
                Optional.of(URI.create("https://bang.nghiloc.local/")), true, "vi", 140), dir).write(file);

        assertThat(run("--config", file.toString())).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("https://bang.nghiloc.local/");
    }

    @Test
    void a_unit_without_the_display_role_or_a_bad_file_exits_2_with_the_reason() throws IOException {
        Path counter = dir.resolve("quay-3.json");
        UnitConfig.counter("nghiloc", "quay-3", "tcp://hub.local:1883", 3, dir).write(counter);

        assertThat(run("--config", counter.toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("has no DISPLAY");
        assertThat(run("--config", dir.resolve("missing.json").toString())).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("missing.json: no such file");
        assertThat(run()).isEqualTo(2);
        assertThat(out.size()).isZero();
    }
}
