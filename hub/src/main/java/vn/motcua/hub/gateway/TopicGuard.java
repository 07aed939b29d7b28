package vn.motcua.hub.gateway;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What the broker sends the hub, read MQTT packet by packet before Paho sees it, so that a PUBLISH whose topic Paho
 * cannot decode never reaches it. Paho 1.2.5 refuses a topic holding U+0000, any other control character (a newline)
 * or what invalid UTF-8 decodes to (U+FFFD) by throwing an unchecked exception on its receive thread, which then dies
 * while the connection stays up: nothing is answered until the keep-alive gives up, and the broker redelivers the
 * same message to the persistent session after every reconnect. Such a topic — anything but printable ASCII, which is
 * all the contract's topics are made of — is replaced by {@link #UNREADABLE}, keeping the packet id and the payload,
 * so Paho acknowledges it (the broker drops it) and the gateway counts it.
 *
 * <p>Only Paho's receive thread reads this stream. A read may time out (Paho sets SO_TIMEOUT) anywhere inside a
 * packet: what was read so far of a packet's head is kept and the next read goes on from there.
 */
final class TopicGuard extends FilterInputStream {

    /** The topic a refused PUBLISH arrives with; not under {@code motcua/v1/}, so no unit can publish there. */
    static final String UNREADABLE = "motcua/unreadable-topic";
    private static final byte[] UNREADABLE_BYTES = UNREADABLE.getBytes(StandardCharsets.US_ASCII);
    private static final int PUBLISH = 3;

    /** The packet's fixed header and, for a PUBLISH, its topic, as read so far. */
    private final ByteArrayOutputStream head = new ByteArrayOutputStream(64);
    private byte[] ready = new byte[0];
    private int readyAt;
    /** Bytes of the current packet after its head, handed on unchanged. */
    private long passThrough;

    TopicGuard(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        while (true) {
            if (readyAt < ready.length) {
                return ready[readyAt++] & 0xFF;
            }
            if (passThrough > 0) {
                int b = in.read();
                if (b >= 0) {
                    passThrough--;
                }
                return b;
            }
            if (!readHead()) {
                return -1;
            }
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (true) {
            if (readyAt < ready.length) {
                int n = Math.min(length, ready.length - readyAt);
                System.arraycopy(ready, readyAt, buffer, offset, n);
                readyAt += n;
                return n;
            }
            if (passThrough > 0) {
                int n = in.read(buffer, offset, (int) Math.min(length, passThrough));
                if (n > 0) {
                    passThrough -= n;
                }
                return n;
            }
            if (!readHead()) {
                return -1;
            }
        }
    }

    @Override
    public int available() throws IOException {
        return ready.length - readyAt + (int) Math.min(passThrough, in.available());
    }

    @Override
    public boolean markSupported() {
        return false;
    }

    @Override
    public long skip(long n) throws IOException {
        throw new IOException("skipping is not supported on the MQTT receive stream");
    }

    /** Reads the next packet's head (resuming after a time-out); false at the end of the stream between packets. */
    private boolean readHead() throws IOException {
        Head parsed;
        while ((parsed = Head.parse(head.toByteArray())).missing() > 0) {
            byte[] chunk = new byte[parsed.missing()];
            int n = in.read(chunk, 0, chunk.length);
            if (n < 0) {
                if (head.size() == 0) {
                    return false;
                }
                throw new EOFException("the broker closed the connection inside a packet");
            }
            head.write(chunk, 0, n);
        }
        byte[] bytes = head.toByteArray();
        head.reset();
        ready = parsed.readable(bytes) ? bytes : parsed.withTopic(bytes, UNREADABLE_BYTES);
        readyAt = 0;
        passThrough = parsed.remainingLength() - (bytes.length - parsed.fixedHeaderLength());
        return true;
    }

    /** What is known of a packet's head from its first bytes. */
    private record Head(int missing, int fixedHeaderLength, long remainingLength, int topicLength) {

        static Head parse(byte[] bytes) {
            if (bytes.length == 0) {
                return new Head(1, 0, 0, -1);
            }
            long remaining = 0;
            int i = 1;
            for (int shift = 0; ; shift += 7, i++) {
                if (i >= bytes.length) {
                    return new Head(1, 0, 0, -1);
                }
                remaining |= (long) (bytes[i] & 0x7F) << shift;
                if ((bytes[i] & 0x80) == 0 || i == 4) { // at most four length bytes; Paho refuses a fifth itself
                    break;
                }
            }
            int fixed = i + 1;
            boolean publish = (bytes[0] & 0xFF) >> 4 == PUBLISH;
            if (!publish || remaining < 2) {
                return new Head(0, fixed, remaining, -1);
            }
            if (bytes.length < fixed + 2) {
                return new Head(fixed + 2 - bytes.length, fixed, remaining, -1);
            }
            int topic = (bytes[fixed] & 0xFF) << 8 | bytes[fixed + 1] & 0xFF;
            if (topic > remaining - 2) {
                return new Head(0, fixed, remaining, -1); // malformed: Paho reports it and drops the connection
            }
            return new Head(Math.max(0, fixed + 2 + topic - bytes.length), fixed, remaining, topic);
        }

        /** Whether the head's topic, if it has one, is printable ASCII. */
        boolean readable(byte[] bytes) {
            for (int i = fixedHeaderLength + 2; topicLength >= 0 && i < fixedHeaderLength + 2 + topicLength; i++) {
                if (bytes[i] < 0x20 || bytes[i] > 0x7E) {
                    return false;
                }
            }
            return true;
        }

        /** The same head with {@code topic} in place of its own, the remaining length adjusted. */
        byte[] withTopic(byte[] bytes, byte[] topic) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(fixedHeaderLength + 2 + topic.length);
            out.write(bytes[0]);
            long remaining = remainingLength - topicLength + topic.length;
            do {
                int digit = (int) (remaining % 128);
                remaining /= 128;
                out.write(remaining > 0 ? digit | 0x80 : digit);
            } while (remaining > 0);
            out.write(topic.length >> 8);
            out.write(topic.length & 0xFF);
            out.write(topic, 0, topic.length);
            return out.toByteArray();
        }
    }
}
