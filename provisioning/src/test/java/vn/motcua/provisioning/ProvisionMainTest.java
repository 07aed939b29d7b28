package vn.motcua.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.protocol.message.Role;

class ProvisionMainTest {

    @TempDir
    Path dir;

    private final ProvisionCli cli = new ProvisionCli();

    private int run(String... args) {
        return cli.run(args);
    }

    private String file(String name) {
        return dir.resolve(name).toString();
    }

    @Test
    void device_writes_a_kiosk_config_the_unit_can_load() {
        int code = run("device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "kiosk", "--services", "DD,HT,CT",
                "--broker", "tcp://hub.local:1883", "--office-name", "UBND xã Nghi Lộc", "--out", file("kiosk-1.json"));

        assertThat(code).isZero();
        UnitConfig config = UnitConfig.load(dir.resolve("kiosk-1.json"));
        assertThat(config.deviceId()).isEqualTo("kiosk-1");
        assertThat(config.site()).isEqualTo("nghiloc");
        assertThat(config.roles()).containsExactly(Role.KIOSK);
        assertThat(config.services()).containsExactly("DD", "HT", "CT");
        assertThat(config.brokerUrl()).isEqualTo("tcp://hub.local:1883");
        assertThat(config.dataDir()).isEqualTo(Path.of("/var/lib/motcua"));
        assertThat(config.officeName()).contains("UBND xã Nghi Lộc");
        assertThat(cli.out()).contains("wrote " + file("kiosk-1.json"), "keys     DD, HT, CT",
                "topics motcua/v1/nghiloc/dev/kiosk-1/#");
    }

    @Test
    void device_writes_a_hall_display_config_whose_board_is_on_the_hub() {
        int code = run("device", "--site", "nghiloc", "--id", "hall-1", "--role", "display",
                "--broker", "tcp://hub.local:1883", "--out", file("hall-1.json"));

        assertThat(code).isZero();
        UnitConfig config = UnitConfig.load(dir.resolve("hall-1.json"));
        assertThat(config.roles()).containsExactly(Role.DISPLAY);
        assertThat(config.boardUrl()).isEqualTo(URI.create("http://hub.local:8080/"));
    }

    @Test
    void units_without_a_kiosk_run_interpreted_and_kiosks_keep_the_jit() throws IOException {
        assertThat(run("device", "--site", "nghiloc", "--id", "quay-3", "--role", "counter", "--counter", "3",
                "--broker", "tcp://hub.local:1883", "--no-password", "--out", file("quay-3.json"))).isZero();
        assertThat(run("device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "kiosk,counter", "--counter", "1",
                "--services", "DD", "--broker", "tcp://hub.local:1883", "--no-password", "--out", file("kiosk-1.json")))
                .isZero();

        assertThat(Files.readAllLines(dir.resolve("quay-3.env"))).contains("UNIT_JAVA_OPTS=-Xint");
        assertThat(Files.readAllLines(dir.resolve("kiosk-1.env"))).contains("UNIT_JAVA_OPTS=");
        assertThat(cli.out()).contains("jvm      " + file("quay-3.env") + ": -Xint");
    }

    @Test
    void device_writes_a_counter_config_with_its_number() {
        int code = run("device", "--site", "nghiloc", "--id", "quay-3", "--role", "counter", "--counter", "3",
                "--broker", "tcp://hub.local:1883", "--data-dir", "state", "--out", file("quay-3.json"));

        assertThat(code).isZero();
        UnitConfig config = UnitConfig.load(dir.resolve("quay-3.json"));
        assertThat(config.roles()).containsExactly(Role.COUNTER);
        assertThat(config.counter()).contains(3);
        assertThat(config.dataDir()).isEqualTo(dir.resolve("state").toAbsolutePath());
    }

    @Test
    void device_refuses_an_id_that_cannot_be_part_of_a_topic() {
        int code = run("device", "--site", "nghiloc", "--id", "Kiosk 1", "--role", "kiosk", "--services", "DD",
                "--broker", "tcp://hub.local:1883", "--out", file("bad.json"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--id: must be 1-48 lower-case letters");
        assertThat(dir.resolve("bad.json")).doesNotExist();
    }

    @Test
    void device_refuses_a_counter_unit_without_its_number() {
        int code = run("device", "--site", "nghiloc", "--id", "quay-3", "--role", "counter",
                "--broker", "tcp://hub.local:1883", "--out", file("quay-3.json"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--counter: is required for the COUNTER role");
    }

    @Test
    void device_refuses_service_keys_on_a_unit_that_is_not_a_kiosk() {
        int code = run("device", "--site", "nghiloc", "--id", "quay-3", "--role", "counter", "--counter", "3",
                "--services", "DD", "--broker", "tcp://hub.local:1883", "--out", file("quay-3.json"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--services: only a unit with the KIOSK role has service keys");
    }

    @Test
    void device_refuses_a_role_it_does_not_know() {
        int code = run("device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "printer",
                "--broker", "tcp://hub.local:1883", "--out", file("kiosk-1.json"));

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--role", "printer");
    }

    @Test
    void device_will_not_overwrite_a_file_unless_forced() throws IOException {
        Path existing = dir.resolve("kiosk-1.json");
        Files.writeString(existing, "keep me");
        String[] args = {"device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "kiosk", "--services", "DD",
                "--broker", "tcp://hub.local:1883", "--out", existing.toString()};

        assertThat(run(args)).isEqualTo(2);
        assertThat(existing).hasContent("keep me");
        assertThat(cli.err()).contains("exists; add --force");

        String[] forced = List.of(args).toArray(new String[args.length + 1]);
        forced[args.length] = "--force";
        assertThat(run(forced)).isZero();
        assertThat(UnitConfig.load(existing).deviceId()).isEqualTo("kiosk-1");
    }

    @Test
    void check_summarises_a_valid_file() throws IOException {
        Path file = dir.resolve("quay-3.json");
        new UnitConfig("quay-3", "nghiloc", "tcp://hub.local:1883", Set.of(Role.COUNTER), Optional.of(3), List.of(),
                Path.of("/var/lib/motcua"), UnitConfig.DEFAULT_REQUEST_TIMEOUT, Optional.empty()).write(file);

        assertThat(run("check", file.toString())).isZero();
        assertThat(cli.out()).contains(file + ": valid", "unit     quay-3 at site nghiloc", "counter  3",
                "timeout  5000 ms");
    }

    @Test
    void check_names_the_field_that_is_wrong_and_exits_1() throws IOException {
        Path file = dir.resolve("quay-3.json");
        Files.writeString(file, """
                {"deviceId": "quay-3", "site": "nghiloc", "brokerUrl": "tcp://hub.local:1883",
                 "roles": ["COUNTER"], "counter": 1000, "dataDir": "/var/lib/motcua"}
                """);

        assertThat(run("check", file.toString())).isEqualTo(CheckCommand.INVALID);
        assertThat(cli.err()).contains("invalid: " + file + ": counter: must be 1-999, was 1000");
    }

    @Test
    void without_a_subcommand_it_says_what_to_do_and_exits_2() {
        assertThat(run()).isEqualTo(2);
        assertThat(cli.err()).contains("name what to do: device or check");
    }
}
