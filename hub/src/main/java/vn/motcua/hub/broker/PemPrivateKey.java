package vn.motcua.hub.broker;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.InvalidKeySpecException;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the broker's private key from a PEM file as {@code openssl req -newkey ec … -nodes} (OpenSSL 3) writes it:
 * unencrypted PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}), EC or RSA. The JDK reads no other PEM key form, so the
 * older OpenSSL forms and encrypted keys are refused with the command that converts them, rather than a stack trace.
 */
final class PemPrivateKey {

    private static final Pattern BLOCK = Pattern.compile(
            "-----BEGIN ([A-Z0-9 ]+)-----([A-Za-z0-9+/=\\s]*)-----END \\1-----");
    private static final List<String> ALGORITHMS = List.of("EC", "RSA");

    private PemPrivateKey() {
    }

    /** @throws TlsFileException naming {@code file} when it holds no usable key */
    static PrivateKey read(Path file) {
        String text;
        try {
            // ISO-8859-1 maps every byte, so a binary (DER) file reads as text that holds no PEM block
            text = Files.readString(file, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw TlsFileException.unreadable(file, e);
        }
        Matcher block = BLOCK.matcher(text);
        while (block.find()) {
            switch (block.group(1)) {
                case "PRIVATE KEY" -> {
                    return decode(file, block.group(2));
                }
                case "ENCRYPTED PRIVATE KEY" -> throw new TlsFileException(file, "the key is encrypted; the hub needs "
                        + "it unencrypted (openssl req … -nodes) and readable only by the hub's user");
                case "EC PRIVATE KEY", "RSA PRIVATE KEY" -> throw new TlsFileException(file, "is an old-style OpenSSL "
                        + "key (" + block.group(1) + "); convert it to PKCS#8: openssl pkcs8 -topk8 -nocrypt -in "
                        + file.getFileName() + " -out hub.key");
                default -> {
                    // e.g. the EC PARAMETERS block openssl ecparam writes before the key
                }
            }
        }
        String hint = text.contains("-----BEGIN CERTIFICATE-----") ? " (it holds a certificate: is it the --tls-cert?)"
                : "";
        throw new TlsFileException(file, "holds no PEM private key (-----BEGIN PRIVATE KEY-----)" + hint);
    }

    private static PrivateKey decode(Path file, String base64) {
        PKCS8EncodedKeySpec spec;
        try {
            spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(base64));
        } catch (IllegalArgumentException e) {
            throw new TlsFileException(file, "the PRIVATE KEY block is not valid base64");
        }
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (InvalidKeySpecException notThisAlgorithm) {
                // try the next one
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM cannot read " + algorithm + " keys: " + e, e); // a JDK can
            }
        }
        throw new TlsFileException(file, "the PRIVATE KEY block is not an EC or RSA key");
    }
}
