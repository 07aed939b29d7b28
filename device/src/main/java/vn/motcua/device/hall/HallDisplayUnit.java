package vn.motcua.device.hall;

import java.time.Clock;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.protocol.ProtocolException;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Board;

/**
 * The voice of the hall (DISPLAY role): follows the retained board and has every new call said once, in the order
 * the hub made them, and every recall again. The board's picture is the hub's board page in a browser on the same
 * screen (systemd/motcua-board@.service), not this class.
 *
 * <p>Threads: boards arrive on the link's event thread, which decides what to say; the speaker says it on its own.
 */
public final class HallDisplayUnit implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(HallDisplayUnit.class);

    /** Calls older than this when the unit first hears of them are not announced (see {@link CallLedger}). */
    public static final Duration HORIZON = Duration.ofSeconds(30);
    /** In the unit's data directory: the calls already heard, so a restart does not call them again. */
    static final String LEDGER_FILE = "hall-calls.txt";

    private final Speaker speaker;
    private final String deviceId;
    private final AnnouncementText text;
    private final CallLedger ledger;
    private final Codec codec = new Codec();

    public HallDisplayUnit(MqttLink link, Speaker speaker, DeviceMetrics metrics) {
        this(link, speaker, metrics, Clock.systemUTC(), HORIZON);
    }

    /** As {@link #HallDisplayUnit(MqttLink, Speaker, DeviceMetrics)}, calls judged old by {@code clock}. */
    public HallDisplayUnit(MqttLink link, Speaker speaker, DeviceMetrics metrics, Clock clock, Duration horizon) {
        this.speaker = speaker;
        this.deviceId = link.config().deviceId();
        this.text = new AnnouncementText(new VietnameseNumbers(link.config().hall().dialect()));
        this.ledger = new CallLedger(link.config().dataDir().resolve(LEDGER_FILE), horizon, clock, metrics, deviceId);
        link.onState(link.topics().board(), this::boardArrived);
    }

    /**
     * The hall voice a unit's config asks for: espeak-ng on the default sound device, or with {@code hall.voice}
     * false a silent speaker, the calls only logged (a screen without loudspeakers, the demo).
     */
    public static HallDisplayUnit start(MqttLink link, DeviceMetrics metrics) {
        UnitConfig config = link.config();
        Speaker speaker = config.hall().voice()
                ? new EspeakSpeaker(EspeakSpeaker.Voice.of(config.hall()), metrics, config.deviceId())
                : new SimulatedSpeaker(config.deviceId());
        try {
            return new HallDisplayUnit(link, speaker, metrics);
        } catch (RuntimeException e) {
            speaker.close();
            throw e;
        }
    }

    public Speaker speaker() {
        return speaker;
    }

    private void boardArrived(byte[] payload) {
        if (payload.length == 0) {
            return; // the hub cleared the retained board: nothing new was called
        }
        Board board;
        try {
            board = codec.decodeState(payload, Board.class);
        } catch (ProtocolException e) {
            log.warn("{}: ignored malformed board ({}): {}", deviceId, e.getMessage(), Codec.preview(payload));
            return;
        }
        for (Board.Call call : ledger.newCalls(board)) {
            Announcement announcement = text.of(call);
            log.info("{}: announcing {} ({})", deviceId, announcement.text(), announcement.english());
            speaker.say(announcement);
        }
    }

    /** Stops the voice; the link is the unit's to close. */
    @Override
    public void close() {
        speaker.close();
    }
}
