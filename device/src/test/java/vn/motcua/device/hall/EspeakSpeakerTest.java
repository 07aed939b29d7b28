package vn.motcua.device.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.config.HallConfig;
import vn.motcua.device.hall.VietnameseNumbers.Dialect;
import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.protocol.message.Board;

/** The real espeak-ng (a CI package), writing WAV files so the test can check what it said. */
class EspeakSpeakerTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T08:15:02+07:00");

    @TempDir
    Path dir;

    private final DeviceMetrics metrics = new DeviceMetrics();
    private final AnnouncementText text = new AnnouncementText(new VietnameseNumbers(Dialect.NORTHERN));

    private Announcement announcement(String ticket, int counter) {
        return text.of(new Board.Call(ticket, counter, false, AT));
    }

    /** What a WAV file's header says: its format and how long it plays. */
    private record Wav(String riff, String wave, int channels, int sampleRate, int bitsPerSample, long dataBytes) {

        static Wav read(Path file) throws IOException {
            ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
            String riff = ascii(bytes, 0);
            String wave = ascii(bytes, 8);
            int channels = 0;
            int rate = 0;
            int bits = 0;
            long data = -1;
            int at = 12;
            while (at + 8 <= bytes.limit()) { // walk the chunks: fmt gives the format, data its length
                String id = ascii(bytes, at);
                int size = bytes.getInt(at + 4);
                if (id.equals("fmt ")) {
                    channels = bytes.getShort(at + 10);
                    rate = bytes.getInt(at + 12);
                    bits = bytes.getShort(at + 22);
                } else if (id.equals("data")) {
                    data = Math.min(Integer.toUnsignedLong(size), bytes.limit() - at - 8L);
                    break;
                }
                at += 8 + size + (size & 1);
            }
            return new Wav(riff, wave, channels, rate, bits, data);
        }

        private static String ascii(ByteBuffer bytes, int at) {
            byte[] id = new byte[4];
            bytes.get(at, id);
            return new String(id, StandardCharsets.US_ASCII);
        }

        double seconds() {
            return (double) dataBytes / (sampleRate * channels * (bitsPerSample / 8));
        }
    }

    @Test
    void espeak_ng_says_a_vietnamese_announcement_into_a_valid_wav_of_more_than_a_second() throws IOException {
        try (EspeakSpeaker speaker = new EspeakSpeaker(EspeakSpeaker.Voice.of(HallConfig.DEFAULT), Optional.of(dir),
                metrics, "sanh-1")) {
            speaker.say(announcement("2-015", 4));

            await().atMost(WAIT).until(() -> metrics.count("voice.spoken") == 1);
        }
        Wav wav = Wav.read(dir.resolve("announcement-1.wav"));

        assertThat(wav.riff()).isEqualTo("RIFF");
        assertThat(wav.wave()).isEqualTo("WAVE");
        assertThat(wav.channels()).isEqualTo(1);
        assertThat(wav.sampleRate()).isEqualTo(22_050); // espeak-ng's rate
        assertThat(wav.bitsPerSample()).isEqualTo(16);
        assertThat(wav.seconds()).isBetween(1.5, 15.0);
        assertThat(metrics.count("voice.failed")).isZero();
    }

    @Test
    void announcements_are_said_one_after_the_other_in_order() throws IOException {
        try (EspeakSpeaker speaker = new EspeakSpeaker(EspeakSpeaker.Voice.of(HallConfig.DEFAULT), Optional.of(dir),
                metrics, "sanh-1")) {
            speaker.say(announcement("1-001", 1));
            speaker.say(announcement("3-12345", 12));

            await().atMost(WAIT).until(() -> metrics.count("voice.spoken") == 2);
        }
        // The longer sentence went second: its file is the longer one.
        assertThat(Wav.read(dir.resolve("announcement-2.wav")).seconds())
                .isGreaterThan(Wav.read(dir.resolve("announcement-1.wav")).seconds());
    }

    @Test
    void a_missing_espeak_is_counted_and_the_speaker_keeps_going() {
        EspeakSpeaker.Voice missing = new EspeakSpeaker.Voice(dir.resolve("no-espeak-ng").toString(), "vi", 140, 50);
        try (EspeakSpeaker speaker = new EspeakSpeaker(missing, Optional.empty(), metrics, "sanh-1")) {
            speaker.say(announcement("2-015", 4));
            speaker.say(announcement("2-016", 4));

            await().atMost(WAIT).until(() -> metrics.count("voice.failed") == 2);
        }
        assertThat(metrics.count("voice.spoken")).isZero();
    }

    @Test
    void an_espeak_that_exits_with_an_error_is_counted_as_a_failure() {
        // espeak-ng falls back from an unknown "vi-…" variant to "vi"; a language it does not know fails.
        EspeakSpeaker.Voice unknown = new EspeakSpeaker.Voice("espeak-ng", "xx-nowhere", 140, 50);
        try (EspeakSpeaker speaker = new EspeakSpeaker(unknown, Optional.of(dir), metrics, "sanh-1")) {
            speaker.say(announcement("2-015", 4));

            await().atMost(WAIT).until(() -> metrics.count("voice.failed") == 1);
        }
    }

    @Test
    void when_calls_come_faster_than_they_are_said_the_oldest_waiting_is_dropped() throws IOException {
        // A "voice" that takes its time (a shell script reading stdin, then sleeping), so the queue fills up.
        Path slow = dir.resolve("slow-espeak");
        Files.writeString(slow, "#!/bin/sh\ncat > /dev/null\nsleep 0.1\n");
        assertThat(slow.toFile().setExecutable(true)).isTrue();
        try (EspeakSpeaker speaker = new EspeakSpeaker(new EspeakSpeaker.Voice(slow.toString(), "vi", 140, 50),
                Optional.empty(), metrics, "sanh-1")) {
            for (int i = 1; i <= EspeakSpeaker.QUEUE + 3; i++) {
                speaker.say(announcement("1-" + i, 1));
            }

            await().atMost(WAIT).until(() -> metrics.count("voice.spoken") + metrics.count("voice.dropped")
                    == EspeakSpeaker.QUEUE + 3);
        }
        assertThat(metrics.count("voice.dropped")).isBetween(2L, 3L); // the first may already be being said
    }
}
