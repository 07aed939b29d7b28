package vn.motcua.device.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.motcua.device.scan.ScanFixtures.TODAY;

import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

/**
 * Seeded fuzzing: random text, random bytes and mutations of valid cards. The parser must return a value for each,
 * the same value twice, and any card it accepts must satisfy the card's rules.
 */
class ScanFuzzTest {

    /** Card characters, weighted towards the separator, and hostile ones: controls, bidi override, U+FFFD,
     * lone surrogates, a combining accent. */
    static final String ALPHABET = "0123456789|||| aAzZ-_'\"<>;:=/+.,ễữơưạđĐ"
            + "\u0000\u0007\r\n\t\u202E\uFFFD\uD800\uDC00\u0301";

    @Test
    void random_text_never_makes_parse_throw_and_always_gives_a_value() {
        Random random = new Random(20261123L);
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(random.nextInt(10) == 0 ? 3000 : 120);
            for (int i = 0; i < length; i++) {
                text.append(random.nextInt(8) == 0 ? (char) random.nextInt(0x10000)
                        : ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
            check(text.toString());
        }
    }

    @Test
    void random_bytes_never_make_parse_throw_and_always_give_a_value() {
        Random random = new Random(7L);
        for (int n = 0; n < 20_000; n++) {
            byte[] bytes = new byte[random.nextInt(random.nextInt(20) == 0 ? 5000 : 600)];
            random.nextBytes(bytes);
            Scan scan = ScanParser.parse(bytes, TODAY);
            assertThat(scan).isNotNull().isEqualTo(ScanParser.parse(bytes, TODAY));
        }
    }

    @Test
    void mutated_valid_cards_never_make_parse_throw_and_accepted_ones_obey_the_rules() throws Exception {
        List<String> valid = ScanFixtures.samples(true);
        Random random = new Random(42L);
        int accepted = 0;
        for (int n = 0; n < 50_000; n++) {
            StringBuilder text = new StringBuilder(valid.get(random.nextInt(valid.size())));
            int edits = 1 + random.nextInt(4);
            for (int e = 0; e < edits && !text.isEmpty(); e++) {
                int at = random.nextInt(text.length());
                char c = random.nextBoolean() ? ALPHABET.charAt(random.nextInt(ALPHABET.length()))
                        : (char) random.nextInt(0x10000);
                switch (random.nextInt(4)) {
                    case 0 -> text.setCharAt(at, c);
                    case 1 -> text.insert(at, c);
                    case 2 -> text.deleteCharAt(at);
                    default -> text.insert(at, text.substring(at, Math.min(text.length(), at + random.nextInt(40))));
                }
            }
            if (check(text.toString()) instanceof CitizenCard) {
                accepted++;
            }
        }
        assertThat(accepted).as("some mutations (e.g. in the address) still parse").isPositive();
    }

    private static Scan check(String text) {
        Scan scan = ScanParser.parse(text, TODAY);
        assertThat(scan).isNotNull().isEqualTo(ScanParser.parse(text, TODAY));
        if (scan instanceof CitizenCard card) {
            assertThat(card.idNumber()).matches("[0-9]{12}");
            assertThat(card.fullName()).doesNotContain("|", "<", ">", ";", "--", "\"").hasSizeBetween(1, 100);
            assertThat(card.birthDate()).isBeforeOrEqualTo(TODAY);
        }
        if (scan instanceof Rejected rejected) {
            assertThat(rejected.reason()).isNotBlank().hasSizeLessThan(200);
        }
        return scan;
    }
}
