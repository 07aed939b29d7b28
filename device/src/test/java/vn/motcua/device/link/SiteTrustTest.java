package vn.motcua.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.config.UnitConfigException;

/** CA files that cannot be used are config errors naming {@code caFile}; good ones are used in SecureLinkTest. */
class SiteTrustTest {

    @TempDir
    Path dir;

    private static void assertRefused(Path caFile, String problem) {
        assertThatThrownBy(() -> SiteTrust.socketFactory(caFile)).isInstanceOfSatisfying(UnitConfigException.class,
                e -> assertThat(e.field()).contains("caFile")).hasMessageContaining(caFile + " " + problem);
    }

    @Test
    void a_missing_ca_file_is_named() {
        assertRefused(dir.resolve("ca.pem"), "does not exist");
    }

    @Test
    void a_file_that_is_not_a_certificate_is_refused() throws IOException {
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, "-----BEGIN PRIVATE KEY-----\nMIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg\n"
                + "-----END PRIVATE KEY-----\n");

        assertRefused(caFile, "is not a valid PEM certificate");
    }

    @Test
    void an_empty_ca_file_is_refused() throws IOException {
        Path caFile = dir.resolve("ca.pem");
        Files.writeString(caFile, "");

        assertThatThrownBy(() -> SiteTrust.socketFactory(caFile)).isInstanceOf(UnitConfigException.class)
                .hasMessageStartingWith("caFile: " + caFile);
    }
}
