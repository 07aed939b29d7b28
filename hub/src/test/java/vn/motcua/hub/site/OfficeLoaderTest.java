package vn.motcua.hub.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.io.TempDir;

class OfficeLoaderTest {

    @TempDir
    Path dir;

    @Test
    void the_shipped_sample_offices_load_as_they_are() {
        Office district = OfficeLoader.load(Path.of("../config/offices/district-office.json"));
        Office commune = OfficeLoader.load(Path.of("../config/offices/commune-office.json"));
        assertThat(district.counters()).hasSize(10);
        assertThat(district.service("DD")).hasValueSatisfying(s -> assertThat(s.nameVi()).isEqualTo("Đất đai"));
        assertThat(district.arrivalsByHalfHour()).containsKey(LocalTime.of(7, 30));
        assertThat(commune.id()).isEqualTo("nghitien");
    }

    @Test
    void a_json_syntax_error_names_line_and_column() throws IOException {
        Path file = write("{\n  \"site\": {\n    \"id\": \"x\",,\n  }\n}");
        assertThatThrownBy(() -> OfficeLoader.load(file)).isInstanceOf(OfficeConfigException.class)
                .hasMessageContaining("line 3");
    }

    @Test
    void a_counter_naming_an_unknown_service_is_refused_with_its_path() throws IOException {
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        Path file = write(sample.replace("{\"no\": 1, \"services\": [\"HT\", \"KH\"]}", "{\"no\": 1, \"services\": [\"HT\", \"XX\"]}"));
        assertThatThrownBy(() -> OfficeLoader.load(file)).hasMessageContaining("counters[0].services names unknown service \"XX\"");
    }

    @Test
    void a_missing_time_zone_is_refused_naming_the_field() throws IOException {
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        Path file = write(sample.replace("\"timezone\": \"Asia/Ho_Chi_Minh\",", ""));
        assertThatThrownBy(() -> OfficeLoader.load(file)).hasMessageContaining("site.timezone is required");
    }

    @Test
    void the_rules_section_is_read_and_absent_rules_keep_their_defaults() throws IOException {
        Office commune = OfficeLoader.load(Path.of("../config/offices/commune-office.json"));
        assertThat(commune.rules().closingRule()).isEqualTo(Rules.ClosingRule.CARRY_OVER);
        assertThat(commune.rules().priorityClass("ELDERLY")).hasValueSatisfying(
                p -> assertThat(p.headStart()).hasMinutes(15));
        ObjectMapper json = new ObjectMapper();
        ObjectNode withoutRules = (ObjectNode) json.readTree(Path.of("../config/offices/commune-office.json").toFile());
        withoutRules.remove("rules");
        Office plain = OfficeLoader.load(write(json.writeValueAsString(withoutRules)));
        assertThat(plain.rules()).isEqualTo(Rules.defaults());
        assertThat(plain.service("HT")).hasValueSatisfying(s -> assertThat(s.lastNumber()).isEqualTo(999));
    }

    @Test
    void a_bad_rule_is_refused_naming_it() throws IOException {
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        Path file = write(sample.replace("\"closingRule\": \"CARRY_OVER\"", "\"closingRule\": \"KEEP\""));
        assertThatThrownBy(() -> OfficeLoader.load(file)).hasMessageContaining("rules.closingRule must be CLOSE or CARRY_OVER");
        Path policy = write(sample.replace("\"policy\": \"effective-wait\"", "\"policy\": \"random\""));
        assertThatThrownBy(() -> OfficeLoader.load(policy)).hasMessageContaining("rules.policy must be one of");
    }

    @Test
    void each_unit_may_send_a_burst_of_100_then_20_a_second_and_issue_30_tickets_a_minute_unless_the_profile_says()
            throws IOException {
        assertThat(Rules.defaults().unitLimits()).isEqualTo(new UnitLimits(20, 100, 30));
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        String rules = "\"rules\": {";
        Office set = OfficeLoader.load(write(sample.replace(rules, rules
                + "\"unitRequestsPerSecond\": 5, \"unitRequestBurst\": 10, \"unitTicketsPerMinute\": 12,")));
        assertThat(set.rules().unitLimits()).isEqualTo(new UnitLimits(5, 10, 12));
        Path none = write(sample.replace(rules, rules + "\"unitTicketsPerMinute\": 0,"));
        assertThatThrownBy(() -> OfficeLoader.load(none))
                .hasMessageContaining("rules.unitTicketsPerMinute must be a whole number from 1 to 100000");
    }

    @Test
    void offline_printing_is_on_with_leases_of_50_by_default_and_both_can_be_set() throws IOException {
        assertThat(Rules.defaults().offlinePrinting()).isTrue();
        assertThat(Rules.defaults().offlineLeaseMax()).isEqualTo(50);
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        String rules = "\"rules\": {";
        Office set = OfficeLoader.load(write(sample.replace(rules, rules + "\"offlinePrinting\": false, \"offlineLeaseMax\": 20,")));
        assertThat(set.rules().offlinePrinting()).isFalse();
        assertThat(set.rules().offlineLeaseMax()).isEqualTo(20);
        Path tooMany = write(sample.replace(rules, rules + "\"offlineLeaseMax\": 501,"));
        assertThatThrownBy(() -> OfficeLoader.load(tooMany)).hasMessageContaining("rules.offlineLeaseMax must be a whole number from 1 to 500");
        Path notAFlag = write(sample.replace(rules, rules + "\"offlinePrinting\": \"yes\","));
        assertThatThrownBy(() -> OfficeLoader.load(notAFlag)).hasMessageContaining("rules.offlinePrinting must be true or false");
    }

    @Test
    void the_last_call_is_ten_minutes_before_close_by_default_and_can_be_set_within_bounds() throws IOException {
        assertThat(Rules.defaults().lastCallBeforeClose()).hasMinutes(10);
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        String rules = "\"rules\": {";
        Office set = OfficeLoader.load(write(sample.replace(rules, rules + "\"lastCallMinutesBeforeClose\": 0,")));
        assertThat(set.rules().lastCallBeforeClose()).isZero();
        for (String bad : new String[] {"-5", "241", "\"10\"", "7.5"}) {
            Path file = write(sample.replace(rules, rules + "\"lastCallMinutesBeforeClose\": " + bad + ","));
            assertThatThrownBy(() -> OfficeLoader.load(file)).isInstanceOf(OfficeConfigException.class)
                    .hasMessageEndingWith("office.json: rules.lastCallMinutesBeforeClose must be a whole number from 0 to 240");
        }
    }

    @Test
    void the_short_service_head_start_is_30_minutes_by_default_and_can_be_set_or_turned_off() throws IOException {
        assertThat(Rules.defaults().shortJobHeadStart()).isEqualTo(Duration.ofMinutes(30));
        String sample = Files.readString(Path.of("../config/offices/commune-office.json"));
        String rules = "\"rules\": {";
        Office off = OfficeLoader.load(write(sample.replace(rules, rules + "\"shortJobHeadStartMinutes\": 0,")));
        assertThat(off.rules().shortJobHeadStart()).isEqualTo(Duration.ZERO);
        Path tooLong = write(sample.replace(rules, rules + "\"shortJobHeadStartMinutes\": 121,"));
        assertThatThrownBy(() -> OfficeLoader.load(tooLong)).hasMessageContaining("rules.shortJobHeadStartMinutes");
    }

    private Path write(String text) throws IOException {
        Path file = dir.resolve("office.json");
        Files.writeString(file, text);
        return file;
    }
}
