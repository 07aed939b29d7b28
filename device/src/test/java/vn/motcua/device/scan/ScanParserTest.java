package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.device.scan.ScanFixtures.AN;
import static vn.motcua.device.scan.ScanFixtures.CARD;
import static vn.motcua.device.scan.ScanFixtures.TODAY;
import static vn.motcua.device.scan.ScanFixtures.cardWith;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import vn.motcua.device.scan.Rejected.Code;

class ScanParserTest {

    static Scan parse(String text) {
        return ScanParser.parse(text, TODAY);
    }

    static Rejected rejected(String text) {
        Scan scan = parse(text);
        assertThat(scan).isInstanceOf(Rejected.class);
        return (Rejected) scan;
    }

    @Test
    void the_six_field_variant_without_the_old_id_is_read() {
        assertThat(parse("079090001234|Nguyễn Văn An|15031990|Nam|123 Lê Lợi|20042021")).isEqualTo(AN);
    }

    @Test
    void the_newer_card_with_extra_trailing_fields_is_read_and_the_extras_dropped() {
        assertThat(parse(CARD + "|01072024|Thêm trường|")).isEqualTo(AN);
    }

    @Test
    void an_empty_old_id_is_accepted_and_a_wrong_one_names_the_old_id() {
        assertThat(parse(cardWith(1, ""))).isEqualTo(AN);
        assertThat(rejected(cardWith(1, "1234567890")))
                .isEqualTo(new Rejected(Code.CARD_OLD_ID_NUMBER, "old id number must be 9 digits, was 10"));
    }

    @Test
    void decomposed_vietnamese_is_normalised_to_nfc_before_checking() {
        String decomposed = Normalizer.normalize(CARD, Normalizer.Form.NFD);
        assertThat(decomposed).isNotEqualTo(CARD);

        assertThat(parse(decomposed)).isEqualTo(AN);
        assertThat(parse(cardWith(4, Normalizer.normalize("Nữ", Normalizer.Form.NFD)))).isInstanceOf(CitizenCard.class);
    }

    @Test
    void the_line_terminator_and_surrounding_spaces_of_a_scanner_are_ignored() {
        assertThat(parse("  " + CARD + "\r\n")).isEqualTo(AN);
    }

    @Test
    void too_few_fields_are_rejected_with_the_count() {
        assertThat(rejected("079090001234|Nguyễn Văn An|15031990|Nam|20042021"))
                .isEqualTo(new Rejected(Code.CARD_FIELD_COUNT, "citizen card QR has 5 fields, expected 6, 7 or more"));
    }

    @Test
    void each_wrong_field_is_rejected_with_a_reason_naming_it() {
        assertThat(rejected(cardWith(0, "07909000123a")).reason()).isEqualTo("id number must be 12 digits, has 'a'");
        assertThat(rejected(cardWith(0, "٠٧٩٠٩٠٠٠١٢٣٤")).code()).isEqualTo(Code.CARD_ID_NUMBER);
        assertThat(rejected(cardWith(2, "")).reason()).isEqualTo("full name must be 1-100 characters, was 0");
        assertThat(rejected(cardWith(2, "A".repeat(101))).reason())
                .isEqualTo("full name must be 1-100 characters, was 101");
        assertThat(rejected(cardWith(2, "Nguyen 2")).reason())
                .isEqualTo("full name may hold only letters, spaces, ' and -, found '2'");
        assertThat(rejected(cardWith(2, "Иван")).code()).isEqualTo(Code.CARD_FULL_NAME);
        assertThat(rejected(cardWith(2, " An")).reason()).isEqualTo("full name must not start or end with a space");
        assertThat(rejected(cardWith(2, "' -")).reason()).isEqualTo("full name has no letter");
        assertThat(rejected(cardWith(3, "1503199")).reason())
                .isEqualTo("birth date (ddMMyyyy) must be 8 digits, was 7");
        assertThat(rejected(cardWith(3, "29022001")).reason()).isEqualTo("birth date is not a real date (ddMMyyyy)");
        assertThat(rejected(cardWith(3, "01012030")).reason()).isEqualTo("birth date is in the future");
        assertThat(rejected(cardWith(3, "01011899")).reason()).isEqualTo("birth date is before 1900");
        assertThat(rejected(cardWith(4, "Male")).reason()).isEqualTo("sex must be Nam or Nữ");
        assertThat(rejected(cardWith(4, "nam")).code()).isEqualTo(Code.CARD_SEX);
        assertThat(rejected(cardWith(6, "31042021")).reason()).isEqualTo("issue date is not a real date (ddMMyyyy)");
        assertThat(rejected(cardWith(6, "24112026")).reason()).isEqualTo("issue date is in the future");
        assertThat(rejected(cardWith(6, "15031990")).reason()).isEqualTo("issue date must be after birth date");
        assertThat(rejected(cardWith(6, "01011980")).reason()).isEqualTo("issue date must be after birth date");
    }

