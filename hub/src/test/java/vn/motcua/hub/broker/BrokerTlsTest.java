package vn.motcua.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.assertj.core.api.AbstractThrowableAssert;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.writer.SignedIn;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/**
 * The hub on its embedded broker as a small office runs it: on every address ({@code --mqtt-host 0.0.0.0}) with the
 * password file and the site's {@code hub.pem}/{@code hub.key}. Real Paho clients with the site CA, as units are
 * provisioned. One PKI (openssl) and one hub for the class: starting and stopping a hub takes seconds, and only
 * one test issues a ticket.
 */
class BrokerTlsTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    private static final String KIOSK_PASSWORD = "s3cret-kiosk";

    @TempDir
    static Path dir;
    static SitePki pki;
    static int plainPort;
    static Hub hub;
    static int tlsPort;

    private final Topics topics = Topics.forSite(OFFICE.id());
    private final List<AutoCloseable> open = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        pki = SitePki.make(dir.resolve("pki"));
        Path passwords = Files.writeString(dir.resolve("motcua.passwd"), UnitLoginTest.KIOSK_1 + "\n");
        plainPort = freePort();
        hub = Hub.start(HubSettings.local(OFFICE, dir.resolve("hub")).withMqttListener("0.0.0.0", plainPort)
                .withPasswordFile(passwords).withMqttTls(new BrokerTls(pki.hubCert(), pki.hubKey(), 0)),
                Clock.systemUTC());
        SignedIn.everyCounter(hub.writer(), OFFICE);
        tlsPort = Integer.parseInt(hub.brokerUrl().substring(hub.brokerUrl().lastIndexOf(':') + 1));
    }

    @AfterAll
    static void stop() {
        hub.close();
    }

    @AfterEach
    void disconnect() throws Exception {
        for (AutoCloseable part : open.reversed()) {
            part.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private UnitClient unit(String host, SSLSocketFactory trust, String password) throws MqttException {
        UnitClient client = UnitClient.connect("ssl://" + host + ":" + tlsPort, "kiosk-1", "kiosk-1", password, trust);
        open.add(client);
        return client;
    }

    @Test
    void a_unit_trusting_the_site_ca_logs_in_over_tls_and_the_hub_answers_its_request() throws Exception {
        UnitClient kiosk = unit("localhost", SitePki.trusting(pki.siteCa()), KIOSK_PASSWORD);
        assertThat(kiosk.subscribe(topics.device("kiosk-1", DeviceChannel.RESPONSE))).isEqualTo(1);

        Codec codec = new Codec();
        kiosk.publish(topics.device("kiosk-1", DeviceChannel.REQUEST), codec.encode(Request.of(Ulid.generator().next(),
                OffsetDateTime.now(), new RequestBody.TicketIssue("HT", Optional.empty()))));

        await().atMost(Duration.ofSeconds(10)).until(() -> !kiosk.received().isEmpty());
        String received = kiosk.received().getFirst();
        Response response = codec.decodeResponse(received.substring(received.indexOf(' ') + 1)
                .getBytes(StandardCharsets.UTF_8));
        assertThat(((ResponseBody.TicketIssued) ((Response.Ok) response).body()).ticket()).isEqualTo("2-001");
    }

    /** SitePki's certificate is valid for 2 days: monitoring reads how long is left from /metrics. */
    @Test
    void the_days_until_the_certificate_expires_are_served_as_a_metric() {
        assertThat(hub.metrics().prometheusText())
                .containsPattern("(?m)^" + EmbeddedBroker.CERTIFICATE_DAYS_LEFT + " [12]$");
    }

    @Test
    void over_tls_a_wrong_password_is_still_refused() {
        assertThatThrownBy(() -> unit("localhost", SitePki.trusting(pki.siteCa()), "wrong"))
                .isInstanceOf(MqttException.class)
                .extracting(e -> ((MqttException) e).getReasonCode())
                .isEqualTo((int) MqttException.REASON_CODE_FAILED_AUTHENTICATION);
    }

    @Test
    void a_client_that_does_not_trust_the_site_ca_fails_the_handshake() {
        assertHandshakeFails(() -> unit("localhost", SitePki.trusting(pki.foreignCa()), KIOSK_PASSWORD));
        // nor does a public CA of the JVM's vouch for the office's broker
        assertHandshakeFails(() -> unit("localhost", (SSLSocketFactory) SSLSocketFactory.getDefault(), KIOSK_PASSWORD));
    }

    @Test
    void a_unit_reaching_the_broker_by_a_name_its_certificate_lacks_refuses_it() {
        // the certificate names localhost only: 127.0.0.1 is the same broker, but not what it vouches for
        assertHandshakeFails(() -> unit("127.0.0.1", SitePki.trusting(pki.siteCa()), KIOSK_PASSWORD))
                .hasRootCauseMessage("No subject alternative names matching IP address 127.0.0.1 found");
    }

    private static AbstractThrowableAssert<?, ? extends Throwable> assertHandshakeFails(ThrowingCallable connect) {
        return assertThatThrownBy(connect).isInstanceOf(MqttException.class).cause()
                .isInstanceOf(SSLHandshakeException.class);
    }

    @Test
    void nothing_listens_in_clear() throws Exception {
        assertThat(hub.brokerUrl()).as("the hub's own client").isEqualTo("ssl://127.0.0.1:" + tlsPort);
        for (InetAddress address : lanAddresses()) {
            assertThatThrownBy(() -> new Socket(address, plainPort).close()).as("plain port on " + address)
                    .isInstanceOf(ConnectException.class);
        }
        // an MQTT CONNECT in clear at the TLS port is not a TLS record: the broker drops the connection
        assertThatThrownBy(() -> UnitClient.connect("tcp://127.0.0.1:" + tlsPort, "kiosk-1", "kiosk-1",
                KIOSK_PASSWORD).close()).isInstanceOf(MqttException.class);
    }

    /** This machine's non-loopback IPv4 addresses, where units would connect, and loopback. */
    private static List<InetAddress> lanAddresses() throws SocketException {
        List<InetAddress> addresses = new ArrayList<>(List.of(InetAddress.getLoopbackAddress()));
        NetworkInterface.networkInterfaces().filter(BrokerTlsTest::isUp).flatMap(NetworkInterface::inetAddresses)
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .forEach(addresses::add);
        return addresses;
    }

    private static boolean isUp(NetworkInterface network) {
        try {
            return network.isUp();
        } catch (SocketException e) {
            return false;
        }
    }

    @Test
    void tls_1_3_is_preferred_and_1_2_still_accepted() throws Exception {
        assertThat(negotiated(new String[] {"TLSv1.3", "TLSv1.2"})).isEqualTo("TLSv1.3");
        assertThat(negotiated(new String[] {"TLSv1.2"})).isEqualTo("TLSv1.2");
    }

    private String negotiated(String[] offered) throws Exception {
        try (SSLSocket socket = (SSLSocket) SitePki.trusting(pki.siteCa()).createSocket()) {
            socket.connect(new InetSocketAddress("localhost", tlsPort), 5_000);
            socket.setSoTimeout(5_000);
            socket.setEnabledProtocols(offered);
            socket.startHandshake();
            return socket.getSession().getProtocol();
        }
    }
}
