package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Secret files and Mosquitto password lines; that Mosquitto accepts the lines is shown in SecureLinkTest. */
class DevicePasswordTest {

    @TempDir
    Path dir;

    @Test
    void a_written_password_is_owner_only_and_reads_back() throws IOException {
        char[] password = DevicePassword.generate();
        Path file = dir.resolve("secrets/kiosk-1.password");

        DevicePassword.write(file, password);

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(DevicePassword.read(file)).isEqualTo(password);
    }

    @Test
    void generated_passwords_are_24_url_safe_characters_and_differ() {
        assertThat(new String(DevicePassword.generate())).matches("[A-Za-z0-9_-]{24}")
                .isNotEqualTo(new String(DevicePassword.generate()));
    }

    @Test
    void the_line_end_an_editor_or_echo_adds_is_not_part_of_the_password() throws IOException {
        Path file = dir.resolve("p");
        Files.writeString(file, "mật khẩu 1\r\n");

        assertThat(DevicePassword.read(file)).isEqualTo("mật khẩu 1".toCharArray());
    }

    @Test
    void a_missing_file_is_named() {
        Path file = dir.resolve("absent.password");

        assertThatThrownBy(() -> DevicePassword.read(file)).isInstanceOfSatisfying(UnitConfigException.class,
                e -> assertThat(e.field()).contains("passwordFile")).hasMessage("passwordFile: " + file
                + " does not exist");
    }

    @Test
    void an_empty_file_is_refused() throws IOException {
        Path file = dir.resolve("p");
        Files.writeString(file, "\n");

        assertThatThrownBy(() -> DevicePassword.read(file)).hasMessageContaining("is empty");
    }

    @Test
    void a_file_with_two_lines_is_refused_without_showing_them() throws IOException {
        Path file = dir.resolve("p");
        Files.writeString(file, "secret-one\nsecret-two\n");

        assertThatThrownBy(() -> DevicePassword.read(file)).hasMessageContaining("on one line")
                .hasMessageNotContaining("secret");
    }

    @Test
    void a_file_that_is_not_utf8_is_refused() throws IOException {
        Path file = dir.resolve("p");
        Files.write(file, new byte[] {(byte) 0xC3, (byte) 0x28});

        assertThatThrownBy(() -> DevicePassword.read(file)).hasMessageContaining("is not UTF-8");
    }

    @Test
    void a_mosquitto_line_is_a_salted_pbkdf2_sha512_hash_in_mosquitto_passwds_format() {
        char[] password = "pw".toCharArray();

        String line = DevicePassword.mosquittoLine("kiosk-1", password);

        // 12-byte salt and 64-byte hash in base64: 16 and 88 characters
        assertThat(line).matches("kiosk-1:\\$7\\$101\\$[A-Za-z0-9+/]{16}\\$[A-Za-z0-9+/]{86}==")
                .isNotEqualTo(DevicePassword.mosquittoLine("kiosk-1", password)); // a new salt each time
    }
}
