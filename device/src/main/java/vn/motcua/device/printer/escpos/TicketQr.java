package vn.motcua.device.printer.escpos;

import java.util.Map;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The status-link QR code on a ticket: its modules and how large it is printed, the same whether the unit draws it
 * into the raster or the printer draws it natively ({@code GS ( k}), so both tickets look alike. Stateless.
 */
final class TicketQr {

    /** Error correction M: survives a smudge or a fold, and keeps a 60-character link at version 4 (33 modules). */
    static final ErrorCorrectionLevel LEVEL = ErrorCorrectionLevel.M;
    /** White modules each side that a reader needs (ISO/IEC 18004); the printer never adds them. */
    static final int QUIET_MODULES = 4;
    /** Modules of at least 2 dots (0.25 mm at 203 dpi); phones read smaller poorly off thermal paper. */
    static final int MIN_MODULE_DOTS = 2;

    private TicketQr() {
    }

    /** The modules of {@code data}, without quiet zone; {@code charset} names how the bytes are to be read. */
    static BitMatrix matrix(String data, ErrorCorrectionLevel level, String charset) {
        try {
            return new QRCodeWriter().encode(data, BarcodeFormat.QR_CODE, 0, 0, Map.of(
                    EncodeHintType.MARGIN, 0,
                    EncodeHintType.ERROR_CORRECTION, level,
                    EncodeHintType.CHARACTER_SET, charset));
        } catch (WriterException e) {
            throw new IllegalArgumentException("too long for a QR code (" + data.length() + " characters): " + data, e);
        }
    }

    /** Dots per module: at most {@code maxDots}, and the symbol with its quiet zone at most half the paper. */
    static int moduleDots(int modules, int paperDots, int maxDots) {
        return Math.max(MIN_MODULE_DOTS, Math.min(maxDots, paperDots / 2 / (modules + 2 * QUIET_MODULES)));
    }
}
