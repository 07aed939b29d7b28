package vn.motcua.systemd;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteOrder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SdNotifyTest {

    @TempDir
    Path dir;

    @Test
    void each_notification_reaches_a_socket_path_as_one_datagram_with_exactly_its_bytes() throws Exception {
        Path socket = dir.resolve("notify");
        try (NotifyReceiver systemd = NotifyReceiver.bind(socket)) {
            Notifier notifier = SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", socket.toString()));

            notifier.notify("READY=1\nSTATUS=quầy 3 đang chạy");
            notifier.notify("WATCHDOG=1");
            notifier.notify("STOPPING=1");

            systemd.awaitDatagram("STOPPING=1");
            assertThat(systemd.datagrams()).containsExactly("READY=1\nSTATUS=quầy 3 đang chạy", "WATCHDOG=1",
                    "STOPPING=1");
        }
    }

    @Test
    void an_abstract_socket_name_starting_with_at_is_reached_too() throws Exception {
        String socket = "@motcua-test-" + ProcessHandle.current().pid() + "-" + System.nanoTime();
        try (NotifyReceiver systemd = NotifyReceiver.bind(socket)) {
            SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", socket)).notify("READY=1");

            systemd.awaitDatagram("READY=1");
        }
    }

    @Test
    void without_notify_socket_notifications_go_nowhere_and_nothing_fails() {
        Notifier notifier = SdNotify.fromEnvironment(Map.of());

        notifier.notify("READY=1");
    }

    @Test
    void a_socket_nobody_listens_on_is_logged_not_thrown() {
        SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", dir.resolve("nobody").toString())).notify("READY=1");
        SdNotify.fromEnvironment(Map.of("NOTIFY_SOCKET", "vsock:2:1234")).notify("READY=1");
    }

    @Test
    void sockaddr_un_is_the_family_in_native_order_then_the_path_with_its_nul() {
        byte[] family = ByteOrder.nativeOrder() == ByteOrder.LITTLE_ENDIAN ? new byte[] {1, 0} : new byte[] {0, 1};

        assertThat(SdNotify.sockaddrUn("/run/n")).containsExactly(family[0], family[1], '/', 'r', 'u', 'n', '/', 'n', 0);
        // abstract: a leading NUL instead of '@', and no terminating NUL (the length counts the name)
        assertThat(SdNotify.sockaddrUn("@sd")).containsExactly(family[0], family[1], 0, 's', 'd');
    }

    @Test
    void a_socket_path_too_long_for_sockaddr_un_is_refused_with_its_limit() {
        assertThatThrownBy(() -> SdNotify.sockaddrUn("/" + "x".repeat(107)))
                .hasMessageContaining("longer than 108 bytes");
        assertThat(SdNotify.sockaddrUn("/" + "x".repeat(106))).hasSize(2 + 108);
    }

    @Test
    void the_watchdog_timeout_is_read_from_watchdog_usec_when_it_is_meant_for_this_process() {
        assertThat(SdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "30000000"), 42))
                .contains(Duration.ofSeconds(30));
        assertThat(SdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "42"), 42))
                .contains(Duration.ofSeconds(30));
        assertThat(SdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "30000000", "WATCHDOG_PID", "7"), 42))
                .isEqualTo(Optional.empty());
        assertThat(SdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "soon"), 42)).isEmpty();
        assertThat(SdNotify.watchdogTimeout(Map.of("WATCHDOG_USEC", "0"), 42)).isEmpty();
        assertThat(SdNotify.watchdogTimeout(Map.of(), 42)).isEmpty();
    }
}
