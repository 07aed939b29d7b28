package vn.motcua.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** How {@code ./motcua hub} refuses to start an embedded broker that is open or misconfigured: exit 2, one line. */
class HubMainTest {

    private static final String OFFICE = "../config/offices/district-office.json";

    @TempDir
    Path dir;
    private final StringWriter err = new StringWriter();

    private int run(String... options) {
        CommandLine hub = HubMain.commandLine().setErr(new PrintWriter(err));
        String[] args = new String[options.length + 8];
        System.arraycopy(new String[] {"--office", OFFICE, "--data", dir.resolve("data").toString(), "--mqtt-port", "0",
            "--http-port", "0"}, 0, args, 0, 8);
        System.arraycopy(options, 0, args, 8, options.length);
        return hub.execute(args);
    }

    @Test
    void an_embedded_broker_open_to_the_lan_without_passwords_is_refused() {
        assertThat(run("--mqtt-host", "0.0.0.0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("motcua hub: the embedded broker would listen on 0.0.0.0 and take anyone: "
                + "give --password-file (Mosquitto's password file), or --allow-anonymous to accept that any machine may "
                + "publish as any unit, or --mqtt-host 127.0.0.1" + System.lineSeparator());
    }

    @Test
    void a_malformed_password_file_is_refused_naming_file_and_line() throws Exception {
        Path passwords = Files.writeString(dir.resolve("motcua.passwd"), "# units\nkiosk-1:hunter2\n");

        assertThat(run("--mqtt-host", "0.0.0.0", "--password-file", passwords.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("motcua hub: " + passwords + ":2: the password is not hashed");
    }

    @Test
    void tls_on_the_lan_without_passwords_is_refused() throws Exception {
        Path cert = Files.writeString(dir.resolve("hub.pem"), "");

        assertThat(run("--mqtt-host", "0.0.0.0", "--tls-cert", cert.toString(), "--tls-key", cert.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).isEqualTo("motcua hub: TLS does not say who may connect: give --password-file as "
                + "well, so that only enrolled units get in" + System.lineSeparator());
    }

    @Test
    void a_tls_certificate_needs_its_key_and_the_embedded_broker() throws Exception {
        Path cert = Files.writeString(dir.resolve("hub.pem"), "");

        assertThat(run("--tls-cert", cert.toString())).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("motcua hub: --tls-cert and --tls-key go together: the certificate and "
                + "its key" + System.lineSeparator());
        assertThat(run("--broker", "tcp://127.0.0.1:1883", "--tls-cert", cert.toString(), "--tls-key", cert.toString()))
                .isEqualTo(2);
        assertThat(err.toString()).contains("motcua hub: --tls-cert and --tls-key are for the embedded broker");
    }

    @Test
    void a_certificate_file_that_is_not_pem_is_refused_naming_it() throws Exception {
        Path passwords = Files.writeString(dir.resolve("motcua.passwd"), "");
        Path cert = Files.write(dir.resolve("hub.der"), new byte[] {0x30, (byte) 0x82, 0x01, 0x0a});

        assertThat(run("--mqtt-host", "0.0.0.0", "--password-file", passwords.toString(), "--tls-cert", cert.toString(),
                "--tls-key", dir.resolve("hub.key").toString(), "--mqtt-tls-port", "0")).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("motcua hub: " + cert + ": holds no PEM certificate "
                + "(-----BEGIN CERTIFICATE-----)" + System.lineSeparator());
    }

    @Test
    void a_password_file_is_for_the_embedded_broker_only() throws Exception {
        Path passwords = Files.writeString(dir.resolve("motcua.passwd"), "");

        assertThat(run("--broker", "tcp://127.0.0.1:1883", "--password-file", passwords.toString())).isEqualTo(2);
        assertThat(err.toString()).startsWith("motcua hub: --password-file is for the embedded broker");
        assertThat(run("--allow-anonymous", "--password-file", passwords.toString())).isEqualTo(2);
    }

    @Test
    void a_profile_that_binds_no_units_is_refused_unless_the_administrator_allows_it() throws Exception {
        String bound = Files.readString(Path.of(OFFICE));
        Path unbound = Files.writeString(dir.resolve("unbound.json"),
                bound.substring(0, bound.indexOf("  \"units\"")) + bound.substring(bound.indexOf("  \"priorityShare\"")));
        CommandLine hub = HubMain.commandLine().setErr(new PrintWriter(err));

        int exit = hub.execute("--office", unbound.toString(), "--data", dir.resolve("data").toString(), "--mqtt-port",
                "0", "--http-port", "0");

        assertThat(exit).isEqualTo(2);
        assertThat(err.toString()).isEqualTo("motcua hub: " + unbound + " has no units and staff sections, so it does "
                + "not say which unit may act for which counter: add them (docs/configuration.md), or give "
                + "--allow-unbound-units to let any unit act as any role for any counter" + System.lineSeparator());
    }
}
