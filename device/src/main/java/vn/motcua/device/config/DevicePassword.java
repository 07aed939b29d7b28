package vn.motcua.device.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A unit's MQTT password: made by {@code provision device}, kept in its own file (the config's {@code passwordFile},
 * mode 0600), read by the unit at start, and known to the broker only as a salted hash in its password file.
 * The password is held as {@code char[]} and never logged.
 */
public final class DevicePassword {

    private static final Logger log = LoggerFactory.getLogger(DevicePassword.class);

    /** 144 random bits: 24 base64url characters, nothing a shell or Mosquitto's file format treats specially. */
    private static final int RANDOM_BYTES = 18;
    private static final int MAX_FILE_BYTES = 1024;
    /** Mosquitto's {@code $7$} hash: PBKDF2-HMAC-SHA512, 12-byte salt, 64-byte hash, as mosquitto_passwd makes it. */
    private static final int SALT_BYTES = 12;
    private static final int HASH_BITS = 512;
    /**
     * mosquitto_passwd's default. More rounds would not make a 144-bit random password harder to guess, only make
     * every connect cost the hub more CPU.
     */
    private static final int ITERATIONS = 101;
    private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
            PosixFilePermission.OWNER_WRITE);
    private static final SecureRandom RANDOM = new SecureRandom();

    private DevicePassword() {
    }

    /** A new random password. */
    public static char[] generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes).toCharArray();
    }

    /**
     * Reads the password in {@code file}: its one line, without the line end. Warns (without the password) when
     * others than the owner may read the file.
     *
     * @throws UnitConfigException naming {@code passwordFile} when the file is missing, unreadable, empty or not one
     *                             line of UTF-8
     */
    public static char[] read(Path file) {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw problem(file, "is larger than " + MAX_FILE_BYTES + " bytes; it must hold only the password");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw problem(file, "does not exist");
        } catch (AccessDeniedException e) {
            throw problem(file, "cannot be read by this user (" + System.getProperty("user.name") + "); the unit's "
                    + "user must own it, mode 0600");
        } catch (IOException e) {
            throw problem(file, "cannot be read: " + e.getMessage());
        }
        try {
            char[] password = decode(bytes, file);
            warnIfShared(file);
            return password;
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /**
     * Writes {@code password} to {@code file} with mode 0600, replacing it atomically, so the secret is never
     * readable by others, not even for a moment.
     */
    public static void write(Path file, char[] password) throws IOException {
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp",
                PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        ByteBuffer encoded = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] bytes = new byte[encoded.remaining() + 1];
        encoded.get(bytes, 0, bytes.length - 1);
        bytes[bytes.length - 1] = '\n';
        try {
            Files.write(temp, bytes);
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Arrays.fill(bytes, (byte) 0);
            Files.deleteIfExists(temp);
        }
    }

    /**
     * The line for Mosquitto 2's {@code password_file} that lets {@code username} in with {@code password}:
     * {@code username:$7$101$<salt>$<hash>}, the format {@code mosquitto_passwd} writes.
     */
    public static String mosquittoLine(String username, char[] password) {
        byte[] salt = new byte[SALT_BYTES];
        RANDOM.nextBytes(salt);
        PBEKeySpec spec = new PBEKeySpec(password, salt, ITERATIONS, HASH_BITS); // SunJCE encodes the chars as UTF-8
        try {
            byte[] hash = SecretKeyFactory.getInstance("PBKDF2WithHmacSHA512").generateSecret(spec).getEncoded();
            Base64.Encoder base64 = Base64.getEncoder();
            return username + ":$7$" + ITERATIONS + "$" + base64.encodeToString(salt) + "$"
                    + base64.encodeToString(hash);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JVM cannot compute PBKDF2-HMAC-SHA512", e);
        } finally {
            spec.clearPassword();
        }
    }

    private static char[] decode(byte[] bytes, Path file) {
        int end = bytes.length;
        while (end > 0 && (bytes[end - 1] == '\n' || bytes[end - 1] == '\r')) {
            end--; // `echo secret > file` adds a line end that is not part of the password
        }
        if (end == 0) {
            throw problem(file, "is empty; it must hold the unit's MQTT password");
        }
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes, 0, end));
        } catch (CharacterCodingException e) {
            throw problem(file, "is not UTF-8 text");
        }
        char[] password = new char[chars.remaining()];
        chars.get(password);
        Arrays.fill(chars.array(), '\0');
        for (char c : password) {
            if (Character.isISOControl(c)) {
                Arrays.fill(password, '\0');
                throw problem(file, "must hold the password on one line, without control characters");
            }
        }
        return password;
    }

    private static void warnIfShared(Path file) {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (view == null) {
            return; // not a POSIX file system: nothing to check
        }
        try {
            Set<PosixFilePermission> permissions = view.readAttributes().permissions();
            if (permissions.contains(PosixFilePermission.GROUP_READ)
                    || permissions.contains(PosixFilePermission.OTHERS_READ)) {
                log.warn("passwordFile {} is readable by others than its owner ({}); chmod 600 it", file,
                        PosixFilePermissions.toString(permissions));
            }
        } catch (IOException e) {
            log.warn("passwordFile {}: cannot read its permissions: {}", file, e.getMessage());
        }
    }

    private static UnitConfigException problem(Path file, String problem) {
        return new UnitConfigException("passwordFile", file + " " + problem);
    }
}
