package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import vn.motcua.protocol.message.EventBody.Paper;
import vn.motcua.protocol.message.EventBody.PrinterStatus;

class EscPosStatusTest {

    private static final int QUIET = 0x12;  // bits 1 and 4 always set, nothing to report

    @Test
    void quiet_answers_mean_paper_ok_cover_closed_online() {
        assertThat(EscPosStatus.parse(QUIET, QUIET, QUIET)).isEqualTo(new PrinterStatus(Paper.OK, false, true));
    }

    @Test
    void paper_near_end_sensor_reports_paper_low() {
        assertThat(EscPosStatus.parse(QUIET, QUIET,
                0x1E))                      // DLE EOT 4: 0x12 | bits 2-3 near end
                .isEqualTo(new PrinterStatus(Paper.LOW, false, true));
    }

    @Test
    void paper_end_sensor_reports_paper_out_even_when_near_end_is_also_set() {
        assertThat(EscPosStatus.parse(
                0x1A,                       // DLE EOT 1: 0x12 | bit 3 offline
                0x32,                       // DLE EOT 2: 0x12 | bit 5 stopped at paper end
                0x7E))                      // DLE EOT 4: 0x12 | bits 2-3 near end | bits 5-6 end
                .isEqualTo(new PrinterStatus(Paper.OUT, false, false));
    }

    @Test
    void cover_open_is_read_from_the_offline_cause() {
        assertThat(EscPosStatus.parse(0x1A,
                0x16,                       // DLE EOT 2: 0x12 | bit 2 cover open
                QUIET))
                .isEqualTo(new PrinterStatus(Paper.OK, true, false));
    }

    @Test
    void a_byte_without_the_fixed_bits_is_not_a_status_answer() {
        assertThat(EscPosStatus.isStatusByte(0x00)).isFalse();
        assertThatThrownBy(() -> EscPosStatus.parse(QUIET, 0x41, QUIET))
                .hasMessageContaining("DLE EOT 2").hasMessageContaining("0x41");
    }
}
