package vn.motcua.demo.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chaos suite's proxy, against a loopback echo server: what passes, what a cut and a hold do to it. */
class TcpProxyTest {

    private static final Duration QUIET = Duration.ofMillis(300);

    private ServerSocket echo;
    private TcpProxy proxy;

    @BeforeEach
    void start() throws IOException {
        echo = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofPlatform().daemon().name("echo").start(this::echoLoop);
        proxy = TcpProxy.start("test", echo.getLocalPort());
    }

    @AfterEach
    void stop() throws IOException {
        proxy.close();
        echo.close();
    }

    @Test
    void bytes_pass_both_ways_untouched() throws IOException {
        try (Socket client = connect()) {
            send(client, "xin chào");
            assertThat(receive(client, "xin chào".getBytes(StandardCharsets.UTF_8).length)).isEqualTo("xin chào");
        }
    }

    @Test
    void a_cut_resets_open_connections_at_once_and_refuses_new_ones_until_healed() throws IOException {
        try (Socket client = connect()) {
            send(client, "a");
            receive(client, 1);
            proxy.cut();
            assertThatThrownBy(() -> {
                send(client, "b");
                receive(client, 1);
            }).isInstanceOf(SocketException.class).hasMessageContaining("reset");
        }
        try (Socket refused = connect()) {
            assertThatThrownBy(() -> {
                send(refused, "c");
                receive(refused, 1);
            }).isInstanceOf(IOException.class);
        }
        proxy.heal();
        try (Socket client = connect()) {
            send(client, "d");
            assertThat(receive(client, 1)).isEqualTo("d");
        }
    }

    @Test
    void a_hold_keeps_the_connection_open_and_silent_and_a_release_delivers_what_was_held() throws IOException {
        try (Socket client = connect()) {
            send(client, "a");
            receive(client, 1);
            proxy.hold();
            send(client, "held");
            client.setSoTimeout((int) QUIET.toMillis());
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            assertThat(client.isClosed()).isFalse();
            assertThat(proxy.openConnections()).isEqualTo(1);
            proxy.release();
            client.setSoTimeout(5_000);
            assertThat(receive(client, 4)).isEqualTo("held");
        }
    }

    @Test
    void a_connection_made_during_a_hold_hangs_until_the_release() throws IOException {
        proxy.hold();
        try (Socket client = connect()) {
            send(client, "x");
            client.setSoTimeout((int) QUIET.toMillis());
            assertThatThrownBy(() -> client.getInputStream().read()).isInstanceOf(SocketTimeoutException.class);
            proxy.release();
            client.setSoTimeout(5_000);
            assertThat(receive(client, 1)).isEqualTo("x");
        }
    }

    @Test
    void a_close_by_the_server_reaches_the_client() throws IOException {
        try (Socket client = connect()) {
            send(client, "a");
            receive(client, 1);
            send(client, "!"); // the echo server closes on '!'
            client.setSoTimeout(5_000);
            assertThat(client.getInputStream().read()).isEqualTo(-1);
            await().atMost(Duration.ofSeconds(5)).until(() -> proxy.openConnections() == 0);
        }
    }

    private Socket connect() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), proxy.port());
        socket.setSoTimeout(5_000);
        return socket;
    }

    private static void send(Socket socket, String text) throws IOException {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        socket.getOutputStream().flush();
    }

    private static String receive(Socket socket, int bytes) throws IOException {
        return new String(socket.getInputStream().readNBytes(bytes), StandardCharsets.UTF_8);
    }

    private void echoLoop() {
        while (!echo.isClosed()) {
            try {
                Socket socket = echo.accept();
                Thread.ofPlatform().daemon().name("echo-connection").start(() -> echoConnection(socket));
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void echoConnection(Socket socket) {
        try (socket; InputStream in = socket.getInputStream()) {
            for (int b = in.read(); b >= 0 && b != '!'; b = in.read()) {
                socket.getOutputStream().write(b);
            }
        } catch (IOException gone) {
            // the client or the proxy went away
        }
    }
}
