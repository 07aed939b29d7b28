package vn.motcua.device.config;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.device.hall.VietnameseNumbers;

/**
 * The optional {@code hall} section of a unit with the DISPLAY role: the hall board screen and its voice.
 *
 * @param boardUrl   the page the screen shows; empty = the hub's board on the broker's host, port
 *                   {@value #HUB_HTTP_PORT}
 * @param voice      announce calls through espeak-ng on the default sound device; false = only log them
 * @param voiceName  the espeak-ng voice: {@code vi} (Northern), {@code vi-vn-x-central} or {@code vi-vn-x-south}
 *                   (which also reads numbers the Southern way)
 * @param voiceSpeed words per minute, {@value #MIN_SPEED}-{@value #MAX_SPEED}
 */
public record HallConfig(Optional<URI> boardUrl, boolean voice, String voiceName, int voiceSpeed) {

    // Before DEFAULT: its constructor checks the voice name against them.
    private static final Pattern VIETNAMESE_VOICE = Pattern.compile("vi(-[a-z0-9]+)*");
    private static final String SOUTHERN_VOICE = "vi-vn-x-south";

    /** The hub's default web port ({@code motcua hub --http-port}). */
    public static final int HUB_HTTP_PORT = 8080;
    public static final int MIN_SPEED = 80;
    public static final int MAX_SPEED = 300;
    /** Slower than espeak-ng's 175: a hall echoes, and many listeners are elderly. */
    public static final int DEFAULT_SPEED = 140;
    public static final HallConfig DEFAULT = new HallConfig(Optional.empty(), true, "vi", DEFAULT_SPEED);
    /** The default board and voice, the calls only logged: a screen without speakers, the demo's hall. */
    public static final HallConfig LOG_ONLY = new HallConfig(Optional.empty(), false, "vi", DEFAULT_SPEED);

    static final List<String> FIELDS = List.of("boardUrl", "voice", "voiceName", "voiceSpeed");

    public HallConfig {
        boardUrl = boardUrl == null ? Optional.empty() : boardUrl;
        boardUrl.ifPresent(HallConfig::requireBoardUrl);
        if (voiceName == null || !VIETNAMESE_VOICE.matcher(voiceName).matches()) {
            throw new UnitConfigException("hall.voiceName", "must be a Vietnamese espeak-ng voice: \"vi\", "
                    + "\"vi-vn-x-central\" or \"" + SOUTHERN_VOICE + "\", was \"" + voiceName + "\"");
        }
        if (voiceSpeed < MIN_SPEED || voiceSpeed > MAX_SPEED) {
            throw new UnitConfigException("hall.voiceSpeed", "must be " + MIN_SPEED + "-" + MAX_SPEED
                    + " words per minute, was " + voiceSpeed);
        }
    }

    /** The board page for a unit whose broker is {@code brokerUrl} (a valid {@code tcp://host:port}). */
    public URI boardUrl(String brokerUrl) {
        return boardUrl.orElseGet(() -> {
            String host = URI.create(brokerUrl).getHost();
            return URI.create("http://" + host + ":" + HUB_HTTP_PORT + "/");
        });
    }

    /** How numbers are read: the Southern voice says "lẻ" and "ngàn", the others "linh" and "nghìn". */
    public VietnameseNumbers.Dialect dialect() {
        return voiceName.equals(SOUTHERN_VOICE) ? VietnameseNumbers.Dialect.SOUTHERN
                : VietnameseNumbers.Dialect.NORTHERN;
    }

    private static void requireBoardUrl(URI url) {
        String scheme = url.getScheme();
        if (!url.isAbsolute() || !("http".equals(scheme) || "https".equals(scheme)) || url.getHost() == null) {
            throw new UnitConfigException("hall.boardUrl", "must be an http:// or https:// address with a host, e.g. "
                    + "\"http://hub.local:8080/\", was \"" + url + "\"");
        }
    }

    // ---- JSON ----

    void toJson(ObjectNode node) {
        boardUrl.ifPresent(url -> node.put("boardUrl", url.toString()));
        node.put("voice", voice).put("voiceName", voiceName).put("voiceSpeed", voiceSpeed);
    }

    static HallConfig fromJson(JsonNode node) {
        if (node == null || node.isNull()) {
            return DEFAULT;
        }
        HardwareConfig.object(node, "hall", FIELDS);
        Optional<URI> url = Optional.empty();
        if (node.has("boardUrl")) {
            String text = HardwareConfig.text(node.get("boardUrl"), "hall.boardUrl");
            try {
                url = Optional.of(new URI(text));
            } catch (URISyntaxException e) {
                throw new UnitConfigException("hall.boardUrl", "is not a valid address (" + e.getReason()
                        + "), was \"" + text + "\"");
            }
        }
        boolean voice = true;
        if (node.has("voice")) {
            if (!node.get("voice").isBoolean()) {
                throw new UnitConfigException("hall.voice", "must be true or false, was " + node.get("voice"));
            }
            voice = node.get("voice").booleanValue();
        }
        String name = node.has("voiceName") ? HardwareConfig.text(node.get("voiceName"), "hall.voiceName")
                : DEFAULT.voiceName();
        int speed = node.has("voiceSpeed") ? HardwareConfig.integer(node.get("voiceSpeed"), "hall.voiceSpeed")
                : DEFAULT_SPEED;
        return new HallConfig(url, voice, name, speed);
    }
}
