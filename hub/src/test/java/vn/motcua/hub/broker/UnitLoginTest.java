package vn.motcua.hub.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.hub.Hub;
import vn.motcua.hub.HubSettings;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeLoader;
import vn.motcua.hub.writer.SignedIn;
import vn.motcua.protocol.Ulid;
import vn.motcua.protocol.codec.Codec;
import vn.motcua.protocol.message.DeviceStatus;
import vn.motcua.protocol.message.Request;
import vn.motcua.protocol.message.RequestBody;
import vn.motcua.protocol.message.Response;
import vn.motcua.protocol.message.ResponseBody;
import vn.motcua.protocol.topic.DeviceChannel;
import vn.motcua.protocol.topic.Topics;
import vn.motcua.testkit.Commands;

/**
 * The hub on its embedded broker with {@code --password-file}: real Paho clients log in, the unit ACL confines them,
 * and the file is read again when it changes. Password lines made by mosquitto_passwd 2.0.11 (see PasswordFileTest).
 */
class UnitLoginTest {

    private static final Office OFFICE = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
    static final String KIOSK_1 = "kiosk-1:$7$101$/XUoStbkSfRbiba0$gNq//TZXvU5oU7Us+FqDJRxJiapmN99DRmw0TosDGMmsa"
            + "Il48oE8PAaUcklltTO6YhuMg8nus4KTtU3P7J0erw==";
    private static final String KIOSK_2 = "kiosk-2:$7$101$ZLoZC1U0SYvVwSwn$30lxdS8CxvHkWLMMxfDQlfdh2fJap9raHrRPOmJh7PXCM"
            + "MmoSZgtipyUw19H6hXbAV1CDa0G7rKvm918aVQYYw==";
    /** MQTT 3.1.1 CONNACK 4, "bad user name or password", as Paho reports it. */
    private static final int BAD_CREDENTIALS = MqttException.REASON_CODE_FAILED_AUTHENTICATION;
    private static final int SUBSCRIPTION_REFUSED = 128;

    @TempDir
    Path dir;
    private final Topics topics = Topics.forSite(OFFICE.id());
    private final Codec codec = new Codec();
    private final Ulid ids = Ulid.generator();
    private final List<AutoCloseable> open = new ArrayList<>();
    private Path passwords;
    private Hub hub;

    @BeforeEach
    void start() throws Exception {
        passwords = Files.writeString(dir.resolve("motcua.passwd"), KIOSK_1 + "\n" + KIOSK_2 + "\n");
        hub = Hub.start(HubSettings.local(OFFICE, dir.resolve("hub")).withPasswordFile(passwords), Clock.systemUTC());
        SignedIn.everyCounter(hub.writer(), OFFICE);
    }

    @AfterEach
    void stop() throws Exception {
        for (AutoCloseable part : open.reversed()) {
            part.close();
        }
        hub.close();
    }

    private UnitClient unit(String user, String password) throws MqttException {
        UnitClient client = UnitClient.connect(hub.brokerUrl(), user, password);
        open.add(client);
        return client;
    }

    private UnitClient kiosk1() throws MqttException {
        return unit("kiosk-1", "s3cret-kiosk");
    }

    private UnitClient kiosk2() throws MqttException {
        return unit("kiosk-2", "kiosk-2-pass");
    }

    private byte[] issueRequest() {
        return codec.encode(Request.of(ids.next(), OffsetDateTime.now(), new RequestBody.TicketIssue("HT", Optional.empty())));
    }

    private String ticketIn(String received) {
        Response response = codec.decodeResponse(received.substring(received.indexOf(' ') + 1).getBytes(StandardCharsets.UTF_8));
        return ((ResponseBody.TicketIssued) ((Response.Ok) response).body()).ticket();
    }

    private static int refusalCode(String clientId, String user, String password, String brokerUrl) {
        try {
            UnitClient.connect(brokerUrl, clientId, user, password).close();
            throw new AssertionError(clientId + " was let in");
        } catch (MqttException refused) {
            return refused.getReasonCode();
        }
    }

    @Test
    void only_the_right_password_under_the_units_own_client_id_gets_in() throws Exception {
        assertThat(kiosk1().isConnected()).isTrue();

        String url = hub.brokerUrl();
        assertThat(refusalCode("kiosk-1", "kiosk-1", "wrong", url)).isEqualTo(BAD_CREDENTIALS);
        assertThat(refusalCode("kiosk-1", "kiosk-1", "kiosk-2-pass", url)).isEqualTo(BAD_CREDENTIALS);
        assertThat(refusalCode("kiosk-9", "kiosk-9", "s3cret-kiosk", url)).isEqualTo(BAD_CREDENTIALS);
        assertThat(refusalCode("kiosk-1", null, null, url)).isEqualTo(BAD_CREDENTIALS);
        // a unit taking the hub's client id would throw the hub off the broker
        assertThat(refusalCode("motcua-hub." + OFFICE.id(), "kiosk-1", "s3cret-kiosk", url)).isEqualTo(BAD_CREDENTIALS);
        assertThat(refusalCode("motcua-hub." + OFFICE.id(), "motcua.hub", "guess", url)).isEqualTo(BAD_CREDENTIALS);

        assertThat(hub.metrics().prometheusText()).contains(
                "motcua_broker_logins_refused_total{reason=\"wrong_password\"} 3",
                "motcua_broker_logins_refused_total{reason=\"unknown_user\"} 1",
                "motcua_broker_logins_refused_total{reason=\"client_id\"} 1");
    }

