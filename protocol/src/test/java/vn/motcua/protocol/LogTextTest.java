package vn.motcua.protocol;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogTextTest {

    @Test
    void line_breaks_tabs_and_backslashes_become_visible_escapes() {
        assertThat(LogText.escape("a\nb\rc\td\\e")).isEqualTo("a\\nb\\rc\\td\\\\e");
    }

    @Test
    void nul_other_c0_del_and_c1_controls_are_written_as_unicode_escapes() {
        assertThat(LogText.escape("a\u0000b\u001bc\u007fd\u0085e\u009bf")).isEqualTo("a\\u0000b\\u001Bc\\u007Fd\\u0085e\\u009Bf");
    }

    @Test
    void bidi_overrides_isolates_marks_and_line_separators_are_escaped() {
        assertThat(LogText.escape("\u202Egnp.exe\u2066x\u2069\u200F\u061C\u2028\u2029"))
                .isEqualTo("\\u202Egnp.exe\\u2066x\\u2069\\u200F\\u061C\\u2028\\u2029");
    }

    @Test
    void vietnamese_and_characters_outside_the_basic_plane_are_kept() {
        assertThat(LogText.escape("Hộ tịch 😀")).isEqualTo("Hộ tịch 😀");
    }

    @Test
    void a_lone_surrogate_is_escaped() {
        assertThat(LogText.escape("a\uD800b")).isEqualTo("a\\uD800b");
    }

    @Test
    void long_text_is_cut_with_an_ellipsis_and_never_splits_a_surrogate_pair() {
        assertThat(LogText.escape("x".repeat(500))).isEqualTo("x".repeat(LogText.MAX_CHARS) + "…");
        assertThat(LogText.escape("ab😀", 3)).isEqualTo("ab…");
    }

    @Test
    void a_payload_preview_shows_invalid_utf8_as_replacement_characters_and_escapes_the_rest() {
        byte[] payload = {'{', (byte) 0xC3, (byte) 0x28, '\n', '}'};
        assertThat(LogText.preview(payload)).isEqualTo("{\uFFFD(\\n}");
        assertThat(LogText.preview("y".repeat(2_000).getBytes(UTF_8))).endsWith("…").hasSizeLessThan(LogText.MAX_CHARS + 3);
    }

    @Test
    void no_escaped_text_contains_a_character_that_ends_or_reorders_a_line() {
        StringBuilder every = new StringBuilder();
        for (char c = 0; c < 0x3000; c++) {
            every.append(c);
        }
        String escaped = LogText.escape(every, every.length());
        assertThat(escaped).doesNotContain("\n", "\r", "\u0000", "\u0085", "\u2028", "\u2029", "\u202E", "\u2067");
    }
}
