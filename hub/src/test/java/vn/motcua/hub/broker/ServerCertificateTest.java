package vn.motcua.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

import io.netty.buffer.ByteBufAllocator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Reading the broker's PEM files as openssl writes them, and refusing the wrong ones with the file's name and what to
 * do. The PKI is made by openssl once for the class.
 */
class ServerCertificateTest {

    @TempDir
    static Path dir;
    static SitePki pki;

    @BeforeAll
    static void makePki() throws IOException {
        pki = SitePki.make(dir.resolve("pki"));
    }

    private static ServerCertificate load(String cert, String key) {
        return ServerCertificate.load(pki.file(cert), pki.file(key));
    }

    @Test
    void an_ec_pair_as_openssl_req_nodes_writes_it_serves_tls_1_3_and_1_2_only() {
        var engine = load("hub.pem", "hub.key").serverContext().newEngine(ByteBufAllocator.DEFAULT);

        assertThat(engine.getEnabledProtocols()).containsExactlyInAnyOrder("TLSv1.3", "TLSv1.2");
        assertThat(engine.getUseClientMode()).isFalse();
    }

    /** SitePki's certificates are valid for 2 days from now. */
    @Test
    void the_days_until_the_certificate_expires_count_down_and_go_negative_once_it_has() {
        ServerCertificate served = ServerCertificate.load(pki.hubCert(), pki.hubKey());
        Instant expiry = served.notAfter();

        assertThat(served.daysLeft(Clock.systemUTC())).isBetween(1L, 2L);
        assertThat(served.daysLeft(Clock.fixed(expiry.minus(Duration.ofDays(30)), ZoneOffset.UTC))).isEqualTo(30);
        assertThat(served.daysLeft(Clock.fixed(expiry.minusSeconds(1), ZoneOffset.UTC))).isZero();
        assertThat(served.daysLeft(Clock.fixed(expiry.plusSeconds(1), ZoneOffset.UTC))).isEqualTo(-1);
    }

    @Test
    void an_rsa_pair_is_read_as_well() {
        assertThat(load("rsa-hub.pem", "rsa-hub.key").serverContext().isServer()).isTrue();
    }

    @Test
    void a_key_that_is_not_the_certificates_is_refused_naming_both_files() {
        assertThatThrownBy(() -> load("hub.pem", "other.key")).isInstanceOf(TlsFileException.class)
                .hasMessage(pki.file("other.key") + ": is not the key of the certificate in " + pki.hubCert()
                        + " (the key openssl wrote with that certificate's request is needed)");
        assertThatThrownBy(() -> load("hub.pem", "rsa-hub.key")).isInstanceOf(TlsFileException.class)
                .hasMessageStartingWith(pki.file("rsa-hub.key") + ": is not the key of the certificate");
    }

    @Test
    void an_old_style_or_encrypted_key_is_refused_with_what_to_do() {
        assertThatThrownBy(() -> load("hub.pem", "traditional.key")).isInstanceOf(TlsFileException.class)
                .hasMessage(pki.file("traditional.key") + ": is an old-style OpenSSL key (EC PRIVATE KEY); convert it "
                        + "to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in traditional.key -out hub.key");
        assertThatThrownBy(() -> load("hub.pem", "encrypted.key")).isInstanceOf(TlsFileException.class)
                .hasMessageStartingWith(pki.file("encrypted.key") + ": the key is encrypted");
    }

    @Test
    void files_given_the_wrong_way_round_are_refused_naming_the_file() {
        assertThatThrownBy(() -> load("hub.pem", "hub.pem")).isInstanceOf(TlsFileException.class)
                .hasMessage(pki.hubCert() + ": holds no PEM private key (-----BEGIN PRIVATE KEY-----) (it holds a "
                        + "certificate: is it the --tls-cert?)");
        assertThatThrownBy(() -> load("hub.key", "hub.key")).isInstanceOf(TlsFileException.class)
                .hasMessage(pki.hubKey() + ": holds no PEM certificate (-----BEGIN CERTIFICATE-----) (it holds a "
                        + "private key: is it the --tls-key?)");
    }

    @Test
    void a_missing_or_non_pem_file_is_refused_naming_it() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.key"), "-----BEGIN PRIVATE KEY-----\nnot base64!\n"
                + "-----END PRIVATE KEY-----\n");

        assertThatThrownBy(() -> load("missing.pem", "hub.key")).isInstanceOf(TlsFileException.class)
                .hasMessage(pki.file("missing.pem") + ": does not exist");
        assertThatThrownBy(() -> ServerCertificate.load(pki.hubCert(), garbage)).isInstanceOf(TlsFileException.class)
                .hasMessage(garbage + ": holds no PEM private key (-----BEGIN PRIVATE KEY-----)");
        assertThatThrownBy(() -> ServerCertificate.load(pki.hubCert(), pki.file("hub.csr")))
                .isInstanceOf(TlsFileException.class).hasMessageStartingWith(pki.file("hub.csr") + ": holds no PEM");
    }
}
