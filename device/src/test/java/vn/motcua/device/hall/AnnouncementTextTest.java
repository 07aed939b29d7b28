package vn.motcua.device.hall;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import vn.motcua.device.hall.VietnameseNumbers.Dialect;
import vn.motcua.protocol.message.Board;

class AnnouncementTextTest {

    private static final OffsetDateTime AT = OffsetDateTime.parse("2026-11-23T08:15:02+07:00");

    private final AnnouncementText northern = new AnnouncementText(new VietnameseNumbers(Dialect.NORTHERN));

    @Test
    void a_call_invites_the_citizen_to_the_counter_with_every_number_in_words() {
        Announcement announcement = northern.of(new Board.Call("2-015", 4, false, AT));

        assertThat(announcement.text()).isEqualTo("Mời công dân có số 2-015 đến quầy số 4");
        assertThat(announcement.spoken()).isEqualTo("Mời công dân có số hai, mười lăm, đến quầy số bốn.");
        assertThat(announcement.english()).isEqualTo("Number 2-015, please come to counter 4");
    }

    @Test
    void a_recall_says_it_is_asking_again() {
        Announcement announcement = northern.of(new Board.Call("1-021", 11, true, AT));

        assertThat(announcement.text()).isEqualTo("Mời lần nữa công dân có số 1-021 đến quầy số 11");
        assertThat(announcement.spoken())
                .isEqualTo("Mời lần nữa công dân có số một, hai mươi mốt, đến quầy số mười một.");
        assertThat(announcement.english()).isEqualTo("Again: number 1-021, please come to counter 11");
    }

    @Test
    void the_southern_voice_reads_numbers_the_southern_way() {
        AnnouncementText southern = new AnnouncementText(new VietnameseNumbers(Dialect.SOUTHERN));

        assertThat(southern.of(new Board.Call("3-1005", 105, false, AT)).spoken())
                .isEqualTo("Mời công dân có số ba, một ngàn không trăm lẻ năm, đến quầy số một trăm lẻ năm.");
    }

    @ParameterizedTest(name = "{0} is read \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            1-001    | một, một
            2-000    | hai, không
            10-024   | mười, hai mươi tư
            A-007    | a, bảy
            DD-115   | dê dê, một trăm mười lăm
            AB12-045 | a bê mười hai, bốn mươi lăm
            LQ9-99999| e lờ quy chín, chín mươi chín nghìn chín trăm chín mươi chín
            """)
    void a_ticket_is_its_prefix_part_by_part_then_its_number_without_leading_zeros(String label, String words) {
        assertThat(northern.ticket(label)).isEqualTo(words);
    }
}
