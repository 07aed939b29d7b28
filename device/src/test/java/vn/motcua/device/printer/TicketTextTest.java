package vn.motcua.device.printer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.OffsetDateTime;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import vn.motcua.device.Samples;
import vn.motcua.protocol.message.ResponseBody.TicketIssued;

class TicketTextTest {

    @Test
    void a_ticket_reads_in_vietnamese_first_and_english_last() {
        TicketView ticket = TicketView.of(Samples.ticket(), Samples.catalogue().services().stream().findFirst(),
                Optional.of(Samples.OFFICE));

        assertThat(TicketText.line(ticket)).isEqualTo("UBND xã Nghi Lộc · Số thứ tự 1-023 · Đất đai · "
                + "Trước bạn: 5 người · Dự kiến chờ: 12 phút · 08:15 23/11/2026 · Your number 1-023 · Land");
    }

    @Test
    void priority_and_status_link_are_printed_when_given_and_the_time_is_office_time() {
        // Issued at 01:15 UTC, which is 08:15 in Vietnam; a hub on UTC must not print 01:15.
        TicketIssued issued = new TicketIssued("2-007", "HT", 7, 0, Optional.empty(),
                OffsetDateTime.parse("2026-11-23T01:15:00Z"), Optional.of("ELDERLY"), Optional.of("http://hub.local/t/7Q4K"));

        TicketView ticket = TicketView.of(issued, Optional.empty(), Optional.empty());

        assertThat(TicketText.line(ticket)).isEqualTo("Số thứ tự 2-007 · HT · Ưu tiên: ELDERLY · Trước bạn: 0 người · "
                + "08:15 23/11/2026 · Tra cứu: http://hub.local/t/7Q4K · Your number 2-007 · HT");
    }

    @Test
    void a_ticket_the_hub_warns_about_says_it_may_not_be_served_today_instead_of_the_estimate() {
        TicketIssued issued = new TicketIssued("1-090", "DD", 90, 41, Optional.of(250),
                OffsetDateTime.parse("2026-11-23T14:05:00+07:00"), Optional.empty(), Optional.empty(), true);

        TicketView ticket = TicketView.of(issued, Samples.catalogue().services().stream().findFirst(), Optional.empty());

        assertThat(TicketText.line(ticket)).isEqualTo("Số thứ tự 1-090 · Đất đai · Trước bạn: 41 người · "
                + "Có thể không được phục vụ trong hôm nay · 14:05 23/11/2026 · Your number 1-090 · Land · "
                + "You may not be served today");
    }
}
