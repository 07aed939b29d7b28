package vn.motcua.device.printer.escpos;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The QR part of {@link PrinterSimulator}: the settings and stored data of {@code GS ( k} functions 165-181 as an
 * Epson printer keeps them (module size 3 and level L until set, data until replaced or {@code ESC @}), and the
 * symbol it prints, without quiet zone. Used under the simulator's lock.
 */
final class NativeQr {

    private static final int DEFAULT_MODULE_DOTS = 3;

    private int moduleDots;
    private ErrorCorrectionLevel level;
    private byte[] data;

    NativeQr() {
        reset();
    }

    void reset() {
        moduleDots = DEFAULT_MODULE_DOTS;
        level = ErrorCorrectionLevel.L;
        data = null;
    }

    /**
     * Runs function {@code fn} with the bytes after it; the printed symbol when it is the print function.
     *
     * @throws IllegalStateException for functions, parameters or data a printer would refuse
     */
    Optional<BufferedImage> function(int fn, byte[] parameters) {
        switch (fn) {
            case EscPosEncoder.QR_MODEL -> {
                expect(parameters.length == 2 && parameters[0] == EscPosEncoder.QR_MODEL_2 && parameters[1] == 0,
                        "only QR model 2 (n1 = 50, n2 = 0)");
            }
            case EscPosEncoder.QR_MODULE_SIZE -> {
                expect(parameters.length == 1 && parameters[0] >= 1
                        && parameters[0] <= EscPosEncoder.QR_MAX_MODULE_DOTS, "a module size of 1-16 dots");
                moduleDots = parameters[0];
            }
            case EscPosEncoder.QR_ERROR_CORRECTION -> {
                int n = parameters.length == 1 ? parameters[0] - EscPosEncoder.QR_LEVEL_L : -1;
                expect(n >= 0 && n < ErrorCorrectionLevel.values().length, "an error correction level of 48-51");
                level = ErrorCorrectionLevel.values()[n];
            }
            case EscPosEncoder.QR_STORE -> {
                expect(parameters.length >= 2 && parameters[0] == '0', "m = 48 and 1 or more data bytes");
                data = Arrays.copyOfRange(parameters, 1, parameters.length);
            }
            case EscPosEncoder.QR_PRINT -> {
                expect(parameters.length == 1 && parameters[0] == '0', "m = 48");
                expect(data != null, "data stored (function 180) before printing");
                return Optional.of(symbol());
            }
            default -> throw new IllegalStateException("GS ( k QR function " + fn + " is not one it knows");
        }
        return Optional.empty();
    }

    /** The stored bytes encoded as the printer does: no character set marked, so readers take them as Latin-1. */
    private BufferedImage symbol() {
        BitMatrix matrix = TicketQr.matrix(new String(data, StandardCharsets.ISO_8859_1), level, "ISO-8859-1");
        int side = matrix.getWidth() * moduleDots;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        int black = 0xFF000000;
        int white = 0xFFFFFFFF;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                image.setRGB(x, y, matrix.get(x / moduleDots, y / moduleDots) ? black : white);
            }
        }
        return image;
    }

    private static void expect(boolean condition, String what) {
        if (!condition) {
            throw new IllegalStateException("GS ( k QR: expected " + what);
        }
    }
}
