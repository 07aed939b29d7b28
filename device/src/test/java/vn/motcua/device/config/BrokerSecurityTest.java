package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The config fields {@code username}, {@code passwordFile} and {@code caFile}, and {@code ssl://} broker URLs. */
class BrokerSecurityTest {

    @TempDir
    Path dir;

    private static final String TLS_KIOSK = """
            {
              "deviceId": "kiosk-1",
              "site": "nghiloc",
              "brokerUrl": "ssl://hub.local:8883",
              "roles": ["KIOSK"],
              "services": ["DD"],
              "dataDir": "/var/lib/motcua/kiosk-1",
              "passwordFile": "kiosk-1.password",
              "caFile": "/etc/motcua/ca.pem"
            }
            """;

    private Path file(String json) throws IOException {
        Path file = dir.resolve("kiosk-1.json");
        Files.writeString(file, json);
        return file;
    }

    private void assertRefused(String json, String field, String problem) throws IOException {
        ConfigFiles.assertRefused(file(json), field, problem);
    }

    @Test
    void a_tls_unit_with_credentials_reads_back_the_same_and_its_file_holds_only_paths() throws IOException {
        UnitConfig config = UnitConfig.kiosk("nghiloc", "kiosk-1", "tcp://hub.local:1883", List.of("DD"), dir)
                .withSecurity(new BrokerSecurity(Optional.of("kiosk-one"), Optional.of(dir.resolve("k.password")),
                        Optional.empty()));
        Path file = dir.resolve("conf/kiosk-1.json");

        config.write(file);

        assertThat(UnitConfig.load(file)).isEqualTo(config);
        assertThat(Files.readString(file)).contains("\"username\" : \"kiosk-one\"",
                "\"passwordFile\" : \"" + dir.resolve("k.password") + "\"").doesNotContain("caFile");
    }

    @Test
    void relative_secret_and_ca_paths_are_taken_from_the_config_files_folder() throws IOException {
        UnitConfig config = UnitConfig.load(file(TLS_KIOSK));

        assertThat(config.brokerUrl()).isEqualTo("ssl://hub.local:8883");
        assertThat(config.security().passwordFile()).contains(dir.toAbsolutePath().resolve("kiosk-1.password"));
        assertThat(config.security().caFile()).contains(Path.of("/etc/motcua/ca.pem"));
        assertThat(config.security().usernameFor(config.deviceId())).isEqualTo("kiosk-1");
    }

    @Test
    void an_ssl_broker_needs_the_site_ca() throws IOException {
        assertRefused(TLS_KIOSK.replace(",\n  \"caFile\": \"/etc/motcua/ca.pem\"", ""), "caFile",
                "is required for an ssl:// broker");
    }

    @Test
    void a_ca_for_a_plain_tcp_broker_is_refused_as_a_mistake() throws IOException {
        assertRefused(TLS_KIOSK.replace("ssl://hub.local:8883", "tcp://hub.local:1883"), "caFile",
                "is only for an ssl:// broker");
    }

    @Test
    void other_schemes_are_refused() throws IOException {
        assertRefused(TLS_KIOSK.replace("ssl://", "wss://"), "brokerUrl", "tcp://host:port or ssl://host:port");
    }

    @Test
    void a_user_name_without_a_password_file_is_refused() throws IOException {
        assertRefused(TLS_KIOSK.replace("\"passwordFile\": \"kiosk-1.password\"", "\"username\": \"kiosk-1\""),
                "username", "needs passwordFile");
    }

    @Test
    void a_user_name_mosquittos_password_file_cannot_hold_is_refused() throws IOException {
        assertRefused(TLS_KIOSK.replace("\"caFile\"", "\"username\": \"a:b\", \"caFile\""), "username",
                "without ':' or spaces");
    }

    @Test
    void an_empty_password_file_path_is_refused() throws IOException {
        assertRefused(TLS_KIOSK.replace("\"kiosk-1.password\"", "\" \""), "passwordFile", "must be a file path");
    }

    @Test
    void no_security_fields_means_no_credentials() throws IOException {
        UnitConfig config = UnitConfig.load(file(TLS_KIOSK.replace("ssl://hub.local:8883", "tcp://hub.local:1883")
                .replace(",\n  \"passwordFile\": \"kiosk-1.password\",\n  \"caFile\": \"/etc/motcua/ca.pem\"", "")));

        assertThat(config.security()).isEqualTo(BrokerSecurity.NONE);
        assertThat(config.security().hasCredentials()).isFalse();
    }
}
