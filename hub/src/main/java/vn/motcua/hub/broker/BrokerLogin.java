package vn.motcua.hub.broker;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The hub's own MQTT credential on its embedded broker when units must log in: made at random at every start and
 * kept only in memory, so there is nothing on disk to steal or rotate. Its user name is not a valid device id, so no
 * line of the password file can claim it.
 */
public record BrokerLogin(String username, char[] password) {

    static final String HUB_USER = "motcua.hub";
    private static final int RANDOM_BYTES = 32;

    /**
     * The MQTT client id of the hub of {@code site}. Not a valid device id (it has a dot), so no unit can take over the
     * hub's session, and the embedded broker tells the hub's dropped connection from a unit's ({@link OfflineWill}).
     */
    public static String hubClientId(String site) {
        return "motcua-hub." + site;
    }

    static BrokerLogin random() {
        byte[] secret = new byte[RANDOM_BYTES];
        new SecureRandom().nextBytes(secret);
        return new BrokerLogin(HUB_USER, Base64.getUrlEncoder().withoutPadding().encodeToString(secret).toCharArray());
    }

    /** Constant-time comparison with the password bytes of a CONNECT. */
    boolean accepts(byte[] candidate) {
        return MessageDigest.isEqual(new String(password).getBytes(StandardCharsets.US_ASCII), candidate);
    }

    @Override
    public String toString() {
        return "BrokerLogin[" + username + ", password hidden]";
    }
}
