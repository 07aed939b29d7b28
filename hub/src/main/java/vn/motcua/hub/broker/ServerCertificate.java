package vn.motcua.hub.broker;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javax.net.ssl.SSLException;
import javax.net.ssl.SSLSocketFactory;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;
import vn.motcua.protocol.transport.NoDelaySslSocketFactory;

/**
 * The embedded broker's certificate chain and private key, read from the PEM files an administrator made with openssl
 * and checked to belong together at start: a key that does not match its certificate would otherwise only show as
 * every unit's handshake failing.
 */
final class ServerCertificate {

    /** TLS 1.3 first (the JDK picks the highest both sides speak); 1.2 as the lowest, as Mosquitto's tls_version. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final List<X509Certificate> chain;
    private final PrivateKey key;

    private ServerCertificate(List<X509Certificate> chain, PrivateKey key) {
        this.chain = chain;
        this.key = key;
    }

    /** @throws TlsFileException naming the file that is missing, unreadable, not PEM, or does not match the other */
    static ServerCertificate load(Path certFile, Path keyFile) {
        List<X509Certificate> chain = readChain(certFile);
        PrivateKey key = PemPrivateKey.read(keyFile);
        if (!signsFor(key, chain.getFirst().getPublicKey())) {
            throw new TlsFileException(keyFile, "is not the key of the certificate in " + certFile
                    + " (the key openssl wrote with that certificate's request is needed)");
        }
        return new ServerCertificate(chain, key);
    }

    /**
     * Whole days until the served certificate expires, negative once it has: units check the validity and refuse an
     * expired certificate, so every unit would go offline that day.
     */
    long daysLeft(Clock clock) {
        return Math.floorDiv(Duration.between(clock.instant(), chain.getFirst().getNotAfter().toInstant()).toSeconds(),
                Duration.ofDays(1).toSeconds());
    }

    /** When the served certificate expires. */
    Instant notAfter() {
        return chain.getFirst().getNotAfter().toInstant();
    }

    private static List<X509Certificate> readChain(Path certFile) {
        byte[] pem;
        try {
            pem = Files.readAllBytes(certFile);
        } catch (IOException e) {
            throw TlsFileException.unreadable(certFile, e);
        }
        String text = new String(pem, StandardCharsets.ISO_8859_1);
        if (!text.contains("-----BEGIN CERTIFICATE-----")) {
            // the JDK would parse a key's base64 as a certificate and say only "signed fields invalid"
            String hint = text.contains("PRIVATE KEY-----") ? " (it holds a private key: is it the --tls-key?)" : "";
            throw new TlsFileException(certFile, "holds no PEM certificate (-----BEGIN CERTIFICATE-----)" + hint);
        }
        try {
            return CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(pem)).stream()
                    .map(X509Certificate.class::cast).toList();
        } catch (CertificateException e) {
            throw new TlsFileException(certFile, "is not a PEM certificate (" + e.getMessage() + ")");
        }
    }

    /** Signs a random challenge with {@code key} and checks it with {@code certified}, as a handshake would. */
    private static boolean signsFor(PrivateKey key, PublicKey certified) {
        if (!key.getAlgorithm().equals(certified.getAlgorithm())) {
            return false;
        }
        byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        try {
            Signature signature = Signature.getInstance(key.getAlgorithm().equals("EC") ? "SHA256withECDSA"
                    : "SHA256withRSA");
            signature.initSign(key);
            signature.update(challenge);
            byte[] signed = signature.sign();
            signature.initVerify(certified);
            signature.update(challenge);
            return signature.verify(signed);
        } catch (GeneralSecurityException e) {
            return false; // e.g. an EC key on another curve than the certificate's
        }
    }

    /** The server side of the broker's TLS listener. */
    SslContext serverContext() {
        try {
            return SslContextBuilder.forServer(key, chain.toArray(X509Certificate[]::new))
                    .sslProvider(SslProvider.JDK)
                    .protocols(PROTOCOLS)
                    .build();
        } catch (SSLException e) {
            throw new IllegalStateException("this JVM cannot serve TLS with this key: " + e, e);
        }
    }

    /**
     * TLS sockets for the hub's own client, trusting exactly this certificate. It connects over loopback, where the
     * certificate's names (the hub's LAN names) cannot match, so it checks no host name: trusting only the one
     * certificate the broker in this process serves already rules out anything else answering.
     */
    SSLSocketFactory ownClientSockets() {
        return NoDelaySslSocketFactory.trusting(List.of(chain.getFirst()));
    }
}
