package vn.motcua.demo.chaos;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between one unit and the broker, with the faults of the network in between: {@link #cut()} resets
 * every connection at once and refuses new ones (a pulled cable, RST on both sides) until {@link #heal()};
 * {@link #hold()} stops every byte in both directions without closing anything (a silent partition: the
 * connection hangs until a keep-alive notices) until {@link #release()}, when what was held flows on, as TCP
 * retransmits it after a transient outage.
 *
 * <p>Threads: one acceptor, and two pumps per connection (one per direction), all daemons. The fault state is
 * guarded by this object's monitor; pumps wait on it while held.
 */
final class TcpProxy implements AutoCloseable {

    private static final int CHUNK = 16 * 1024;

    private final String name;
    private final int upstreamPort;
    private final ServerSocket server;
    private final List<Link> links = new CopyOnWriteArrayList<>();
    private boolean cut;
    private boolean held;
    private boolean closed;

    private TcpProxy(String name, int upstreamPort, ServerSocket server) {
        this.name = name;
        this.upstreamPort = upstreamPort;
        this.server = server;
    }

    /** Listens on a free loopback port and forwards every connection to {@code upstreamPort} on loopback. */
    static TcpProxy start(String name, int upstreamPort) throws IOException {
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        TcpProxy proxy = new TcpProxy(name, upstreamPort, server);
        Thread.ofPlatform().daemon().name("proxy-" + name + "-accept").start(proxy::acceptLoop);
        return proxy;
    }

    int port() {
        return server.getLocalPort();
    }

    String url() {
        return "tcp://127.0.0.1:" + port();
    }

    /** Resets every open connection (both sides at once) and every new one until {@link #heal()}. */
    void cut() {
        synchronized (this) {
            cut = true;
            notifyAll(); // held pumps wake up and find their sockets reset
        }
        links.forEach(Link::reset);
    }

    /** Takes connections again. */
    synchronized void heal() {
        cut = false;
    }

    /** Stops forwarding bytes, both ways, on every connection, open or new, without closing any. */
    synchronized void hold() {
        held = true;
    }

    /** Forwards again, starting with what was held. */
    synchronized void release() {
        held = false;
        notifyAll();
    }

    /** Connections open through the proxy now. */
    int openConnections() {
        return links.size();
    }

    @Override
    public void close() {
        synchronized (this) {
            closed = true;
            held = false;
            notifyAll();
        }
        try {
            server.close();
        } catch (IOException e) {
            // closing a listening socket has nothing to report
        }
        links.forEach(Link::reset);
    }

    @Override
    public String toString() {
        return "proxy " + name + " :" + port() + " → :" + upstreamPort;
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            Socket unit;
            try {
                unit = server.accept();
            } catch (IOException e) {
                return; // closed
            }
            boolean refuse;
            synchronized (this) {
                refuse = cut || closed;
            }
            if (refuse) {
                resetQuietly(unit);
                continue;
            }
            try {
                Socket broker = new Socket();
                broker.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), upstreamPort), 2_000);
                Link link = new Link(unit, broker);
                links.add(link);
                link.start();
            } catch (IOException brokerDown) {
                resetQuietly(unit); // as the broker itself would refuse it
            }
        }
    }

    /** Blocks the calling pump while the proxy holds; false when the proxy was cut or closed meanwhile. */
    private synchronized boolean awaitFlowing() throws InterruptedException {
        while (held && !cut && !closed) {
            wait();
        }
        return !cut && !closed;
    }

    private static void resetQuietly(Socket socket) {
        try {
            socket.setSoLinger(true, 0); // close sends RST, not FIN
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }

    /** One unit's connection and its broker-side twin. */
    private final class Link {

        private final Socket unit;
        private final Socket broker;

        Link(Socket unit, Socket broker) {
            this.unit = unit;
            this.broker = broker;
        }

        void start() throws IOException {
            pump("up", unit.getInputStream(), broker.getOutputStream());
            pump("down", broker.getInputStream(), unit.getOutputStream());
        }

        void reset() {
            resetQuietly(unit);
            resetQuietly(broker);
            links.remove(this);
        }

        /** An orderly close (FIN) of both sides, after one side closed its end. */
        void finish() {
            try {
                unit.close();
                broker.close();
            } catch (IOException e) {
                // already gone
            }
            links.remove(this);
        }

        private void pump(String direction, InputStream from, OutputStream to) {
            Thread.ofPlatform().daemon().name("proxy-" + name + "-" + direction).start(() -> {
                byte[] buffer = new byte[CHUNK];
                try {
                    for (int n = from.read(buffer); n >= 0; n = from.read(buffer)) {
                        if (!awaitFlowing()) {
                            return;
                        }
                        to.write(buffer, 0, n);
                        to.flush();
                    }
                    // The peer closed: pass the close on, once the network lets it through.
                    if (awaitFlowing()) {
                        finish();
                    }
                } catch (IOException | InterruptedException e) {
                    reset();
                }
            });
        }
    }
}
