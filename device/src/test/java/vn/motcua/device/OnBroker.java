package vn.motcua.device;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.paho.client.mqttv3.MqttException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

import vn.motcua.protocol.topic.Topics;
import vn.motcua.testkit.Mosquitto;

/**
 * Tests against a real Mosquitto and a {@link TestHub}, one each per test class. Each test gets its own site, so
 * retained messages and persistent sessions of one test never reach another, and its own data directory.
 */
public abstract class OnBroker {

    private static final AtomicInteger SITES = new AtomicInteger();

    @TempDir
    protected static Path brokerDir;
    protected static Mosquitto broker;
    protected static TestHub hub;

    @TempDir
    protected Path dataDir;
    protected String site;
    protected Topics topics;

    @BeforeAll
    protected static void startBroker() throws IOException, MqttException {
        broker = Mosquitto.start(brokerDir.resolve("mosquitto"));
        hub = TestHub.start(broker.url());
    }

    @AfterAll
    protected static void stopBroker() throws MqttException {
        try {
            hub.close();
        } finally {
            broker.close();
        }
    }

    @BeforeEach
    protected void newSite() {
        site = "site-" + SITES.incrementAndGet();
        topics = Topics.forSite(site);
        hub.reset(site);
    }
}
