package vn.motcua.device.hall;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.HallConfig;
import vn.motcua.device.metrics.DeviceMetrics;

/**
 * Says announcements with espeak-ng, one process per announcement, on its own thread {@code voice-<deviceId>}, so
 * the link's event thread never waits for the voice. The text goes in on stdin as UTF-8 ({@code -b 1 --stdin}):
 * as a command-line argument it would pass through the JVM's locale, which under systemd is often plain ASCII and
 * would turn "Mời" into "M?i". Audio goes to the default sound device (ALSA, see docs/hardware/README.md), or with
 * a WAV directory into one WAV file per announcement.
 *
 * <p>The queue holds {@value #QUEUE} announcements; when calls come faster than they can be said, the oldest waiting
 * one is dropped ({@code voice.dropped}): a call a minute late helps nobody. An espeak-ng that is missing, fails or
 * hangs is logged and counted ({@code voice.failed}) and the next announcement is tried as usual.
 */
public final class EspeakSpeaker implements Speaker {

    private static final Logger log = LoggerFactory.getLogger(EspeakSpeaker.class);

    static final int QUEUE = 8;
    /** An announcement lasts about 5 s; one that takes this long is stuck (a blocked sound device). */
    static final Duration LONGEST = Duration.ofSeconds(30);

    /**
     * How espeak-ng is run.
     *
     * @param executable     {@code espeak-ng}, found on the PATH, or a full path
     * @param name           the voice, {@code -v}
     * @param wordsPerMinute {@code -s}
     * @param pitch          {@code -p}, 0-99 (50 is espeak-ng's own)
     */
    public record Voice(String executable, String name, int wordsPerMinute, int pitch) {

        public static final int DEFAULT_PITCH = 50;

        /** The voice a hall section names. */
        public static Voice of(HallConfig hall) {
            return new Voice("espeak-ng", hall.voiceName(), hall.voiceSpeed(), DEFAULT_PITCH);
        }
    }

    private final Voice voice;
    private final Optional<Path> wavDir;
    private final DeviceMetrics metrics;
    private final String deviceId;
    private final BlockingDeque<Announcement> queue = new LinkedBlockingDeque<>(QUEUE);
    private final AtomicLong wavFiles = new AtomicLong();
    private final Thread thread;
    private volatile boolean closed;
    private volatile Process speaking;

    /** Speaks on the default sound device. */
    public EspeakSpeaker(Voice voice, DeviceMetrics metrics, String deviceId) {
        this(voice, Optional.empty(), metrics, deviceId);
    }

    /** Writes each announcement to {@code wavDir}/announcement-N.wav instead (N from 1), when it is given. */
    public EspeakSpeaker(Voice voice, Optional<Path> wavDir, DeviceMetrics metrics, String deviceId) {
        this.voice = voice;
        this.wavDir = wavDir;
        this.metrics = metrics;
        this.deviceId = deviceId;
        this.thread = Thread.ofPlatform().name("voice-" + deviceId).daemon().start(this::run);
    }

    @Override
    public synchronized void say(Announcement announcement) {
        if (closed) {
            return;
        }
        while (!queue.offerLast(announcement)) {
            Announcement dropped = queue.pollFirst();
            if (dropped != null) {
                metrics.increment("voice.dropped");
                log.warn("{}: calls come faster than they can be said; not saying \"{}\"", deviceId, dropped.text());
            }
        }
    }

    private void run() {
        while (!closed) {
            Announcement next;
            try {
                next = queue.take();
            } catch (InterruptedException e) {
                return; // closed
            }
            speak(next);
        }
    }

    private void speak(Announcement announcement) {
        List<String> command = command();
        Process process = null;
        try {
            process = new ProcessBuilder(command).redirectOutput(Redirect.DISCARD).start();
            speaking = process;
            try (OutputStream in = process.getOutputStream()) {
                in.write(announcement.spoken().getBytes(StandardCharsets.UTF_8));
            }
            if (!process.waitFor(LONGEST.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                failed(announcement, "espeak-ng did not finish within " + LONGEST.toSeconds() + " s");
            } else if (process.exitValue() != 0) {
                String error = new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8).strip();
                failed(announcement, "espeak-ng exited with " + process.exitValue() + ": " + error);
            } else {
                metrics.increment("voice.spoken");
            }
        } catch (IOException e) {
            failed(announcement, "cannot run " + command.getFirst() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            process.destroyForcibly(); // closed while speaking: waitFor is the only call that waits
        } finally {
            speaking = null;
        }
    }

    private List<String> command() {
        List<String> command = new ArrayList<>(List.of(voice.executable(), "-v", voice.name(),
                "-s", Integer.toString(voice.wordsPerMinute()), "-p", Integer.toString(voice.pitch()),
                "-b", "1", "--stdin"));
        wavDir.ifPresent(dir -> command.addAll(List.of("-w",
                dir.resolve("announcement-" + wavFiles.incrementAndGet() + ".wav").toString())));
        return command;
    }

    private void failed(Announcement announcement, String why) {
        if (closed) {
            return; // stopped on purpose
        }
        metrics.increment("voice.failed");
        log.error("{}: could not say \"{}\": {}", deviceId, announcement.text(), why);
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            queue.clear();
        }
        thread.interrupt();
        Process process = speaking;
        if (process != null) {
            process.destroyForcibly();
        }
        try {
            thread.join(Duration.ofSeconds(2));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
