package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.device.scan.ScanFixtures.AN;
import static vn.motcua.device.scan.ScanFixtures.CARD;
import static vn.motcua.device.scan.ScanFixtures.TODAY;
import static vn.motcua.device.scan.ScanFixtures.cardWith;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;

import vn.motcua.device.scan.Rejected.Code;

class HostileScanTest {

    static Rejected rejected(Scan scan) {
        assertThat(scan).isInstanceOf(Rejected.class);
        return (Rejected) scan;
    }

    @Test
    void script_tags_are_rejected_as_a_scan_and_inside_a_card_field() {
        assertThat(rejected(ScanParser.parse("<img src=x onerror=alert(1)>", TODAY)).code())
                .isEqualTo(Code.FORBIDDEN_CHARACTER);
        assertThat(rejected(ScanParser.parse(cardWith(5, "<script>alert(1)</script>"), TODAY)).reason())
                .isEqualTo("address contains forbidden character '<'");
    }

    @Test
    void sql_in_any_field_is_rejected() {
        assertThat(rejected(ScanParser.parse("1' OR '1'='1", TODAY)).reason())
                .isEqualTo("scan contains forbidden character '''");
        assertThat(rejected(ScanParser.parse(cardWith(5, "x; DELETE FROM visits"), TODAY)).reason())
                .isEqualTo("address contains forbidden character ';'");
        assertThat(rejected(ScanParser.parse(CARD + "|1 -- comment", TODAY)).reason())
                .isEqualTo("extra field 8 contains forbidden sequence '--'");
    }

    @Test
    void four_kilobytes_of_random_bytes_are_rejected_without_decoding() {
        byte[] noise = new byte[4096];
        new Random(4).nextBytes(noise);

        assertThat(rejected(ScanParser.parse(noise, TODAY)).code()).isEqualTo(Code.TOO_LONG);
    }

    @Test
    void short_binary_that_is_not_utf8_is_rejected_as_not_text() {
        byte[] bytes = {
            0x30, 0x37, 0x39,       // "079", a plausible start
            (byte) 0xC3,            // a lead byte of a two-byte sequence...
            0x28,                   // ...followed by '(' instead of a continuation byte
            (byte) 0xFF, 0x00       // never valid in UTF-8, then NUL
        };

        assertThat(rejected(ScanParser.parse(bytes, TODAY)))
                .isEqualTo(new Rejected(Code.NOT_TEXT, "scan is not UTF-8 text"));
    }

    @Test
    void a_valid_card_arriving_as_utf8_bytes_is_read() {
        assertThat(ScanParser.parse(CARD.getBytes(StandardCharsets.UTF_8), TODAY)).isEqualTo(AN);
    }

    @Test
    void huge_input_is_rejected_by_its_size() {
        assertThat(rejected(ScanParser.parse("9".repeat(10_000_000), TODAY)).code()).isEqualTo(Code.TOO_LONG);
        assertThat(rejected(ScanParser.parse("ữ".repeat(700), TODAY)).reason())
                .isEqualTo("scan is at least 2100 bytes, limit 2048");
    }

    @Test
    void control_and_invisible_characters_are_rejected_with_their_code_point() {
        assertThat(rejected(ScanParser.parse(cardWith(2, "Lê\u0007An"), TODAY)).reason())
                .isEqualTo("full name contains control or invisible character U+0007");
        assertThat(rejected(ScanParser.parse(cardWith(5, "12\u202ELê Lợi"), TODAY)).reason())
                .isEqualTo("address contains control or invisible character U+202E");
        assertThat(rejected(ScanParser.parse("abc\u0000defgh", TODAY)).reason())
                .isEqualTo("scan contains control or invisible character U+0000");
        assertThat(rejected(ScanParser.parse(cardWith(5, "12 \uFFFD"), TODAY)).reason())
                .isEqualTo("address contains undecodable bytes (U+FFFD)");
    }

    @Test
    void lone_surrogates_are_rejected_as_not_text() {
        assertThat(rejected(ScanParser.parse("abc\uD800defgh", TODAY)))
                .isEqualTo(new Rejected(Code.NOT_TEXT, "scan has a lone surrogate at character 3"));
        assertThat(rejected(ScanParser.parse("\uDC00" + CARD, TODAY)).code()).isEqualTo(Code.NOT_TEXT);
        assertThat(rejected(ScanParser.parse(CARD + "\uD83D", TODAY)).code()).isEqualTo(Code.NOT_TEXT);
    }

    @Test
    void empty_and_blank_and_null_scans_are_rejected_as_empty() {
        assertThat(rejected(ScanParser.parse("", TODAY)).code()).isEqualTo(Code.EMPTY);
        assertThat(rejected(ScanParser.parse(" \r\n\t", TODAY)).code()).isEqualTo(Code.EMPTY);
        assertThat(rejected(ScanParser.parse((String) null, TODAY)).code()).isEqualTo(Code.EMPTY);
        assertThat(rejected(ScanParser.parse(new byte[0], TODAY)).code()).isEqualTo(Code.EMPTY);
        assertThat(rejected(ScanParser.parse("|||||", TODAY)).code()).isEqualTo(Code.CARD_ID_NUMBER);
    }
}
