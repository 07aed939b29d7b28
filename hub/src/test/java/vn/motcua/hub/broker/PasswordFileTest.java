package vn.motcua.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Known vectors: every line below was written by Debian's mosquitto_passwd 2.0.11 ({@code mosquitto_passwd -b FILE
 * USER PASSWORD}; {@code -H sha512} for the $6$ line, {@code -H sha512-pbkdf2 -I 1000} for the 1000-round one) and
 * pasted here with the password it was given.
 */
class PasswordFileTest {

    /** Password {@code Mật-khẩu 1}: non-ASCII, hashed as its UTF-8 bytes. */
    private static final String QUAY_3 = "quay-3:$7$101$tqbgkZ2YGs8wPn8m$0YdIxclE1VsMbqMZ/ED4RJaK4r2oapJTBnMqP0U028yr9tSGqm"
            + "ra2O6mhlbr+WqbBQgEjek0tR0LAxmvM6ab5w==";
    /** Password {@code s3cret-kiosk}. */
    private static final String KIOSK_1 = "kiosk-1:$7$101$/XUoStbkSfRbiba0$gNq//TZXvU5oU7Us+FqDJRxJiapmN99DRmw0TosDGMmsa"
            + "Il48oE8PAaUcklltTO6YhuMg8nus4KTtU3P7J0erw==";
    /** Password {@code hall-pass}, mosquitto 1.x's salted SHA-512. */
    private static final String HALL_1 = "hall-1:$6$mQIouhAz9DkFg94W$myWqra1oMEHCnTcvNjVqJPvbwhEKeS5+jytw+O2cBDdmC1pQycXO"
            + "/ZJa2qo2ufc4Ymfoa2MTMzfJu/Zwt9kk8A==";
    /** Password {@code x}, 1000 rounds. */
    private static final String QUAY_4 = "quay-4:$7$1000$15/vE27T4w310pGz$07i9JrvGCsNtdwQI/QaDhE+t7xu4Up5IFDG7KGU5/5l4XfB"
            + "lBpqxPBT7+SNWAbgAuoVXj0p1k0sPJqfMipaOMg==";

    @TempDir
    Path dir;

    private Path file(String... lines) throws Exception {
        return Files.writeString(dir.resolve("motcua.passwd"), String.join("\n", lines) + "\n");
    }

    private static boolean verifies(PasswordFile file, String user, String password) {
        return file.hashOf(user).orElseThrow().matches(password.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void mosquitto_passwd_lines_verify_their_password_and_nothing_else() throws Exception {
        PasswordFile file = PasswordFile.read(file(QUAY_3, KIOSK_1, HALL_1, QUAY_4));

        assertThat(file.users()).containsExactlyInAnyOrder("quay-3", "kiosk-1", "hall-1", "quay-4");
        assertThat(verifies(file, "quay-3", "Mật-khẩu 1")).isTrue();
        assertThat(verifies(file, "kiosk-1", "s3cret-kiosk")).isTrue();
        assertThat(verifies(file, "hall-1", "hall-pass")).isTrue();
        assertThat(verifies(file, "quay-4", "x")).isTrue();

        assertThat(verifies(file, "quay-3", "Mat-khau 1")).isFalse();
        assertThat(verifies(file, "kiosk-1", "s3cret-kiosk ")).isFalse();
        assertThat(verifies(file, "kiosk-1", "Mật-khẩu 1")).isFalse();
        assertThat(verifies(file, "hall-1", "")).isFalse();
        assertThat(verifies(file, "quay-4", "X")).isFalse();
        assertThat(file.hashOf("quay-5")).isEmpty();
    }

    @Test
    void a_password_that_is_not_utf8_never_matches() throws Exception {
        PasswordFile file = PasswordFile.read(file(QUAY_4));

        assertThat(file.hashOf("quay-4").orElseThrow().matches(new byte[] {(byte) 0xff, 'x'})).isFalse();
    }

    @Test
    void blank_lines_and_comments_are_skipped_and_other_users_ignored() throws Exception {
        PasswordFile file = PasswordFile.read(file("# units of nghiloc", "", KIOSK_1, "   ",
                "Admin@office" + HALL_1.substring(HALL_1.indexOf(':'))));

        assertThat(file.users()).containsExactly("kiosk-1");
    }

    @Test
    void a_malformed_line_is_refused_naming_file_and_line() throws Exception {
        Path plain = file("# comment", KIOSK_1, "quay-3:plain-text-password");
        assertThatThrownBy(() -> PasswordFile.read(plain)).isInstanceOf(PasswordFileException.class)
                .hasMessage(plain + ":3: the password is not hashed: expected $7$… or $6$…, as mosquitto_passwd writes "
                        + "(run 'mosquitto_passwd -U FILE' to hash a plain-text file)");

        Path noColon = file(KIOSK_1, "quay-3");
        assertThatThrownBy(() -> PasswordFile.read(noColon)).hasMessage(noColon + ":2: expected user:hash");

        Path shortHash = file("quay-3:$7$101$tqbgkZ2YGs8wPn8m$0YdIxclE1VsMbqMZ");
        assertThatThrownBy(() -> PasswordFile.read(shortHash))
                .hasMessage(shortHash + ":1: the hash must be 64 bytes of SHA-512, was 12");

        Path rounds = file("quay-3:$7$-5$tqbgkZ2YGs8wPn8m$0YdI");
        assertThatThrownBy(() -> PasswordFile.read(rounds))
                .hasMessage(rounds + ":1: iterations must be a positive whole number, was '-5'");

        Path unknown = file("quay-3:$2y$10$abc");
        assertThatThrownBy(() -> PasswordFile.read(unknown)).hasMessageStartingWith(unknown + ":1: unknown hash type $2y$");

        Path twice = file(KIOSK_1, QUAY_3, KIOSK_1);
        assertThatThrownBy(() -> PasswordFile.read(twice))
                .hasMessage(twice + ":3: kiosk-1 already has a password on line 1; keep one line per unit");
    }

    @Test
    void a_missing_file_is_refused_naming_it() {
        Path missing = dir.resolve("nowhere.passwd");

        assertThatThrownBy(() -> PasswordFile.read(missing)).isInstanceOf(PasswordFileException.class)
                .hasMessageStartingWith(missing + ": cannot be read");
    }
}