    @Test
    void names_with_apostrophe_and_hyphen_are_accepted_but_quotes_elsewhere_are_not() {
        assertThat(parse(cardWith(2, "H'Hen Niê"))).isInstanceOf(CitizenCard.class);
        assertThat(parse(cardWith(2, "Mai-Anh Lê"))).isInstanceOf(CitizenCard.class);
        assertThat(rejected(cardWith(5, "12 Lê Lợi' OR 1=1")).reason())
                .isEqualTo("address contains forbidden character '''");
        assertThat(rejected(cardWith(2, "An \"Bob\"")).reason())
                .isEqualTo("full name contains forbidden character '\"'");
        assertThat(rejected(cardWith(2, "An--Binh")).reason()).isEqualTo("full name contains forbidden sequence '--'");
    }

    @Test
    void a_card_over_512_bytes_is_rejected_even_if_every_field_is_fine() {
        assertThat(rejected(cardWith(5, "Lê Lợi ".repeat(60))))
                .extracting(Rejected::code).isEqualTo(Code.TOO_LONG);
    }

    @Test
    void the_elderly_threshold_is_60_by_default_and_configurable() {
        CitizenCard card = new CitizenCard("079090001234", "Lê An", LocalDate.of(1966, 11, 23));

        assertThat(card.isElderly(LocalDate.of(2026, 11, 22))).isFalse();
        assertThat(card.isElderly(LocalDate.of(2026, 11, 23))).isTrue();
        assertThat(card.isElderly(LocalDate.of(2026, 11, 23), 65)).isFalse();
        assertThat(card.isElderly(LocalDate.of(2031, 11, 23), 65)).isTrue();
    }

    @Test
    void to_string_shows_only_the_last_four_digits_of_the_id_and_no_name_or_birth_date() {
        String logged = AN.toString();

        assertThat(logged).isEqualTo("CitizenCard[idNumber=********1234]");
        assertThat(logged).doesNotContain("079090", "Nguyễn", "1990");
    }

    @Test
    void appointment_tokens_follow_the_hub_inbox_format() {
        assertThat(parse("AbC_12-x")).isEqualTo(new AppointmentToken("AbC_12-x"));
        assertThat(parse("a".repeat(64))).isInstanceOf(AppointmentToken.class);
        assertThat(rejected("a".repeat(65)).code()).isEqualTo(Code.UNRECOGNISED);
        assertThat(rejected("short7x").code()).isEqualTo(Code.UNRECOGNISED);
        assertThat(new AppointmentToken("secret-token-123").toString()).isEqualTo("AppointmentToken[secr…]");
    }

