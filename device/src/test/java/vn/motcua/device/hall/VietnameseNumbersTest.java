package vn.motcua.device.hall;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.device.hall.VietnameseNumbers.Dialect;

class VietnameseNumbersTest {

    private final VietnameseNumbers northern = new VietnameseNumbers(Dialect.NORTHERN);
    private final VietnameseNumbers southern = new VietnameseNumbers(Dialect.SOUTHERN);

    /** The rows of {@code vi-numbers.tsv}, a copy of shared/data/vi-numbers.tsv: number, tab, Northern reading. */
    private static List<String[]> referenceRows() throws IOException {
        try (InputStream in = VietnameseNumbersTest.class.getResourceAsStream("/vi-numbers.tsv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\t"))
                    .toList();
        }
    }

    @Test
    void every_reference_row_is_read_as_the_file_says() throws IOException {
        List<String[]> rows = referenceRows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(26).allSatisfy(row -> assertThat(row).hasSize(2));

        for (String[] row : rows) {
            assertThat(northern.read(Integer.parseInt(row[0]))).as("reading of %s", row[0]).isEqualTo(row[1]);
        }
    }

    @Test
    void the_southern_reading_swaps_linh_and_nghin_only() throws IOException {
        for (String[] row : referenceRows()) {
            String expected = row[1].replace("linh", "lẻ").replace("nghìn", "ngàn");
            assertThat(southern.read(Integer.parseInt(row[0]))).as("reading of %s", row[0]).isEqualTo(expected);
        }
    }

    @ParameterizedTest(name = "{0} is read \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            9     | chín
            10    | mười
            19    | mười chín
            40    | bốn mươi
            41    | bốn mươi mốt
            44    | bốn mươi tư
            45    | bốn mươi lăm
            99    | chín mươi chín
            104   | một trăm linh bốn
            111   | một trăm mười một
            114   | một trăm mười bốn
            200   | hai trăm
            999   | chín trăm chín mươi chín
            1005  | một nghìn không trăm linh năm
            1100  | một nghìn một trăm
            2000  | hai nghìn
            10000 | mười nghìn
            15000 | mười lăm nghìn
            21000 | hai mươi mốt nghìn
            24004 | hai mươi tư nghìn không trăm linh bốn
            50015 | năm mươi nghìn không trăm mười lăm
            99999 | chín mươi chín nghìn chín trăm chín mươi chín
            """)
    void edge_cases_follow_the_same_rules(int number, String words) {
        assertThat(northern.read(number)).isEqualTo(words);
    }

    @Test
    void numbers_outside_0_to_99999_are_refused_with_the_range() {
        assertThatThrownBy(() -> northern.read(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("0-99999");
        assertThatThrownBy(() -> northern.read(100_000)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("was 100000");
    }
}
