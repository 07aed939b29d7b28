package vn.motcua.device.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

/** What the unit-config tests share: how a refused config file must say what is wrong, and where. */
final class ConfigFiles {

    private ConfigFiles() {
    }

    /** Loading {@code file} fails naming the file, then {@code field}, then a message containing {@code problem}. */
    static void assertRefused(Path file, String field, String problem) {
        assertThatThrownBy(() -> UnitConfig.load(file))
                .isInstanceOfSatisfying(UnitConfigException.class, e -> assertThat(e.field()).contains(field))
                .hasMessageStartingWith(file + ": " + field + ": ")
                .hasMessageContaining(problem);
    }
}
