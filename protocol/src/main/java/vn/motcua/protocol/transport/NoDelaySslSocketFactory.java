package vn.motcua.protocol.transport;

import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.util.Collection;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * TLS sockets with TCP_NODELAY set and only TLS 1.3 and 1.2 enabled. The TLS twin of the protocol's
 * {@link NoDelaySocketFactory}: over TLS small MQTT packets suffer Nagle's delay just as over plain TCP
 * (docs/device.md). Units use it towards an {@code ssl://} broker, the hub towards its own TLS-only embedded broker.
 * Paho accepts only an {@link SSLSocketFactory} for {@code ssl://} brokers and creates its socket unconnected
 * ({@link #createSocket()}), then connects and starts the handshake itself.
 */
public final class NoDelaySslSocketFactory extends SSLSocketFactory {

    /** Older versions have known weaknesses and every broker motcua supports speaks these. */
    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};

    private final SSLSocketFactory delegate;

    public NoDelaySslSocketFactory(SSLSocketFactory delegate) {
        this.delegate = delegate;
    }

    /**
     * Sockets that trust exactly {@code certificates}: a site CA (a unit's {@code caFile}), or the one certificate a
     * broker serves (the hub's own client). Not the JVM's public CAs: no one else's certificate opens the link.
     */
    public static NoDelaySslSocketFactory trusting(Collection<? extends Certificate> certificates) {
        try {
            KeyStore trusted = KeyStore.getInstance("PKCS12");
            trusted.load(null, null);
            int n = 0;
            for (Certificate certificate : certificates) {
                trusted.setCertificateEntry("trusted-" + n++, certificate);
            }
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(trusted);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trust.getTrustManagers(), null);
            return new NoDelaySslSocketFactory(context.getSocketFactory());
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("this JVM cannot set up TLS: " + e, e); // a JDK always can
        }
    }

    @Override
    public Socket createSocket() throws IOException {
        return configure(delegate.createSocket());
    }

    @Override
    public Socket createSocket(String host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(String host, int port, InetAddress localHost, int localPort) throws IOException {
        return configure(delegate.createSocket(host, port, localHost, localPort));
    }

    @Override
    public Socket createSocket(InetAddress host, int port) throws IOException {
        return configure(delegate.createSocket(host, port));
    }

    @Override
    public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
            throws IOException {
        return configure(delegate.createSocket(address, port, localAddress, localPort));
    }

    @Override
    public Socket createSocket(Socket socket, String host, int port, boolean autoClose) throws IOException {
        socket.setTcpNoDelay(true);
        return configure(delegate.createSocket(socket, host, port, autoClose));
    }

    @Override
    public String[] getDefaultCipherSuites() {
        return delegate.getDefaultCipherSuites();
    }

    @Override
    public String[] getSupportedCipherSuites() {
        return delegate.getSupportedCipherSuites();
    }

    private static Socket configure(Socket socket) throws IOException {
        socket.setTcpNoDelay(true);
        ((SSLSocket) socket).setEnabledProtocols(PROTOCOLS.clone());
        return socket;
    }
}
