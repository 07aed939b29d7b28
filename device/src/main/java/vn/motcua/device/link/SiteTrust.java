package vn.motcua.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.util.Collection;

import javax.net.ssl.SSLSocketFactory;

import vn.motcua.device.config.UnitConfigException;
import vn.motcua.protocol.transport.NoDelaySslSocketFactory;

/**
 * TLS sockets that trust exactly the site CA of the config's {@code caFile} — not the JVM's public CAs — so only a
 * certificate the office issued can pass for its broker. Host names are checked by Paho (HTTPS rules: the broker
 * URL's host must be in the certificate's subject alternative names).
 */
final class SiteTrust {

    private SiteTrust() {
    }

    /**
     * A socket factory trusting the certificates in the PEM file {@code caFile}.
     *
     * @throws UnitConfigException naming {@code caFile} when it is missing, unreadable or holds no certificate
     */
    static SSLSocketFactory socketFactory(Path caFile) {
        return NoDelaySslSocketFactory.trusting(read(caFile));
    }

    private static Collection<? extends Certificate> read(Path caFile) {
        try (InputStream in = Files.newInputStream(caFile)) {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(in);
            if (certificates.isEmpty()) {
                throw problem(caFile, "holds no certificate; it must be the site CA's certificate in PEM "
                        + "(-----BEGIN CERTIFICATE-----)");
            }
            return certificates;
        } catch (NoSuchFileException e) {
            throw problem(caFile, "does not exist");
        } catch (AccessDeniedException e) {
            throw problem(caFile, "cannot be read by this user (" + System.getProperty("user.name") + ")");
        } catch (CertificateException e) {
            throw problem(caFile, "is not a valid PEM certificate: " + e.getMessage());
        } catch (IOException e) {
            throw problem(caFile, "cannot be read: " + e.getMessage());
        }
    }

    private static UnitConfigException problem(Path caFile, String problem) {
        return new UnitConfigException("caFile", caFile + " " + problem);
    }
}
