package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.protocol.message.Role;

class UnitConfigTest {

    @TempDir
    Path dir;

    /** A valid kiosk file, to be broken one field at a time. */
    private static final String KIOSK = """
            {
              "v": 1,
              "deviceId": "kiosk-1",
              "site": "nghiloc",
              "brokerUrl": "tcp://hub.local:1883",
              "roles": ["KIOSK"],
              "services": ["DD", "HT", "CT"],
              "dataDir": "/var/lib/motcua"
            }
            """;

    private Path file(String json) throws IOException {
        Path file = dir.resolve("kiosk-1.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private void assertRefused(String json, String field, String problem) throws IOException {
        ConfigFiles.assertRefused(file(json), field, problem);
    }

    @Test
    void a_written_config_reads_back_the_same() throws IOException {
        UnitConfig config = new UnitConfig("quay-3", "nghiloc", "tcp://192.168.1.10:1883",
                Set.of(Role.COUNTER, Role.KIOSK), Optional.of(3), List.of("DD", "HT"), dir.resolve("data"),
                Duration.ofMillis(2500), Optional.of("UBND xã Nghi Lộc"));
        Path file = dir.resolve("conf/quay-3.json");

        config.write(file);

        assertThat(UnitConfig.load(file)).isEqualTo(config);
        assertThat(Files.readString(file)).contains("\"requestTimeout\" : \"PT2.5S\"", "UBND xã Nghi Lộc");
    }

    @Test
    void a_kiosk_file_gets_the_default_timeout_and_keeps_its_key_order() throws IOException {
        UnitConfig config = UnitConfig.load(file(KIOSK));

        assertThat(config.requestTimeout()).isEqualTo(Duration.ofSeconds(5));
        assertThat(config.services()).containsExactly("DD", "HT", "CT");
        assertThat(config.counter()).isEmpty();
    }

    @Test
    void a_relative_data_dir_is_taken_from_the_config_files_folder() throws IOException {
        UnitConfig config = UnitConfig.load(file(KIOSK.replace("/var/lib/motcua", "state/kiosk-1")));

        assertThat(config.dataDir()).isEqualTo(dir.toAbsolutePath().resolve("state/kiosk-1"));
    }

    @Test
    void a_missing_field_is_named() throws IOException {
        assertRefused(KIOSK.replace("\"deviceId\": \"kiosk-1\",", ""), "deviceId", "is required");
    }

    @Test
    void an_unknown_role_is_refused_with_the_roles_there_are() throws IOException {
        assertRefused(KIOSK.replace("[\"KIOSK\"]", "[\"PRINTER\"]"), "roles", "unknown role \"PRINTER\"; roles are [KIOSK, COUNTER, DISPLAY]");
    }

    @Test
    void roles_may_be_written_in_lower_case() throws IOException {
        assertThat(UnitConfig.load(file(KIOSK.replace("[\"KIOSK\"]", "[\"kiosk\"]"))).roles()).containsExactly(Role.KIOSK);
    }

    @Test
    void a_counter_unit_without_a_counter_number_is_refused() throws IOException {
        assertRefused(KIOSK.replace("[\"KIOSK\"]", "[\"KIOSK\", \"COUNTER\"]"), "counter", "is required for the COUNTER role");
    }

    @Test
    void a_counter_number_on_a_unit_without_the_counter_role_is_refused() throws IOException {
        assertRefused(KIOSK.replace("\"v\": 1,", "\"v\": 1, \"counter\": 3,"), "counter", "only a unit with the COUNTER role");
    }

    @Test
    void a_kiosk_without_service_keys_is_refused() throws IOException {
        assertRefused(KIOSK.replace("[\"DD\", \"HT\", \"CT\"]", "[]"), "services", "a KIOSK needs the service codes");
    }

    @Test
    void a_service_code_that_the_hub_would_refuse_is_refused_here() throws IOException {
        assertRefused(KIOSK.replace("\"CT\"", "\"chứng thực\""), "services", "upper-case service code");
    }

    @Test
    void a_device_id_that_cannot_be_a_topic_level_is_refused() throws IOException {
        assertRefused(KIOSK.replace("\"kiosk-1\"", "\"Kiosk/1\""), "deviceId", "lower-case letters");
    }

    @Test
    void a_broker_url_without_a_port_is_refused() throws IOException {
        assertRefused(KIOSK.replace("tcp://hub.local:1883", "hub.local"), "brokerUrl", "tcp://host:port");
    }

    @Test
    void a_request_timeout_must_be_an_iso_duration() throws IOException {
        assertRefused(KIOSK.replace("\"v\": 1,", "\"v\": 1, \"requestTimeout\": \"5s\","), "requestTimeout", "PT5S");
    }

    @Test
    void a_field_of_the_wrong_type_is_named() throws IOException {
        assertRefused(KIOSK.replace("\"nghiloc\"", "42"), "site", "must be a text");
    }

    @Test
    void an_unknown_field_is_refused_as_a_likely_typo() throws IOException {
        assertRefused(KIOSK.replace("\"services\"", "\"servcies\""), "servcies", "unknown field");
    }

    @Test
    void a_file_that_is_not_json_is_reported_with_the_place() throws IOException {
        Path file = file(KIOSK.replace("\"site\": \"nghiloc\",", "\"site\": nghiloc,"));

        assertThatThrownBy(() -> UnitConfig.load(file)).isInstanceOf(UnitConfigException.class)
                .hasMessageStartingWith(file + ": is not valid JSON at line 4");
    }

    @Test
    void a_missing_file_is_reported_as_such() {
        Path file = dir.resolve("nowhere.json");

        assertThatThrownBy(() -> UnitConfig.load(file)).isInstanceOf(UnitConfigException.class)
                .hasMessage(file + ": no such file");
    }
}
