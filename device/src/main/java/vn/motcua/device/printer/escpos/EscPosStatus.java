package vn.motcua.device.printer.escpos;

import vn.motcua.protocol.message.EventBody.Paper;
import vn.motcua.protocol.message.EventBody.PrinterStatus;

/**
 * Reads the answers to {@code DLE EOT 1}, {@code 2} and {@code 4}. Every answer byte has bits 1 and 4 set and
 * bits 0 and 7 clear; a byte without that shape is not a status answer (noise, or a printer in another mode).
 */
public final class EscPosStatus {

    static final int FIXED_MASK = 0b1001_0011;
    static final int FIXED_VALUE = 0b0001_0010;

    /** DLE EOT 1, bit 3: the printer is offline. */
    static final int PRINTER_OFFLINE = 0b0000_1000;
    /** DLE EOT 2, bit 2: the cover is open. */
    static final int COVER_OPEN = 0b0000_0100;
    /** DLE EOT 2, bit 5: printing stopped because the paper ran out. */
    static final int STOPPED_PAPER_END = 0b0010_0000;
    /** DLE EOT 4, bits 2-3: the paper roll is nearly used up. */
    static final int PAPER_NEAR_END = 0b0000_1100;
    /** DLE EOT 4, bits 5-6: no paper. */
    static final int PAPER_END = 0b0110_0000;

    private EscPosStatus() {
    }

    /** True when {@code b} has the fixed bits of a status answer. */
    public static boolean isStatusByte(int b) {
        return (b & FIXED_MASK) == FIXED_VALUE;
    }

    /**
     * The status from the three answers.
     *
     * @throws IllegalArgumentException when a byte is not a status answer
     */
    public static PrinterStatus parse(int printer, int offlineCause, int paperSensor) {
        check(printer, "DLE EOT 1");
        check(offlineCause, "DLE EOT 2");
        check(paperSensor, "DLE EOT 4");
        Paper paper = (paperSensor & PAPER_END) != 0 || (offlineCause & STOPPED_PAPER_END) != 0 ? Paper.OUT
                : (paperSensor & PAPER_NEAR_END) != 0 ? Paper.LOW
                : Paper.OK;
        return new PrinterStatus(paper, (offlineCause & COVER_OPEN) != 0, (printer & PRINTER_OFFLINE) == 0);
    }

    private static void check(int b, String answerTo) {
        if (!isStatusByte(b)) {
            throw new IllegalArgumentException(String.format("not an answer to %s: 0x%02X", answerTo, b & 0xFF));
        }
    }
}