    @Test
    void enrollment_codes_are_recognised_and_bounded_to_1_kb_of_payload() {
        String kb = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[1024]);
        String overKb = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[1025]);

        assertThat(parse("MOTCUA-ENROLL:aGVsbG8")).isEqualTo(new EnrollmentCode("aGVsbG8"));
        assertThat(((EnrollmentCode) parse("MOTCUA-ENROLL:aGVsbG8")).payloadBytes())
                .isEqualTo("hello".getBytes(StandardCharsets.US_ASCII));
        assertThat(parse("MOTCUA-ENROLL:aGVsbG8=")).isInstanceOf(EnrollmentCode.class);
        assertThat(parse("MOTCUA-ENROLL:" + kb)).isInstanceOf(EnrollmentCode.class);
        assertThat(rejected("MOTCUA-ENROLL:" + overKb).code()).isEqualTo(Code.ENROLLMENT_PAYLOAD);
        assertThat(rejected("MOTCUA-ENROLL:").reason()).isEqualTo("enrollment code has no payload");
        assertThat(rejected("MOTCUA-ENROLL:a+b/").code()).isEqualTo(Code.ENROLLMENT_PAYLOAD);
        assertThat(rejected("MOTCUA-ENROLL:aGVsb").reason()).isEqualTo("enrollment payload is not whole base64url");
        assertThat(parse("MOTCUA-ENROLL:aGVsbG8").toString()).isEqualTo("EnrollmentCode[5 bytes]");
    }

    @Test
    void an_officer_badge_is_its_prefix_and_a_staff_code() {
        assertThat(parse("MOTCUA-OFFICER:lan.nt")).isEqualTo(new OfficerBadge("lan.nt"));
        assertThat(parse(" MOTCUA-OFFICER:CB-00042\t")).isEqualTo(new OfficerBadge("CB-00042"));
        assertThat(rejected("MOTCUA-OFFICER:").code()).isEqualTo(Code.OFFICER_CODE);
        assertThat(rejected("MOTCUA-OFFICER:lan nt").reason())
                .isEqualTo("officer badge code must be a letter or digit, then up to 31 of A-Z a-z 0-9 . _ -");
        assertThat(rejected("MOTCUA-OFFICER:" + "a".repeat(33)).code()).isEqualTo(Code.OFFICER_CODE);
        assertThat(rejected("MOTCUA-OFFICER:.lan").code()).isEqualTo(Code.OFFICER_CODE);
    }

    @Test
    void a_ticket_label_is_a_ticket_and_only_a_long_one_doubles_as_an_appointment_token() {
        assertThat(parse("2-017")).isEqualTo(new TicketLabel("2-017"));
        assertThat(parse("ABCD-99999")).isEqualTo(new TicketLabel("ABCD-99999"));
        assertThat(new TicketLabel("2-017").asAppointmentToken()).isEmpty();
        assertThat(new TicketLabel("ABCD-0017").asAppointmentToken()).contains(new AppointmentToken("ABCD-0017"));
        assertThat(parse("2-0170000")).isEqualTo(new AppointmentToken("2-0170000")); // six digits: no label
        assertThat(rejected("2-x1").code()).isEqualTo(Code.UNRECOGNISED); // letters after '-', too short for a token
        assertThat(rejected("a-1").code()).isEqualTo(Code.UNRECOGNISED); // labels are upper case
    }

    @Test
    void the_status_link_printed_as_a_ticket_s_qr_code_is_that_ticket() {
        assertThat(parse("http://192.168.1.10:8080/ticket/2-017")).isEqualTo(new TicketLabel("2-017"));
        assertThat(parse("https://motcua.nghiloc.gov.vn/mot-cua/ticket/1-005?lang=en")).isEqualTo(new TicketLabel("1-005"));
        assertThat(parse("http://[fd00::5]:8080/ticket/ABCD-99999")).isEqualTo(new TicketLabel("ABCD-99999"));
        // Not a ticket: another page, a label that is not one, script or spaces in the link, another scheme.
        assertThat(rejected("http://192.168.1.10:8080/board/2-017").code()).isEqualTo(Code.UNRECOGNISED);
        assertThat(rejected("http://192.168.1.10:8080/ticket/2-x17").code()).isEqualTo(Code.UNRECOGNISED);
        assertThat(rejected("http://evil.example/ticket/2-017?<script>").code()).isEqualTo(Code.FORBIDDEN_CHARACTER);
        assertThat(rejected("http://host/ a/ticket/2-017").code()).isEqualTo(Code.UNRECOGNISED);
        assertThat(rejected("javascript://ticket/2-017").code()).isEqualTo(Code.UNRECOGNISED);
    }
}
