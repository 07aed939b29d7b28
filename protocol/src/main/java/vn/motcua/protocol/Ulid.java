package vn.motcua.protocol;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Random;
import java.util.regex.Pattern;

/**
 * Request and event ids: ULIDs (26 characters of Crockford base32; 48-bit millisecond time then 80 random bits).
 * They sort by creation time, so a hub can see the order a device made its requests in, and a device can make
 * them offline without coordination. Thread-safe; ids made by one generator are strictly increasing.
 */
public final class Ulid {

    private static final char[] ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern CANONICAL = Pattern.compile("[0-7][0-9A-HJKMNP-TV-Z]{25}");

    private final Clock clock;
    private final Random random;
    private long lastMillis = -1;
    private long randomHigh; // top 16 of the 80 random bits
    private long randomLow;  // low 64 of the 80 random bits

    public Ulid(Clock clock, Random random) {
        this.clock = clock;
        this.random = random;
    }

    /** A generator on the system clock and a secure random source. */
    public static Ulid generator() {
        return new Ulid(Clock.systemUTC(), new SecureRandom());
    }

    /** The next id. Within one millisecond the random part is incremented, keeping ids monotonic. */
    public synchronized String next() {
        long now = clock.millis();
        if (now > lastMillis) {
            lastMillis = now;
            randomHigh = random.nextInt(1 << 16);
            randomLow = random.nextLong();
        } else {
            randomLow++;
            if (randomLow == 0) {
                randomHigh = (randomHigh + 1) & 0xFFFF;
            }
        }
        return encode(lastMillis, randomHigh, randomLow);
    }

    /** Whether {@code text} is a ULID in canonical (upper-case) form. */
    public static boolean isCanonical(String text) {
        return text != null && CANONICAL.matcher(text).matches();
    }

    /** The creation time of a canonical ULID, in milliseconds since the epoch. */
    public static long timestampMillis(String ulid) {
        if (!isCanonical(ulid)) {
            throw new IllegalArgumentException("not a ULID: " + ulid);
        }
        long millis = 0;
        for (int i = 0; i < 10; i++) {
            millis = (millis << 5) | decodeChar(ulid.charAt(i));
        }
        return millis;
    }

    private static String encode(long millis, long high16, long low64) {
        char[] out = new char[26];
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        // 80 random bits = high16:low64, written as 16 base32 digits from the least significant end.
        long low = low64;
        long high = high16;
        for (int i = 25; i >= 10; i--) {
            out[i] = ALPHABET[(int) (low & 31)];
            low = (low >>> 5) | ((high & 31) << 59);
            high >>>= 5;
        }
        return new String(out);
    }

    private static int decodeChar(char c) {
        for (int i = 0; i < ALPHABET.length; i++) {
            if (ALPHABET[i] == c) {
                return i;
            }
        }
        throw new IllegalArgumentException("not a base32 digit: " + c);
    }
}
