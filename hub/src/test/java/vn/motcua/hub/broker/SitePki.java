package vn.motcua.hub.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.List;

import javax.net.ssl.SSLSocketFactory;
import vn.motcua.protocol.transport.NoDelaySslSocketFactory;
import vn.motcua.testkit.Commands;

/**
 * A throwaway site PKI made with openssl by the commands of docs/operations.md: the site CA, the hub's certificate
 * and key (EC P-256, and an RSA pair), and the wrong files an administrator might give. The hub certificate names
 * only {@code localhost}, so a unit reaching the broker as 127.0.0.1 shows the host name check. (The device tests'
 * SecureMosquitto makes a similar PKI; the hub cannot depend on device test code.)
 */
record SitePki(Path dir) {

    /** Runs openssl in {@code dir}; about 50 ms a key, so make one per test class. */
    static SitePki make(Path dir) throws IOException {
        Files.createDirectories(dir);
        SitePki pki = new SitePki(dir);
        pki.selfSigned("ca", "motcua site CA test");
        pki.selfSigned("foreign-ca", "someone else's CA");
        pki.issued("hub", List.of("-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256"));
        pki.issued("rsa-hub", List.of("-newkey", "rsa:2048"));
        pki.openssl("genpkey", "-algorithm", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-out", "other.key");
        pki.openssl("pkey", "-in", "hub.key", "-traditional", "-out", "traditional.key");
        pki.openssl("pkcs8", "-topk8", "-in", "hub.key", "-passout", "pass:secret", "-out", "encrypted.key");
        return pki;
    }

    Path file(String name) {
        return dir.resolve(name);
    }

    Path siteCa() {
        return file("ca.pem");
    }

    Path foreignCa() {
        return file("foreign-ca.pem");
    }

    Path hubCert() {
        return file("hub.pem");
    }

    Path hubKey() {
        return file("hub.key");
    }

    /** TLS sockets trusting only the CA certificate in {@code caPem}, as a unit's {@code caFile}. */
    static SSLSocketFactory trusting(Path caPem) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(caPem)) {
            return NoDelaySslSocketFactory.trusting(List.of(CertificateFactory.getInstance("X.509").generateCertificate(in)));
        }
    }

    private void selfSigned(String name, String commonName) throws IOException {
        openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes", "-keyout",
                name + ".key", "-out", name + ".pem", "-days", "2", "-subj", "/CN=" + commonName,
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign");
    }

    private void issued(String name, List<String> newKey) throws IOException {
        List<String> request = new ArrayList<>(List.of("req"));
        request.addAll(newKey);
        request.addAll(List.of("-nodes", "-keyout", name + ".key", "-out", name + ".csr", "-subj", "/CN=localhost"));
        openssl(request.toArray(String[]::new));
        Files.writeString(file(name + ".ext"), "subjectAltName=DNS:localhost\nextendedKeyUsage=serverAuth\n");
        openssl("x509", "-req", "-in", name + ".csr", "-CA", "ca.pem", "-CAkey", "ca.key", "-CAcreateserial",
                "-out", name + ".pem", "-days", "2", "-extfile", name + ".ext");
    }

    private void openssl(String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of("openssl"));
        command.addAll(List.of(arguments));
        Commands.run(dir, command.toArray(String[]::new));
    }
}
