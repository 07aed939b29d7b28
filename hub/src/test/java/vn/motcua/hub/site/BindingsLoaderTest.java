package vn.motcua.hub.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import vn.motcua.protocol.message.Role;

/** The profile's {@code units} and {@code staff} sections: what they bind, and each mistake refused by name. */
class BindingsLoaderTest {

    private static final Path COMMUNE = Path.of("../config/offices/commune-office.json");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void the_sample_profiles_bind_the_demos_units_and_officers() {
        Bindings commune = OfficeLoader.load(COMMUNE).bindings().orElseThrow();

        assertThat(commune.unit("kiosk-1")).contains(new Bindings.Unit("kiosk-1", Set.of(Role.KIOSK), Set.of()));
        assertThat(commune.unit("counter-3")).contains(new Bindings.Unit("counter-3", Set.of(Role.COUNTER), Set.of(3)));
        assertThat(commune.unit("hall-1")).hasValueSatisfying(u -> assertThat(u.roles()).containsExactly(Role.DISPLAY));
        assertThat(commune.officer("cb.2")).hasValueSatisfying(o -> {
            assertThat(o.mayWorkAt(2)).isTrue();
            assertThat(o.mayWorkAt(3)).isFalse();
        });
        assertThat(commune.officer("lan.nt")).hasValueSatisfying(o -> {
            assertThat(o.name()).contains("Nguyễn Thị Lan");
            assertThat(o.mayWorkAt(1)).as("no counters listed: any").isTrue();
        });
        assertThat(commune.officer("LAN.NT")).as("staff codes keep their case").isEmpty();
        assertThat(OfficeLoader.load(Path.of("../config/offices/district-office.json")).bindings().orElseThrow()
                .unit("counter-10")).hasValueSatisfying(u -> assertThat(u.actsFor(10)).isTrue());
    }

    @Test
    void a_profile_with_neither_section_binds_nothing_and_takes_any_valid_unit_id() throws IOException {
        ObjectNode profile = sample();
        profile.remove("units");
        profile.remove("staff");

        Office open = OfficeLoader.load(write(profile.toString()));

        assertThat(open.bindings()).isEmpty();
        assertThat(open.isUnit("any-unit")).isTrue();
        assertThat(open.isUnit("Not/A-Unit")).isFalse();
        assertThat(OfficeLoader.load(COMMUNE).isUnit("observer-1")).isFalse();
    }

    @Test
    void a_unit_may_combine_roles_and_act_for_several_counters() throws IOException {
        ObjectNode profile = sample();
        profile.withArray("units").add(JSON.readTree("{\"id\": \"desk-12\", \"roles\": [\"KIOSK\", \"COUNTER\"], "
                + "\"counters\": [1, 2]}"));

        Bindings.Unit desk = OfficeLoader.load(write(JSON.writeValueAsString(profile))).bindings().orElseThrow()
                .unit("desk-12").orElseThrow();

        assertThat(desk.roles()).containsExactlyInAnyOrder(Role.KIOSK, Role.COUNTER);
        assertThat(desk.actsFor(2)).isTrue();
        assertThat(desk.actsFor(3)).isFalse();
        assertThat(desk.counters()).containsExactlyInAnyOrder(1, 2);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a duplicate unit id         | {"id": "counter-1", "roles": ["COUNTER"], "counters": [1]}        | units[6].id "counter-1" is listed twice
            a bad unit id               | {"id": "Kiosk 1", "roles": ["KIOSK"]}                              | units[6].id must be lower-case letters, digits, '-' or '_' (at most 48), was "Kiosk 1"
            an unknown role             | {"id": "tv-2", "roles": ["BOARD"]}                                 | units[6].roles has "BOARD"; use KIOSK, COUNTER or DISPLAY
            no role                     | {"id": "tv-2", "roles": []}                                        | units[6].roles must name at least one role
            a counter role, no counters | {"id": "counter-9", "roles": ["COUNTER"]}                          | units[6] has role COUNTER but no counters: list the counters it acts for
            an unknown counter          | {"id": "counter-9", "roles": ["COUNTER"], "counters": [9]}         | units[6].counters names unknown counter 9: use the numbers of counters[].no
            counters for a kiosk        | {"id": "kiosk-3", "roles": ["KIOSK"], "counters": [1]}             | units[6].counters is only for units with role COUNTER
            """)
    void a_bad_unit_is_refused_naming_the_field_and_the_rule(String what, String unit, String message) throws IOException {
        ObjectNode profile = sample();
        profile.withArray("units").add(JSON.readTree(unit));

        Path file = write(JSON.writeValueAsString(profile));

        assertThatThrownBy(() -> OfficeLoader.load(file)).isInstanceOf(OfficeConfigException.class)
                .hasMessage(file + ": " + message);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            a duplicate staff code | {"code": "cb.1"}                        | staff[4].code "cb.1" is listed twice
            a bad staff code       | {"code": "cán bộ"}                      | staff[4].code must be a staff code: a letter or digit, then up to 31 letters, digits, '.', '_' or '-', was "cán bộ"
            an unknown counter     | {"code": "cb.9", "counters": [4]}       | staff[4].counters names unknown counter 4: use the numbers of counters[].no
            an empty counter list  | {"code": "cb.9", "counters": []}        | staff[4].counters must name at least one counter
            """)
    void a_bad_officer_is_refused_naming_the_field_and_the_rule(String what, String officer, String message)
            throws IOException {
        ObjectNode profile = sample();
        profile.withArray("staff").add(JSON.readTree(officer));

        Path file = write(JSON.writeValueAsString(profile));

        assertThatThrownBy(() -> OfficeLoader.load(file)).hasMessage(file + ": " + message);
    }

    @Test
    void units_without_staff_or_staff_without_units_is_refused() throws IOException {
        ObjectNode noStaff = sample();
        noStaff.remove("staff");
        ObjectNode noUnits = sample();
        noUnits.remove("units");

        assertThatThrownBy(() -> OfficeLoader.load(write(noStaff.toString())))
                .hasMessageEndingWith("units and staff come together: a profile lists both or neither");
        assertThatThrownBy(() -> OfficeLoader.load(write(noUnits.toString())))
                .hasMessageEndingWith("units and staff come together: a profile lists both or neither");
    }

    private static ObjectNode sample() throws IOException {
        return (ObjectNode) JSON.readTree(COMMUNE.toFile());
    }

    private Path write(String text) throws IOException {
        return Files.writeString(Files.createTempFile(dir, "office", ".json"), text);
    }
}
