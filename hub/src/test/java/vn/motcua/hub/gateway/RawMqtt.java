package vn.motcua.hub.gateway;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An MQTT 3.1.1 client written as bytes on a socket, so a test can publish what no conforming client library sends:
 * a topic with U+0000, a newline or bytes that are not UTF-8. Connects with a clean session and no credentials; a
 * reader thread drains what the broker sends and notes when it closes the connection.
 */
final class RawMqtt implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final AtomicBoolean closedByBroker = new AtomicBoolean();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private int nextPacketId = 1;

    private RawMqtt(Socket socket) throws IOException {
        this.socket = socket;
        this.out = socket.getOutputStream();
    }

    /** Connects to {@code brokerUrl} ({@code tcp://host:port}) as {@code clientId} and waits for the CONNACK. */
    static RawMqtt connect(String brokerUrl, String clientId) throws IOException {
        URI url = URI.create(brokerUrl);
        Socket socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(new InetSocketAddress(url.getHost(), url.getPort()), 5_000);
        socket.setSoTimeout(5_000);
        RawMqtt mqtt = new RawMqtt(socket);
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, "MQTT".getBytes(StandardCharsets.US_ASCII)); // protocol name
        body.write(4);                                                 // protocol level: 3.1.1
        body.write(0x02);                                              // flags: clean session, no will, no login
        body.write(0);                                                 // keep-alive MSB
        body.write(60);                                                // keep-alive LSB: 60 s
        writeString(body, clientId.getBytes(StandardCharsets.UTF_8));  // payload: client id
        mqtt.send(0x10, body.toByteArray());                           // CONNECT
        InputStream in = socket.getInputStream();
        byte[] connack = in.readNBytes(4);
        if (connack.length != 4 || connack[0] != 0x20 || connack[3] != 0) {
            socket.close();
            throw new IOException("the broker refused the connection");
        }
        socket.setSoTimeout(0);
        Thread.ofPlatform().daemon().name("raw-mqtt-" + clientId).start(mqtt::drain);
        return mqtt;
    }

    /** Publishes {@code payload} on the topic whose encoded bytes are {@code topic}, exactly as given, at QoS 1. */
    void publish(byte[] topic, byte[] payload) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        writeString(body, topic);                      // topic name: length, then the bytes as they are
        int packetId = nextPacketId;
        nextPacketId = nextPacketId == 0xFFFF ? 1 : nextPacketId + 1;
        body.write(packetId >> 8);                     // packet id MSB
        body.write(packetId & 0xFF);                   // packet id LSB
        body.write(payload);
        send(0x32, body.toByteArray());                // PUBLISH, QoS 1, no DUP, no RETAIN
    }

    void publish(String topic, byte[] payload) throws IOException {
        publish(topic.getBytes(StandardCharsets.UTF_8), payload);
    }

    /** Whether the broker has closed this connection (it does so for a packet it finds malformed). */
    boolean closedByBroker() {
        return closedByBroker.get();
    }

    /** How many PUBACKs the broker has sent. */
    int acknowledged() {
        return acknowledged.get();
    }

    private synchronized void send(int header, byte[] body) throws IOException {
        ByteArrayOutputStream packet = new ByteArrayOutputStream(body.length + 5);
        packet.write(header);
        int remaining = body.length;                   // remaining length: 7 bits a byte, high bit = more follow
        do {
            int digit = remaining % 128;
            remaining /= 128;
            packet.write(remaining > 0 ? digit | 0x80 : digit);
        } while (remaining > 0);
        packet.write(body);
        out.write(packet.toByteArray());
        out.flush();
    }

    private static void writeString(ByteArrayOutputStream out, byte[] bytes) {
        out.write(bytes.length >> 8);
        out.write(bytes.length & 0xFF);
        out.write(bytes, 0, bytes.length);
    }

    /** Reads packets until the socket closes; counts PUBACKs (0x40, length 2, packet id). */
    private void drain() {
        try {
            InputStream in = socket.getInputStream();
            while (true) {
                int header = in.read();
                if (header < 0) {
                    break;
                }
                int length = 0;
                int multiplier = 1;
                int digit;
                do {
                    digit = in.read();
                    if (digit < 0) {
                        throw new IOException("closed inside a packet");
                    }
                    length += (digit & 0x7F) * multiplier;
                    multiplier *= 128;
                } while ((digit & 0x80) != 0);
                in.readNBytes(length);
                if ((header & 0xF0) == 0x40) {
                    acknowledged.incrementAndGet();
                }
            }
        } catch (IOException closed) {
            // a reset is the broker closing the connection too
        }
        closedByBroker.set(true);
    }

    @Override
    public void close() {
        try {
            socket.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
