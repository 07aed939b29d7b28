package vn.motcua.device.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.net.ssl.SSLSocket;

import org.eclipse.paho.client.mqttv3.IMqttMessageListener;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.device.Samples;
import vn.motcua.device.TestHub;
import vn.motcua.device.config.BrokerSecurity;
import vn.motcua.device.config.DevicePassword;
import vn.motcua.device.config.HallConfig;
import vn.motcua.device.config.HardwareConfig;
import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.config.UnitConfigException;
import vn.motcua.protocol.Protocol;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Role;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;

/**
 * The unit link against a real Mosquitto secured as docs/operations.md describes: TLS with a site CA, a password per
 * unit, and the unit ACL. One broker, PKI and hub per class; every test has its own data directory.
 */
class SecureLinkTest {

    private static final String SITE = "nghiloc";
    private static final Topics TOPICS = Topics.forSite(SITE);
    private static final String KIOSK_PASSWORD = "kiosk-1 secret";
    private static final RequestBody ISSUE_DD = new RequestBody.TicketIssue("DD", Optional.empty());
    /** Well below the connect timeout the tests give: refusals must not be retried until it. */
    private static final Duration FAST = Duration.ofSeconds(5);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(20);

    @TempDir
    static Path brokerDir;
    static SecureMosquitto.Pki pki;
    static Path passwords;
    static SecureMosquitto broker;
    static TestHub hub;
    /** A unit whose broker entry DevicePassword made, not mosquitto_passwd. */
    static char[] quayPassword;

