package vn.motcua.device;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeviceMainTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int launch(String... args) {
        return DeviceMain.launch(args, new PrintStream(err, true, StandardCharsets.UTF_8), new CountDownLatch(1));
    }

    @Test
    void without_a_config_option_it_prints_usage_and_exits_2() {
        assertThat(launch()).isEqualTo(DeviceMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: motcua device --config FILE");
    }

    @Test
    void a_bad_config_file_exits_2_and_says_which_field_is_wrong() throws IOException {
        Path file = dir.resolve("counter-3.json");
        Files.writeString(file, """
                {"deviceId": "counter-3", "site": "nghiloc", "brokerUrl": "tcp://hub.local:1883",
                 "roles": ["COUNTER"], "dataDir": "data"}
                """);

        assertThat(launch("--config", file.toString())).isEqualTo(DeviceMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains(file + ": counter: is required for the COUNTER role");
    }

    @Test
    void a_password_file_that_is_not_there_exits_2_naming_the_field() throws IOException {
        Path file = dir.resolve("quay-3.json");
        Files.writeString(file, """
                {"deviceId": "quay-3", "site": "nghiloc", "brokerUrl": "tcp://127.0.0.1:1",
                 "roles": ["COUNTER"], "counter": 3, "dataDir": "data", "passwordFile": "quay-3.password"}
                """);

        assertThat(launch("--config", file.toString())).isEqualTo(DeviceMain.EXIT_USAGE);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("bad config: passwordFile: "
                + dir.resolve("quay-3.password") + " does not exist");
    }

    @Test
    void help_prints_usage_and_exits_0() {
        assertThat(launch("--help")).isZero();
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage:");
    }
}
