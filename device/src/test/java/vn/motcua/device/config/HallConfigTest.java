package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.hall.VietnameseNumbers;
import vn.motcua.protocol.message.Role;

/** The DISPLAY role and its {@code hall} section in a unit config file. */
class HallConfigTest {

    @TempDir
    Path dir;

    private static final String DISPLAY = """
            {
              "deviceId": "sanh-1",
              "site": "nghiloc",
              "brokerUrl": "tcp://hub.local:1883",
              "roles": ["DISPLAY"],
              "dataDir": "/var/lib/motcua"
            }
            """;

    private Path file(String json) throws IOException {
        Path file = dir.resolve("sanh-1.json");
        Files.writeString(file, json, StandardCharsets.UTF_8);
        return file;
    }

    private static String withHall(String hall) {
        return DISPLAY.replace("\"roles\"", "\"hall\": " + hall + ",\n  \"roles\"");
    }

    private void assertRefused(String json, String field, String problem) throws IOException {
        ConfigFiles.assertRefused(file(json), field, problem);
    }

    @Test
    void a_display_without_a_hall_section_speaks_vietnamese_and_shows_the_hubs_board() throws IOException {
        UnitConfig config = UnitConfig.load(file(DISPLAY));

        assertThat(config.roles()).containsExactly(Role.DISPLAY);
        assertThat(config.hall()).isEqualTo(HallConfig.DEFAULT);
        assertThat(config.hall().voice()).isTrue();
        assertThat(config.hall().voiceName()).isEqualTo("vi");
        assertThat(config.boardUrl()).isEqualTo(URI.create("http://hub.local:8080/"));
    }

    @Test
    void a_hall_section_is_read_and_written_back_the_same() throws IOException {
        UnitConfig config = UnitConfig.load(file(withHall("""
                {"boardUrl": "https://hub.nghiloc.local/", "voice": false, "voiceName": "vi-vn-x-south",
                 "voiceSpeed": 120}""")));
        Path copy = dir.resolve("copy/sanh-1.json");

        config.write(copy);

        assertThat(UnitConfig.load(copy)).isEqualTo(config);
        assertThat(config.hall()).isEqualTo(new HallConfig(Optional.of(URI.create("https://hub.nghiloc.local/")),
                false, "vi-vn-x-south", 120));
        assertThat(config.boardUrl()).isEqualTo(URI.create("https://hub.nghiloc.local/"));
        assertThat(config.hall().dialect()).isEqualTo(VietnameseNumbers.Dialect.SOUTHERN);
    }

    @Test
    void the_display_role_combines_with_the_others() throws IOException {
        UnitConfig config = UnitConfig.load(file(DISPLAY.replace("[\"DISPLAY\"]", "[\"counter\", \"display\"]")
                .replace("\"roles\"", "\"counter\": 4, \"roles\"")));

        assertThat(config.roles()).containsExactly(Role.COUNTER, Role.DISPLAY);
    }

    @Test
    void the_board_of_a_broker_given_by_ip_address_is_on_that_address() {
        UnitConfig config = UnitConfig.display("nghiloc", "sanh-1", "tcp://192.168.1.10:1883", HallConfig.DEFAULT,
                dir);

        assertThat(config.boardUrl()).isEqualTo(URI.create("http://192.168.1.10:8080/"));
    }

    @Test
    void a_board_url_that_a_browser_cannot_open_is_refused() throws IOException {
        assertRefused(withHall("{\"boardUrl\": \"hub.local:8080\"}"), "hall.boardUrl", "http:// or https://");
        assertRefused(withHall("{\"boardUrl\": \"http://hub local/\"}"), "hall.boardUrl", "not a valid address");
        assertRefused(withHall("{\"boardUrl\": \"file:///etc/passwd\"}"), "hall.boardUrl", "http:// or https://");
    }

    @Test
    void a_voice_that_is_not_vietnamese_is_refused() throws IOException {
        assertRefused(withHall("{\"voiceName\": \"en-us\"}"), "hall.voiceName", "Vietnamese espeak-ng voice");
    }

    @Test
    void a_voice_speed_out_of_range_or_voice_of_the_wrong_type_is_named() throws IOException {
        assertRefused(withHall("{\"voiceSpeed\": 500}"), "hall.voiceSpeed", "80-300");
        assertRefused(withHall("{\"voice\": \"yes\"}"), "hall.voice", "true or false");
    }

    @Test
    void an_unknown_field_in_the_hall_section_is_named() throws IOException {
        assertRefused(withHall("{\"volume\": 80}"), "hall.volume", "unknown field");
    }

    @Test
    void a_hall_section_on_a_unit_without_the_display_role_is_refused() throws IOException {
        assertRefused(withHall("{\"voice\": false}").replace("[\"DISPLAY\"]", "[\"COUNTER\"]")
                .replace("\"roles\"", "\"counter\": 4, \"roles\""), "hall", "only for a unit with the DISPLAY role");
    }
}
