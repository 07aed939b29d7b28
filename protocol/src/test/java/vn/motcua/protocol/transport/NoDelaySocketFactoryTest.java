package vn.motcua.protocol.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import org.junit.jupiter.api.Test;

class NoDelaySocketFactoryTest {

    private final NoDelaySocketFactory factory = new NoDelaySocketFactory();

    @Test
    void an_unconnected_socket_has_tcp_nodelay_before_it_connects() throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             Socket socket = factory.createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
            socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort()), 2000);
            assertThat(socket.getTcpNoDelay()).isTrue();
        }
    }

    @Test
    void every_connecting_variant_returns_a_socket_with_tcp_nodelay() throws Exception {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket server = new ServerSocket(0, 8, loopback)) {
            int port = server.getLocalPort();
            try (Socket byName = factory.createSocket(loopback.getHostAddress(), port);
                 Socket byAddress = factory.createSocket(loopback, port);
                 Socket byNameFrom = factory.createSocket(loopback.getHostAddress(), port, loopback, 0);
                 Socket byAddressFrom = factory.createSocket(loopback, port, loopback, 0)) {
                for (Socket socket : new Socket[] {byName, byAddress, byNameFrom, byAddressFrom}) {
                    assertThat(socket.isConnected()).isTrue();
                    assertThat(socket.getTcpNoDelay()).isTrue();
                }
            }
        }
    }
}
