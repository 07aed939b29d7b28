package vn.motcua.hub.broker;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * One password hash of a Mosquitto password file, the part after {@code user:}. Two formats exist:
 * {@code $7$iterations$salt$hash} (PBKDF2-HMAC-SHA512, what mosquitto_passwd 2.x writes and {@code provision device}
 * prints) and {@code $6$salt$hash} (SHA-512 of password then salt, mosquitto 1.x and {@code mosquitto_passwd -H sha512});
 * salt and hash are base64, the hash 64 bytes. Comparisons take the same time whatever bytes differ.
 */
sealed interface PasswordHash {

    int HASH_BYTES = 64;

    /** Whether {@code password} (the MQTT CONNECT's password bytes) is the one this hash was made from. */
    boolean matches(byte[] password);

    /** The hash as written in the file, to tell a changed line from an unchanged one. */
    String encoded();

    /** @throws IllegalArgumentException saying what is wrong with {@code encoded} */
    static PasswordHash parse(String encoded) {
        String[] parts = encoded.split("\\$", -1);
        if (parts.length < 2 || !parts[0].isEmpty()) {
            throw new IllegalArgumentException("the password is not hashed: expected $7$… or $6$…, as mosquitto_passwd "
                    + "writes (run 'mosquitto_passwd -U FILE' to hash a plain-text file)");
        }
        return switch (parts[1]) {
            case "7" -> {
                requireParts(parts, 5, "$7$iterations$salt$hash");
                yield new Pbkdf2(encoded, iterations(parts[2]), base64(parts[3], "salt"), hash(parts[4]));
            }
            case "6" -> {
                requireParts(parts, 4, "$6$salt$hash");
                yield new SaltedSha512(encoded, base64(parts[2], "salt"), hash(parts[3]));
            }
            default -> throw new IllegalArgumentException("unknown hash type $" + parts[1]
                    + "$; the embedded broker reads $7$ (mosquitto 2) and $6$ (mosquitto 1.x)");
        };
    }

    /** PBKDF2-HMAC-SHA512; the JDK's PBKDF2 takes the password as chars and hashes their UTF-8 bytes. */
    record Pbkdf2(String encoded, int iterations, byte[] salt, byte[] hash) implements PasswordHash {
        @Override
        public boolean matches(byte[] password) {
            char[] chars = utf8(password);
            if (chars == null) {
                return false; // mosquitto_passwd reads text: no stored password is malformed UTF-8
            }
            PBEKeySpec spec = new PBEKeySpec(chars, salt, iterations, HASH_BYTES * 8);
            try {
                byte[] computed = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
                return MessageDigest.isEqual(computed, hash);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("this JVM cannot compute PBKDF2-HMAC-SHA512", e);
            } finally {
                spec.clearPassword();
                Arrays.fill(chars, '\0');
            }
        }
    }

    record SaltedSha512(String encoded, byte[] salt, byte[] hash) implements PasswordHash {
        @Override
        public boolean matches(byte[] password) {
            try {
                MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
                sha512.update(password);
                sha512.update(salt);
                return MessageDigest.isEqual(sha512.digest(), hash);
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("this JVM has no SHA-512", e);
            }
        }
    }

    private static void requireParts(String[] parts, int count, String format) {
        if (parts.length != count) {
            throw new IllegalArgumentException("a $" + parts[1] + "$ hash must be " + format);
        }
    }

    private static int iterations(String text) {
        try {
            int iterations = Integer.parseInt(text);
            if (iterations > 0) {
                return iterations;
            }
        } catch (NumberFormatException e) {
            // reported below with the same message as a zero or negative count
        }
        throw new IllegalArgumentException("iterations must be a positive whole number, was '" + text + "'");
    }

    private static byte[] hash(String text) {
        byte[] hash = base64(text, "hash");
        if (hash.length != HASH_BYTES) {
            throw new IllegalArgumentException("the hash must be " + HASH_BYTES + " bytes of SHA-512, was " + hash.length);
        }
        return hash;
    }

    private static byte[] base64(String text, String what) {
        try {
            byte[] bytes = Base64.getDecoder().decode(text);
            if (bytes.length > 0) {
                return bytes;
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        throw new IllegalArgumentException("the " + what + " is not base64");
    }

    private static char[] utf8(byte[] bytes) {
        try {
            CharBuffer decoded = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            char[] chars = new char[decoded.remaining()];
            decoded.get(chars);
            Arrays.fill(decoded.array(), '\0');
            return chars;
        } catch (CharacterCodingException e) {
            return null;
        }
    }
}
