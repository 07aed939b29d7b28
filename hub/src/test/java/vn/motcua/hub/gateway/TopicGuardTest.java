package vn.motcua.hub.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.eclipse.paho.client.mqttv3.internal.wire.MqttPublish;
import org.eclipse.paho.client.mqttv3.internal.wire.MqttWireMessage;
import org.junit.jupiter.api.Test;

/**
 * The hub's receive stream against the packets that stop Paho 1.2.5's receive thread, decoded afterwards by Paho's own
 * decoder ({@link MqttWireMessage#createWireMessage}), the one that throws on them.
 */
class TopicGuardTest {

    private static final byte[] PAYLOAD = "{\"v\":1}".getBytes(StandardCharsets.UTF_8);

    @Test
    void paho_itself_throws_on_a_topic_with_nul_so_the_guard_is_needed() {
        assertThatThrownBy(() -> MqttWireMessage.createWireMessage(publish(topic("ro\u0000gue"), 7, PAYLOAD)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void topics_with_nul_a_newline_or_invalid_utf8_arrive_as_the_unreadable_topic_with_packet_id_and_payload_kept()
            throws Exception {
        List<byte[]> hostile = List.of(topic("ro\u0000gue"), topic("rogue\nINFO forged"),
                concat(topic("ro"), new byte[] {(byte) 0xC3, (byte) 0x28}), topic("\u202Eexe"));
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        for (int i = 0; i < hostile.size(); i++) {
            wire.writeBytes(publish(hostile.get(i), 100 + i, PAYLOAD));
        }
        List<MqttWireMessage> read = readAll(new TopicGuard(new ByteArrayInputStream(wire.toByteArray())));
        assertThat(read).hasSize(4).allSatisfy(message -> {
            MqttPublish publish = (MqttPublish) message;
            assertThat(publish.getTopicName()).isEqualTo(TopicGuard.UNREADABLE);
            assertThat(publish.getMessage().getPayload()).isEqualTo(PAYLOAD);
        });
        assertThat(read).extracting(MqttWireMessage::getMessageId).containsExactly(100, 101, 102, 103);
    }

    @Test
    void a_good_topic_a_megabyte_payload_and_other_packets_pass_unchanged() throws Exception {
        byte[] big = new byte[1 << 20];
        byte[] wire = concat(publish(topic("motcua/v1/nghiloc/dev/kiosk-1/req"), 1, big),
                new byte[] {(byte) 0xD0, 0x00},          // PINGRESP: type 13, remaining length 0
                new byte[] {0x40, 0x02, 0x00, 0x05},     // PUBACK: type 4, remaining length 2, packet id 5
                publish(topic("ro\u0000gue"), 2, PAYLOAD));
        byte[] through = new TopicGuard(new ByteArrayInputStream(wire)).readAllBytes();
        byte[] unchanged = concat(publish(topic("motcua/v1/nghiloc/dev/kiosk-1/req"), 1, big),
                new byte[] {(byte) 0xD0, 0x00}, new byte[] {0x40, 0x02, 0x00, 0x05});
        assertThat(java.util.Arrays.copyOf(through, unchanged.length)).isEqualTo(unchanged);
        assertThat(((MqttPublish) readAll(new TopicGuard(new ByteArrayInputStream(wire))).get(3)).getTopicName())
                .isEqualTo(TopicGuard.UNREADABLE);
    }

    @Test
    void a_read_timing_out_inside_a_packet_head_resumes_where_it_stopped() throws Exception {
        byte[] wire = publish(topic("ro\u0000gue/req"), 9, PAYLOAD);
        TopicGuard guard = new TopicGuard(new Stuttering(wire));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[3];
        while (true) {
            try {
                int n = guard.read(buffer, 0, buffer.length);
                if (n < 0) {
                    break;
                }
                out.write(buffer, 0, n);
            } catch (SocketTimeoutException timeout) {
                // Paho reads again after SO_TIMEOUT; so does this loop
            }
        }
        MqttPublish publish = (MqttPublish) MqttWireMessage.createWireMessage(out.toByteArray());
        assertThat(publish.getTopicName()).isEqualTo(TopicGuard.UNREADABLE);
        assertThat(publish.getMessageId()).isEqualTo(9);
        assertThat(publish.getMessage().getPayload()).isEqualTo(PAYLOAD);
    }

    /** Splits what a stream holds into packets by their remaining length and decodes each with Paho. */
    private static List<MqttWireMessage> readAll(InputStream in) throws Exception {
        byte[] bytes = in.readAllBytes();
        List<MqttWireMessage> messages = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int length = 0;
            int multiplier = 1;
            int i = at + 1;
            int digit;
            do {
                digit = bytes[i++] & 0xFF;
                length += (digit & 0x7F) * multiplier;
                multiplier *= 128;
            } while ((digit & 0x80) != 0);
            int end = i + length;
            messages.add(MqttWireMessage.createWireMessage(java.util.Arrays.copyOfRange(bytes, at, end)));
            at = end;
        }
        return messages;
    }

    private static byte[] topic(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A QoS 1 PUBLISH: header 0x32, remaining length, topic length and bytes, packet id, payload. */
    private static byte[] publish(byte[] topic, int packetId, byte[] payload) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(topic.length >> 8);
        body.write(topic.length & 0xFF);
        body.writeBytes(topic);
        body.write(packetId >> 8);
        body.write(packetId & 0xFF);
        body.writeBytes(payload);
        ByteArrayOutputStream packet = new ByteArrayOutputStream();
        packet.write(0x32);
        int remaining = body.size();
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.writeBytes(body.toByteArray());
        return packet.toByteArray();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** Hands out one byte per read and times out before every other one, as a slow socket with SO_TIMEOUT does. */
    private static final class Stuttering extends InputStream {
        private final byte[] bytes;
        private int at;
        private boolean timeOutNext = true;

        Stuttering(byte[] bytes) {
            this.bytes = bytes;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xFF;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (at >= bytes.length) {
                return -1;
            }
            timeOutNext = !timeOutNext;
            if (!timeOutNext) {
                throw new SocketTimeoutException("Read timed out");
            }
            b[off] = bytes[at++];
            return 1;
        }
    }
}
