package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.motcua.device.scan.ScannerLine.Complete;
import vn.motcua.device.scan.ScannerLine.TooLong;

class ScannerLineTest {

    @Test
    void cr_lf_and_crlf_each_end_exactly_one_line() {
        ScannerLine line = new ScannerLine(64);

        assertThat(line.accept("one\rtwo\nthree\r\nfour\n\r"))
                .containsExactly(new Complete("one"), new Complete("two"), new Complete("three"), new Complete("four"));
    }

    @Test
    void a_keyboard_scanner_typing_then_enter_gives_the_line_only_at_enter() {
        ScannerLine line = new ScannerLine(64);

        assertThat(line.accept("AbC_12-x")).isEmpty();
        assertThat(line.pending()).isEqualTo(8);
        assertThat(line.accept('\n')).contains(new Complete("AbC_12-x"));
        assertThat(line.pending()).isZero();
    }

    @Test
    void empty_lines_are_skipped() {
        assertThat(new ScannerLine(8).accept("\r\n\r\n\n\r\r")).isEmpty();
    }

    @Test
    void a_line_split_across_reads_is_joined_and_crlf_split_across_reads_ends_one_line() {
        ScannerLine line = new ScannerLine(64);

        assertThat(line.accept("0790|Ng")).isEmpty();
        assertThat(line.accept("uyễn\r")).containsExactly(new Complete("0790|Nguyễn"));
        assertThat(line.accept("\nnext\n")).containsExactly(new Complete("next"));
    }

    @Test
    void an_over_long_line_is_dropped_and_reported_and_the_next_line_is_read_normally() {
        ScannerLine line = new ScannerLine(8);

        assertThat(line.accept("0123456789ABCDEF\nshort\n"))
                .containsExactly(new TooLong(16, 8), new Complete("short"));
        assertThat(new TooLong(16, 8).toString()).isEqualTo("TooLong[16 characters, limit 8]");
    }

    @Test
    void a_line_of_exactly_the_limit_is_kept() {
        assertThat(new ScannerLine(4).accept("abcd\n")).containsExactly(new Complete("abcd"));
    }

    @Test
    void clear_forgets_a_half_typed_line() {
        ScannerLine line = new ScannerLine(16);
        line.accept("stray keys");
        line.clear();

        assertThat(line.accept("token123\n")).containsExactly(new Complete("token123"));
    }

    @Test
    void the_limit_must_be_positive_and_bounded() {
        assertThatThrownBy(() -> new ScannerLine(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new ScannerLine(1 << 20)).isInstanceOf(IllegalArgumentException.class);
    }
}