    @TempDir
    Path dataDir;
    private final Codec codec = new Codec();
    private final Ulid ids = Ulid.generator();
    private final List<AutoCloseable> open = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startSecuredBroker() throws IOException, MqttException {
        pki = SecureMosquitto.Pki.make(brokerDir.resolve("pki"));
        passwords = brokerDir.resolve("passwd");
        SecureMosquitto.addUser(passwords, "kiosk-1", KIOSK_PASSWORD);
        SecureMosquitto.addUser(passwords, "kiosk-2", "kiosk-2 secret");
        SecureMosquitto.addUser(passwords, "kiosk-3", "kiosk-3 secret");
        quayPassword = DevicePassword.generate();
        Files.writeString(passwords, DevicePassword.mosquittoLine("quay-3", quayPassword) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        broker = SecureMosquitto.start(brokerDir.resolve("broker"), pki, SITE, passwords);
        hub = TestHub.start(broker.hubUrl());
        hub.reset(SITE);
    }

    @AfterAll
    static void stopBroker() throws MqttException {
        try {
            hub.close();
        } finally {
            broker.close();
        }
    }

    @BeforeEach
    void silentHub() {
        hub.reset(SITE);
    }

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    /** Connect options of a plain Paho client logging in as {@code user} over TLS with the site CA. */
    private static MqttConnectOptions login(String user, String password) {
        MqttConnectOptions options = new MqttConnectOptions();
        options.setUserName(user);
        options.setPassword(password.toCharArray());
        options.setSocketFactory(SiteTrust.socketFactory(pki.siteCa()));
        return options;
    }

    private UnitConfig kiosk(String brokerUrl, String password, Path caFile) throws IOException {
        Path passwordFile = dataDir.resolve("kiosk-1.password");
        DevicePassword.write(passwordFile, password.toCharArray());
        return unit("kiosk-1", brokerUrl, passwordFile, caFile);
    }

    private UnitConfig unit(String deviceId, String brokerUrl, Path passwordFile, Path caFile) {
        return new UnitConfig(deviceId, SITE, brokerUrl, Set.of(Role.KIOSK), Optional.empty(), List.of("DD"),
                dataDir.resolve("data"), UnitConfig.DEFAULT_REQUEST_TIMEOUT, Optional.empty(), HardwareConfig.SIMULATED,
                HallConfig.DEFAULT, new BrokerSecurity(Optional.empty(), Optional.of(passwordFile), Optional.of(caFile)));
    }

    private MqttLink connect(UnitConfig config) {
        MqttLink link = MqttLink.connect(config, "test-1", CONNECT_TIMEOUT);
        open.add(link);
        return link;
    }

    @Test
    void a_unit_with_its_password_and_the_site_ca_gets_answers_over_tls() throws Exception {
        hub.answerOk(request -> Samples.ticket());
        MqttLink link = connect(kiosk(broker.url(), KIOSK_PASSWORD, pki.siteCa()));

        assertThat(link.request(ISSUE_DD).get()).isEqualTo(Samples.ticket());
    }

    @Test
    void tls_sockets_have_tcp_nodelay_on_and_speak_only_tls_1_3_or_1_2() throws IOException {
        MqttConnectOptions options = LinkOptions.connect("t", new byte[0],
                LinkSecurity.load(kiosk(broker.url(), KIOSK_PASSWORD, pki.siteCa())));

        assertThat(options.getUserName()).isEqualTo("kiosk-1");
        assertThat(options.isHttpsHostnameVerificationEnabled()).isTrue();
        try (SSLSocket socket = (SSLSocket) options.getSocketFactory().createSocket()) {
            assertThat(socket.getTcpNoDelay()).isTrue();
            assertThat(socket.getEnabledProtocols()).containsExactly("TLSv1.3", "TLSv1.2");
        }
    }

    @Test
    void a_password_line_made_by_device_password_is_accepted_by_mosquitto() throws Exception {
        Path passwordFile = dataDir.resolve("quay-3.password");
        DevicePassword.write(passwordFile, quayPassword);
        hub.answerOk(request -> Samples.ticket());
        UnitConfig config = unit("quay-3", broker.url(), passwordFile, pki.siteCa());

        assertThat(connect(config).request(ISSUE_DD).get()).isEqualTo(Samples.ticket());
    }

    @Test
    void a_wrong_password_fails_at_once_naming_the_unit() throws IOException {
        UnitConfig config = kiosk(broker.url(), "not the password", pki.siteCa());
        Instant start = Instant.now();

        assertThatThrownBy(() -> connect(config)).isInstanceOf(LinkException.class)
                .hasMessageContaining("refused kiosk-1's credentials (user kiosk-1: not authorised to connect)")
                .hasMessageNotContaining("not the password");
        assertThat(Duration.between(start, Instant.now())).isLessThan(FAST);
    }

    @Test
    void a_broker_certificate_from_another_ca_fails_at_once_with_a_tls_error() throws IOException {
        UnitConfig config = kiosk(broker.url(), KIOSK_PASSWORD, pki.foreignCa());
        Instant start = Instant.now();

        assertThatThrownBy(() -> connect(config)).isInstanceOf(LinkException.class)
                .hasMessageContaining("TLS to " + broker.url() + " failed: the broker's certificate was refused")
                .hasMessageContaining("PKIX path building failed");
        assertThat(Duration.between(start, Instant.now())).isLessThan(FAST);
    }

    @Test
    void a_site_ca_certificate_for_another_host_is_refused() throws IOException {
        UnitConfig config = kiosk(broker.wrongNameUrl(), KIOSK_PASSWORD, pki.siteCa());

        assertThatThrownBy(() -> connect(config)).isInstanceOf(LinkException.class)
                .hasMessageContaining("the broker's certificate was refused")
                .hasMessageContaining("127.0.0.1");
    }

    @Test
    void a_missing_password_file_is_a_config_error_naming_the_field() {
        UnitConfig config = unit("kiosk-1", broker.url(), dataDir.resolve("absent"), pki.siteCa());

        assertThatThrownBy(() -> connect(config)).isInstanceOfSatisfying(UnitConfigException.class,
                e -> assertThat(e.field()).contains("passwordFile")).hasMessageContaining("absent does not exist");
    }

    @Test
    void a_unit_cannot_speak_for_another_unit() throws Exception {
        MqttAsyncClient kiosk1 = plainClient("kiosk-1", KIOSK_PASSWORD);
        Request forged = Request.of(ids.next(), Samples.MORNING, ISSUE_DD);
        Request own = Request.of(ids.next(), Samples.MORNING, ISSUE_DD);

        publish(kiosk1, TOPICS.device("kiosk-2", DeviceChannel.REQUEST), codec.encode(forged));
        publish(kiosk1, TOPICS.device("kiosk-1", DeviceChannel.REQUEST), codec.encode(own));

        // The broker handles one client's publishes in order: once the second is through, the first was dropped.
        await().atMost(FAST).until(() -> hub.requests().stream().anyMatch(r -> r.id().equals(own.id())));
        assertThat(hub.requests()).extracting(Request::id).doesNotContain(forged.id());
    }

    @Test
    void a_unit_cannot_read_another_units_answers() throws Exception {
        MqttAsyncClient kiosk1 = plainClient("kiosk-1", KIOSK_PASSWORD);
        List<String> arrived = new CopyOnWriteArrayList<>();
        String othersAnswers = TOPICS.device("kiosk-2", DeviceChannel.RESPONSE);
        String ownAnswers = TOPICS.device("kiosk-1", DeviceChannel.RESPONSE);
        IMqttMessageListener record = (topic, message) -> arrived.add(topic);
        // Mosquitto 2.0 grants both (an acl_file read rule is checked when a message is delivered, not at SUBSCRIBE).
        kiosk1.subscribe(new String[] {othersAnswers, ownAnswers}, new int[] {Protocol.QOS, Protocol.QOS},
                null, null, new IMqttMessageListener[] {record, record}).waitForCompletion(5_000);

        hub.publishRaw(othersAnswers, "for kiosk-2".getBytes(StandardCharsets.UTF_8), false);
        hub.publishRaw(ownAnswers, "for kiosk-1".getBytes(StandardCharsets.UTF_8), false);

        await().atMost(FAST).until(() -> arrived.contains(ownAnswers));
        assertThat(arrived).containsExactly(ownAnswers);
    }

    @Test
    void a_unit_whose_password_line_is_deleted_is_disconnected_and_refused() throws Exception {
        Path passwordFile = dataDir.resolve("kiosk-3.password");
        DevicePassword.write(passwordFile, "kiosk-3 secret".toCharArray());
        MqttLink link = connect(unit("kiosk-3", broker.url(), passwordFile, pki.siteCa()));

        Files.write(passwords, Files.readAllLines(passwords).stream().filter(line -> !line.startsWith("kiosk-3:"))
                .toList());
        broker.reload();

        await().atMost(FAST).until(() -> !link.isConnected());
        assertThatThrownBy(() -> plainClient("kiosk-3", "kiosk-3 secret")).isInstanceOfSatisfying(MqttException.class,
                e -> assertThat(e.getReasonCode()).isEqualTo(MqttException.REASON_CODE_NOT_AUTHORIZED));
    }

    private MqttAsyncClient plainClient(String user, String password) throws MqttException {
        MqttAsyncClient client = new MqttAsyncClient(broker.url(), user + "-probe", new MemoryPersistence());
        try {
            client.connect(login(user, password)).waitForCompletion(5_000);
        } catch (MqttException refused) {
            client.close();
            throw refused;
        }
        open.add(() -> {
            client.disconnect().waitForCompletion(5_000);
            client.close();
        });
        return client;
    }

    private static void publish(MqttAsyncClient client, String topic, byte[] payload) throws MqttException {
        client.publish(topic, payload, Protocol.QOS, false).waitForCompletion(5_000);
    }
}
