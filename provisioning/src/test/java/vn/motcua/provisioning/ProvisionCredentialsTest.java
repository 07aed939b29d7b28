package vn.motcua.provisioning;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.config.DevicePassword;
import vn.motcua.device.config.UnitConfig;

/**
 * {@code provision device} with a TLS broker: a password per unit in its own file, the site CA, and the line for the
 * broker's password file. That real Mosquitto accepts such lines is shown by the device module's SecureLinkTest.
 */
class ProvisionCredentialsTest {

    private static final Pattern BROKER_LINE = Pattern.compile(
            "(?m)^kiosk-1:\\$7\\$(\\d+)\\$([A-Za-z0-9+/=]+)\\$([A-Za-z0-9+/=]+)$");

    @TempDir
    Path dir;

    private final ProvisionCli cli = new ProvisionCli();

    private int provisionKiosk(String... more) {
        String[] base = {"device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "kiosk", "--services", "DD",
                "--broker", "ssl://hub.local:8883", "--ca-file", "/etc/motcua/ca.pem",
                "--out", dir.resolve("kiosk-1.json").toString()};
        String[] args = new String[base.length + more.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(more, 0, args, base.length, more.length);
        return cli.run(args);
    }

    @Test
    void a_tls_unit_gets_its_own_password_file_and_the_config_only_names_it() throws IOException {
        assertThat(provisionKiosk()).isZero();

        Path secret = dir.resolve("kiosk-1.password");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(secret))).isEqualTo("rw-------");
        String password = new String(DevicePassword.read(secret));
        String json = Files.readString(dir.resolve("kiosk-1.json"));
        assertThat(json).contains("\"passwordFile\" : \"kiosk-1.password\"", "\"caFile\" : \"/etc/motcua/ca.pem\"")
                .doesNotContain(password);
        UnitConfig config = UnitConfig.load(dir.resolve("kiosk-1.json"));
        assertThat(config.security().passwordFile()).contains(secret.toAbsolutePath());
        assertThat(cli.out()).contains("wrote " + secret.toAbsolutePath(), "login    as kiosk-1 with the password",
                "tls      trusts the site CA in /etc/motcua/ca.pem").doesNotContain(password);
    }

    @Test
    void the_printed_broker_line_is_the_pbkdf2_sha512_hash_of_the_written_password() throws Exception {
        assertThat(provisionKiosk()).isZero();

        Matcher line = BROKER_LINE.matcher(cli.out());
        assertThat(line.find()).as("a kiosk-1:$7$… line in %s", cli.out()).isTrue();
        char[] password = DevicePassword.read(dir.resolve("kiosk-1.password"));
        byte[] salt = Base64.getDecoder().decode(line.group(2));
        assertThat(Base64.getDecoder().decode(line.group(3)))
                .isEqualTo(pbkdf2Sha512(password, salt, Integer.parseInt(line.group(1))));
    }

    @Test
    void an_ssl_broker_without_the_site_ca_is_refused_naming_the_option() {
        int code = cli.run("device", "--site", "nghiloc", "--id", "kiosk-1", "--role", "kiosk",
                "--services", "DD", "--broker", "ssl://hub.local:8883", "--out", dir.resolve("k.json").toString());

        assertThat(code).isEqualTo(2);
        assertThat(cli.err()).contains("--ca-file: is required for an ssl:// broker");
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void an_existing_password_is_kept_unless_forced() throws IOException {
        Path secret = dir.resolve("kiosk-1.password");
        Files.writeString(secret, "old\n");

        assertThat(provisionKiosk()).isEqualTo(2);
        assertThat(cli.err()).contains(secret.toAbsolutePath() + " exists; add --force");
        assertThat(Files.readString(secret)).isEqualTo("old\n");
        assertThat(dir.resolve("kiosk-1.json")).doesNotExist();

        assertThat(provisionKiosk("--force")).isZero();
        assertThat(Files.readString(secret)).isNotEqualTo("old\n");
    }

    @Test
    void no_password_leaves_the_unit_anonymous() throws IOException {
        assertThat(provisionKiosk("--no-password")).isZero();

        assertThat(dir.resolve("kiosk-1.password")).doesNotExist();
        assertThat(Files.readString(dir.resolve("kiosk-1.json"))).doesNotContain("passwordFile");
        assertThat(cli.out()).contains("login    anonymous", "allow_anonymous true");
    }

    /** PBKDF2-HMAC-SHA512 as Mosquitto computes it for a {@code $7$} line (64-byte output). */
    private static byte[] pbkdf2Sha512(char[] password, byte[] salt, int iterations) throws GeneralSecurityException {
        return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512")
                .generateSecret(new PBEKeySpec(password, salt, iterations, 512)).getEncoded();
    }
}
