package vn.motcua.device.link;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A TCP proxy between a unit and the broker that can go silent: {@link #hold} stops forwarding in both directions
 * while both connections stay open (a switch that drops packets, a Wi-Fi link that went quiet), and {@link #cut}
 * then closes every connection, losing what was held, as a partition that ends in a reset does. New connections are
 * forwarded again. What a unit published during the hold never reaches the broker; only what its client sends again
 * after reconnecting does.
 */
final class HoldingProxy implements AutoCloseable {

    private final ServerSocket server;
    private final int brokerPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final Object gate = new Object();
    private boolean holding;

    private HoldingProxy(ServerSocket server, int brokerPort) {
        this.server = server;
        this.brokerPort = brokerPort;
    }

    static HoldingProxy to(int brokerPort) throws IOException {
        HoldingProxy proxy = new HoldingProxy(new ServerSocket(0, 50, InetAddress.getLoopbackAddress()), brokerPort);
        Thread.ofPlatform().daemon().name("proxy-accept").start(proxy::accept);
        return proxy;
    }

    String url() {
        return "tcp://127.0.0.1:" + server.getLocalPort();
    }

    /** From now on nothing is forwarded, either way; the connections stay open. */
    void hold() {
        synchronized (gate) {
            holding = true;
        }
    }

    /** Closes every connection (what was held is lost) and forwards again for the connections that come next. */
    void cut() {
        synchronized (gate) {
            sockets.forEach(HoldingProxy::closeQuietly);
            sockets.clear();
            holding = false;
            gate.notifyAll();
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket unit = server.accept();
                Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
                unit.setTcpNoDelay(true);
                broker.setTcpNoDelay(true);
                sockets.add(unit);
                sockets.add(broker);
                Thread.ofPlatform().daemon().name("proxy-up").start(() -> pump(unit, broker));
                Thread.ofPlatform().daemon().name("proxy-down").start(() -> pump(broker, unit));
            } catch (IOException e) {
                return; // closed
            }
        }
    }

    private void pump(Socket from, Socket to) {
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
            for (int n; (n = in.read(buffer)) >= 0; ) {
                if (!awaitForwarding(from)) {
                    return; // cut while held: these bytes are lost
                }
                out.write(buffer, 0, n);
                out.flush();
            }
        } catch (IOException e) {
            // one side closed or was cut
        } finally {
            closeQuietly(from);
            closeQuietly(to);
        }
    }

    /** Waits while holding; false when the connection was cut meanwhile. */
    private boolean awaitForwarding(Socket from) {
        synchronized (gate) {
            while (holding && !from.isClosed()) {
                try {
                    gate.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            return !from.isClosed();
        }
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
        cut();
    }
}