    @Test
    void a_unit_cannot_publish_a_request_as_another_unit_and_the_hub_answers_its_own() throws Exception {
        UnitClient kiosk1 = kiosk1();
        UnitClient kiosk2 = kiosk2();
        assertThat(kiosk1.subscribe(topics.device("kiosk-1", DeviceChannel.RESPONSE))).isEqualTo(1);
        assertThat(kiosk2.subscribe(topics.device("kiosk-2", DeviceChannel.RESPONSE))).isEqualTo(1);

        kiosk1.publish(topics.device("kiosk-2", DeviceChannel.REQUEST), issueRequest()); // refused by the ACL
        kiosk1.publish(topics.device("kiosk-1", DeviceChannel.REQUEST), issueRequest()); // positive control

        await().atMost(Duration.ofSeconds(10)).until(() -> !kiosk1.received().isEmpty());
        // had the first request reached the hub, it would have taken 2-001 and kiosk-2 would have its answer
        assertThat(ticketIn(kiosk1.received().getFirst())).isEqualTo("2-001");
        assertThat(kiosk2.received()).isEmpty();
        assertThat(hub.metrics().value("motcua_requests_total{op=\"ticket.issue\"}")).isEqualTo(1);
    }

    @Test
    void a_unit_cannot_read_another_units_responses() throws Exception {
        UnitClient kiosk1 = kiosk1();
        UnitClient kiosk2 = kiosk2();
        assertThat(kiosk1.subscribe(topics.device("kiosk-2", DeviceChannel.RESPONSE))).isEqualTo(SUBSCRIPTION_REFUSED);
        assertThat(kiosk1.subscribe(topics.everyDevice(DeviceChannel.RESPONSE))).isEqualTo(SUBSCRIPTION_REFUSED);
        assertThat(kiosk1.subscribe("#")).isEqualTo(SUBSCRIPTION_REFUSED);
        assertThat(kiosk1.subscribe(topics.everyDevice(DeviceChannel.REQUEST))).isEqualTo(SUBSCRIPTION_REFUSED);
        assertThat(kiosk1.subscribe(topics.board())).isEqualTo(1);
        assertThat(kiosk1.subscribe(topics.counterState(4))).isEqualTo(1);
        assertThat(kiosk2.subscribe(topics.device("kiosk-2", DeviceChannel.RESPONSE))).isEqualTo(1);

        kiosk2.publish(topics.device("kiosk-2", DeviceChannel.REQUEST), issueRequest());

        await().atMost(Duration.ofSeconds(10)).until(() -> !kiosk2.received().isEmpty());
        assertThat(kiosk1.received()).noneMatch(message -> message.contains("/dev/"));
        // the board the same issue changed did reach kiosk-1: it was listening all along
        await().atMost(Duration.ofSeconds(10)).until(() -> kiosk1.received().stream()
                .anyMatch(message -> message.startsWith(topics.board() + " ")));
    }

    @Test
    void a_unit_reads_the_hubs_presence_but_cannot_forge_it() throws Exception {
        UnitClient kiosk1 = kiosk1();
        UnitClient kiosk2 = kiosk2();
        assertThat(kiosk1.subscribe(topics.hubStatus())).isEqualTo(1);
        await().atMost(Duration.ofSeconds(10)).until(() -> kiosk1.received().stream()
                .anyMatch(message -> message.startsWith(topics.hubStatus() + " {\"v\":1,\"online\":true")));

        kiosk2.publish(topics.hubStatus(), codec.encodeState(DeviceStatus.offline()));
        assertThat(kiosk2.subscribe(topics.device("kiosk-2", DeviceChannel.RESPONSE))).isEqualTo(1);
        kiosk2.publish(topics.device("kiosk-2", DeviceChannel.REQUEST), issueRequest());
        await().atMost(Duration.ofSeconds(10)).until(() -> !kiosk2.received().isEmpty());

        // the refused forgery and the answer after it went through the broker in order: nothing reached kiosk-1
        assertThat(kiosk1.received()).noneMatch(message -> message.contains("\"online\":false"));
    }

    @Test
    void deleting_a_units_line_disconnects_it_and_refuses_its_next_connect() throws Exception {
        UnitClient kiosk1 = kiosk1();
        UnitClient kiosk2 = kiosk2();

        Files.writeString(passwords, KIOSK_1 + "\n"); // sed -i '/^kiosk-2:/d'

        await().atMost(Duration.ofSeconds(5)).until(() -> !kiosk2.isConnected());
        assertThat(refusalCode("kiosk-2", "kiosk-2", "kiosk-2-pass", hub.brokerUrl())).isEqualTo(BAD_CREDENTIALS);
        assertThat(kiosk1.isConnected()).isTrue();
    }

    @Test
    void a_broken_file_keeps_the_last_good_one_and_is_counted() throws Exception {
        Files.writeString(passwords, KIOSK_1 + "\nkiosk-2:plain-text\n");

        await().atMost(Duration.ofSeconds(5))
                .until(() -> hub.metrics().value("motcua_broker_password_file_errors_total") == 1);
        assertThat(kiosk2().isConnected()).isTrue();
    }

    @Test
    void a_line_made_by_mosquitto_passwd_lets_its_unit_in() throws Exception {
        Path binary = Path.of("/usr/bin/mosquitto_passwd");
        assumeTrue(Files.isExecutable(binary), "mosquitto_passwd is not installed");
        Commands.run(binary.toString(), "-b", passwords.toString(), "quay-3", "Mật khẩu quầy 3");

        await().atMost(Duration.ofSeconds(5)).ignoreExceptions()
                .until(() -> unit("quay-3", "Mật khẩu quầy 3").isConnected());
        assertThatThrownBy(() -> unit("quay-3", "Mat khau quay 3")).isInstanceOf(MqttException.class);
    }
}
