package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.device.scan.ScanFixtures.TODAY;
import static vn.motcua.device.scan.ScanFixtures.samples;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.motcua.device.scan.Rejected.Code;

/** Every line of the shared CCCD QR samples (a copy in test resources, read by {@link ScanFixtures#samples}). */
class CccdSamplesTest {

    @Test
    void the_sample_file_holds_four_valid_and_four_invalid_lines() throws IOException {
        assertThat(samples(true)).hasSize(4);
        assertThat(samples(false)).hasSize(4);
    }

    @Test
    void every_valid_sample_parses_to_the_id_name_and_birth_date_on_the_card() throws IOException {
        List<Scan> scans = samples(true).stream().map(line -> ScanParser.parse(line, TODAY)).toList();

        assertThat(scans).containsExactly(
                new CitizenCard("079090001234", "Nguyễn Văn An", LocalDate.of(1990, 3, 15)),
                new CitizenCard("001185004321", "Trần Thị Bình", LocalDate.of(1985, 11, 2)),
                new CitizenCard("056200009876", "Lê Minh Châu", LocalDate.of(2000, 12, 30)),
                new CitizenCard("064154000111", "Phạm Thị Dung", LocalDate.of(1954, 7, 7)));
    }

    @Test
    void the_sample_born_in_1954_is_elderly_and_the_others_are_not() throws IOException {
        List<Boolean> elderly = samples(true).stream()
                .map(line -> ((CitizenCard) ScanParser.parse(line, TODAY)).isElderly(TODAY)).toList();

        assertThat(elderly).containsExactly(false, false, false, true);
    }

    @Test
    void every_invalid_sample_is_rejected_with_a_reason_naming_the_field() throws IOException {
        List<Scan> scans = samples(false).stream().map(line -> ScanParser.parse(line, TODAY)).toList();

        assertThat(scans).containsExactly(
                new Rejected(Code.CARD_ID_NUMBER, "id number must be 12 digits, was 11"),
                new Rejected(Code.CARD_BIRTH_DATE, "birth date is not a real date (ddMMyyyy)"),
                new Rejected(Code.FORBIDDEN_CHARACTER, "scan contains forbidden character '<'"),
                new Rejected(Code.CARD_FULL_NAME, "full name contains forbidden character ';'"));
    }
}
