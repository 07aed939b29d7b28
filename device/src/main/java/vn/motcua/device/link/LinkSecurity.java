package vn.motcua.device.link;

import java.util.Optional;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.config.BrokerSecurity;
import vn.motcua.device.config.DevicePassword;
import vn.motcua.device.config.UnitConfig;

/**
 * The unit's credentials and TLS trust, read from the files the config names when the link starts, so a unit with
 * a missing or unreadable file stops at once with the field's name rather than knocking at the broker.
 */
final class LinkSecurity {

    private static final Logger log = LoggerFactory.getLogger(LinkSecurity.class);

    private final String username;
    private final char[] password;
    private final Optional<SSLSocketFactory> tls;

    private LinkSecurity(String username, char[] password, Optional<SSLSocketFactory> tls) {
        this.username = username;
        this.password = password;
        this.tls = tls;
    }

    /**
     * Reads the password and CA files of {@code config}.
     *
     * @throws vn.motcua.device.config.UnitConfigException naming {@code passwordFile} or {@code caFile} when one
     *                                                     cannot be used
     */
    static LinkSecurity load(UnitConfig config) {
        BrokerSecurity security = config.security();
        Optional<SSLSocketFactory> tls = security.caFile().map(SiteTrust::socketFactory);
        char[] password = security.passwordFile().map(DevicePassword::read).orElse(null);
        if (password != null && tls.isEmpty()) {
            log.warn("{}: sending its MQTT password unencrypted to {}; use ssl:// unless the device network is "
                    + "closed", config.deviceId(), config.brokerUrl());
        }
        return new LinkSecurity(security.usernameFor(config.deviceId()), password, tls);
    }

    /** The user name the broker will judge, for messages. */
    String username() {
        return username;
    }

    /** Sets the credentials, and for {@code ssl://} the site-CA socket factory with host name checks on. */
    void applyTo(MqttConnectOptions options) {
        if (password != null) {
            options.setUserName(username);
            options.setPassword(password); // Paho keeps the array for its reconnects
        }
        tls.ifPresent(factory -> {
            options.setSocketFactory(factory);
            // Paho 1.2.5's default, set here so it cannot silently change: the broker URL's host must be in the
            // certificate, or any certificate the site CA ever issued (an old hub's, say) could pass for the broker.
            options.setHttpsHostnameVerificationEnabled(true);
        });
    }
}
