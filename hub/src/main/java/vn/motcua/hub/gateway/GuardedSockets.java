package vn.motcua.hub.gateway;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;

import javax.net.SocketFactory;

/**
 * The hub client's plain TCP sockets: TCP_NODELAY on (as every motcua socket, see {@code NoDelaySocketFactory}), and
 * what they receive read through a {@link TopicGuard}, so no topic a broker forwards can stop Paho's receive thread.
 * Paho creates an unconnected socket and connects it itself; only {@link #createSocket()} is used.
 */
final class GuardedSockets extends SocketFactory {

    @Override
    public Socket createSocket() throws IOException {
        return new GuardedSocket();
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        throw new IOException("the hub's MQTT sockets bind no local address");
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return connected(new InetSocketAddress(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort) throws IOException {
        throw new IOException("the hub's MQTT sockets bind no local address");
    }

    private static Socket connected(InetSocketAddress address) throws IOException {
        Socket socket = new GuardedSocket();
        socket.connect(address);
        return socket;
    }

    private static final class GuardedSocket extends Socket {
        private InputStream guarded;

        GuardedSocket() throws IOException {
            setTcpNoDelay(true);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (guarded == null) {
                guarded = new TopicGuard(new BufferedInputStream(super.getInputStream()));
            }
            return guarded;
        }
    }
}
