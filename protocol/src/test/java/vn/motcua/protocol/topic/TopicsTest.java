package vn.motcua.protocol.topic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

import vn.motcua.protocol.Protocol;

class TopicsTest {

    private final Topics topics = Topics.forSite("nghiloc");

    @ParameterizedTest
    @CsvSource({
            "STATUS,  motcua/v1/nghiloc/dev/kiosk-01/status",
            "REQUEST, motcua/v1/nghiloc/dev/kiosk-01/req",
            "RESPONSE, motcua/v1/nghiloc/dev/kiosk-01/res",
            "EVENT,   motcua/v1/nghiloc/dev/kiosk-01/evt",
            "COMMAND, motcua/v1/nghiloc/dev/kiosk-01/cmd",
            "CONFIG,  motcua/v1/nghiloc/dev/kiosk-01/config"})
    void every_device_channel_builds_the_documented_name_and_parses_back(DeviceChannel channel, String expected) {
        String name = topics.device("kiosk-01", channel);
        assertThat(name).isEqualTo(expected);
        assertThat(Topic.parse(name)).contains(new Topic.Device("nghiloc", "kiosk-01", channel));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 4, 10, 99, 100, 999})
    void counter_state_topics_parse_back_to_their_counter(int counter) {
        String name = topics.counterState(counter);
        assertThat(name).isEqualTo("motcua/v1/nghiloc/counter/" + counter + "/state");
        assertThat(Topic.parse(name)).contains(new Topic.CounterState("nghiloc", counter));
    }

    @Test
    void board_and_services_parse_back() {
        assertThat(topics.board()).isEqualTo("motcua/v1/nghiloc/board");
        assertThat(topics.services()).isEqualTo("motcua/v1/nghiloc/services");
        assertThat(Topic.parse(topics.board())).contains(new Topic.Board("nghiloc"));
        assertThat(Topic.parse(topics.services())).contains(new Topic.Services("nghiloc"));
        assertThat(Topic.parse(topics.services()).orElseThrow().site()).isEqualTo("nghiloc");
    }

    @Test
    void the_hub_status_parses_back_and_is_no_device_topic() {
        assertThat(topics.hubStatus()).isEqualTo("motcua/v1/nghiloc/hub/status");
        assertThat(Topic.parse(topics.hubStatus())).contains(new Topic.HubStatus("nghiloc"));
        assertThat(matches(topics.everyDevice(DeviceChannel.STATUS), topics.hubStatus())).isFalse();
    }

    @Test
    void the_version_level_follows_the_wire_version() {
        assertThat(topics.board()).startsWith("motcua/v" + Protocol.VERSION + "/");
    }

    @ParameterizedTest
    @EnumSource(DeviceChannel.class)
    void the_every_device_filter_matches_each_device_and_is_not_itself_a_topic(DeviceChannel channel) {
        String filter = topics.everyDevice(channel);
        assertThat(filter).isEqualTo("motcua/v1/nghiloc/dev/+/" + channel.segment());
        assertThat(matches(filter, topics.device("kiosk-01", channel))).isTrue();
        assertThat(matches(filter, topics.device("counter-04", channel))).isTrue();
        assertThat(matches(filter, Topics.forSite("other").device("kiosk-01", channel))).isFalse();
        assertThat(Topic.parse(filter)).isEmpty();
    }

    @Test
    void the_every_counter_filter_matches_each_counter_state() {
        String filter = topics.everyCounterState();
        assertThat(filter).isEqualTo("motcua/v1/nghiloc/counter/+/state");
        assertThat(matches(filter, topics.counterState(1))).isTrue();
        assertThat(matches(filter, topics.counterState(999))).isTrue();
        assertThat(matches(filter, topics.board())).isFalse();
        assertThat(Topic.parse(filter)).isEmpty();
    }

    @Test
    void channels_the_device_publishes_are_status_requests_and_events() {
        assertThat(Arrays.stream(DeviceChannel.values()).filter(DeviceChannel::publishedByDevice))
                .containsExactly(DeviceChannel.STATUS, DeviceChannel.REQUEST, DeviceChannel.EVENT);
        assertThat(Arrays.stream(DeviceChannel.values()).map(DeviceChannel::segment).distinct()).hasSize(6);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Nghiloc", "nghi loc", "nghi/loc", "nghi+loc", "nghi#loc", "#", "+", "-nghiloc", "_x",
            "xã-nghi-tiến", "nghiloc\u0000", "a123456789012345678901234567890123456789012345678"})
    void invalid_site_names_are_refused(String site) {
        assertThat(Topics.isValidName(site)).isFalse();
        assertThatThrownBy(() -> Topics.forSite(site)).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("site");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "Kiosk-01", "kiosk/01", "+", "#", "kiosk 01", "-kiosk"})
    void invalid_device_ids_are_refused(String deviceId) {
        assertThatThrownBy(() -> topics.device(deviceId, DeviceChannel.REQUEST))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("device id");
    }

    @Test
    void a_null_name_is_neither_valid_nor_accepted() {
        assertThat(Topics.isValidName(null)).isFalse();
        assertThatThrownBy(() -> Topics.forSite(null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> topics.device(null, DeviceChannel.STATUS)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"a", "0", "nghiloc", "kiosk-01", "counter_04", "a12345678901234567890123456789012345678901234567"})
    void valid_names_are_lower_case_letters_digits_dash_and_underscore_up_to_48(String name) {
        assertThat(Topics.isValidName(name)).isTrue();
        assertThat(Topic.parse(Topics.forSite(name).device(name, DeviceChannel.EVENT))).isPresent();
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 1000})
    void counter_numbers_outside_1_to_999_are_refused(int counter) {
        assertThatThrownBy(() -> topics.counterState(counter)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("1-999");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "motcua", "motcua/v1", "motcua/v1/nghiloc", "other/v1/nghiloc/board", "motcua/v2/nghiloc/board",
            "Motcua/v1/nghiloc/board", "motcua/v1/Nghiloc/board", "/motcua/v1/nghiloc/board", "motcua/v1/nghiloc/board/",
            "motcua/v1/nghiloc/boards", "motcua/v1/nghiloc/dev/kiosk-01/request", "motcua/v1/nghiloc/dev/kiosk-01/req/x",
            "motcua/v1/nghiloc/dev/Kiosk-01/req", "motcua/v1/nghiloc/dev//req", "motcua/v1/nghiloc/dev/+/req",
            "motcua/v1/nghiloc/dev/#", "motcua/v1/+/board", "motcua/v1/#", "motcua/v1/nghiloc/counter/0/state",
            "motcua/v1/nghiloc/counter/01/state", "motcua/v1/nghiloc/counter/1000/state", "motcua/v1/nghiloc/counter/x/state",
            "motcua/v1/nghiloc/counter/4/status", "motcua/v1/nghiloc/counter/4", "motcua/v1/nghiloc/kiosk/k/req",
            "$SYS/broker/uptime", "motcua/v1/nghiloc/counter/+/state", "motcua/v1/nghiloc/hub", "motcua/v1/nghiloc/hub/state",
            "motcua/v1/nghiloc/hub/status/x", "motcua/v1/nghiloc/hubs/status", "motcua/v1/+/hub/status"})
    void foreign_or_malformed_topics_parse_to_empty(String name) {
        assertThat(Topic.parse(name)).isEmpty();
    }

    /** MQTT topic filter matching for '+' and a trailing '#', as a broker does it. */
    private static boolean matches(String filter, String topic) {
        List<String> f = List.of(filter.split("/", -1));
        List<String> t = List.of(topic.split("/", -1));
        for (int i = 0; i < f.size(); i++) {
            if (f.get(i).equals("#")) {
                return true;
            }
            if (i >= t.size() || !(f.get(i).equals("+") || f.get(i).equals(t.get(i)))) {
                return false;
            }
        }
        return f.size() == t.size();
    }
}
