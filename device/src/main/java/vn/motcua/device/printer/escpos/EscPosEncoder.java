package vn.motcua.device.printer.escpos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;

/**
 * The ESC/POS frames the ticket printer needs, as bytes: initialise, print a raster image ({@code GS v 0}),
 * justify ({@code ESC a}), a native QR code ({@code GS ( k}), feed, cut, and ask for status ({@code DLE EOT}).
 * Stateless; any thread.
 */
public final class EscPosEncoder {

    static final byte ESC = 0x1B;
    static final byte GS = 0x1D;
    static final byte DLE = 0x10;
    static final byte EOT = 0x04;

    /** {@code GS V 66 n}: feed n dots, then cut leaving one point uncut. */
    static final byte CUT_PARTIAL_AFTER_FEED = 66;

    /** {@code DLE EOT n} selectors. */
    public static final int STATUS_PRINTER = 1;
    public static final int STATUS_OFFLINE_CAUSE = 2;
    public static final int STATUS_ERROR_CAUSE = 3;
    public static final int STATUS_PAPER_SENSOR = 4;

    /** {@code GS ( k} QR code functions (cn = 49): model, module size, error correction, store, print. */
    static final int QR = 49;
    static final int QR_MODEL = 65;
    static final int QR_MODULE_SIZE = 67;
    static final int QR_ERROR_CORRECTION = 69;
    static final int QR_STORE = 80;
    static final int QR_PRINT = 81;
    /** Function 165's n1 for QR model 2, the model every phone reads. */
    static final int QR_MODEL_2 = 50;
    /** Function 169's n for level L; M, Q and H follow. */
    static final int QR_LEVEL_L = 48;
    static final int QR_MAX_MODULE_DOTS = 16;
    /** Function 180 stores at most 7089 bytes ({@code pL + pH × 256 ≤ 7092}). */
    static final int QR_MAX_DATA = 7089;

    /** {@code ESC a n} print positions. */
    public enum Justification { LEFT, CENTER, RIGHT }

    /** The widest {@code GS v 0} image, in bytes per row ({@code xL xH}) and rows ({@code yL yH}). */
    static final int MAX_WIDTH_BYTES = 255;
    static final int MAX_HEIGHT = 0xFFFF;

    private EscPosEncoder() {
    }

    /** {@code ESC @}: clears the buffer and resets modes. */
    public static byte[] init() {
        return new byte[] {ESC, '@'};
    }

    /**
     * {@code GS v 0 m xL xH yL yH d…} in normal mode (m = 0): rows top to bottom, each row {@code ceil(w/8)} bytes,
     * most significant bit leftmost, 1 = black. A pixel is black when its luminance is below half.
     */
    public static byte[] raster(BufferedImage image) {
        int w = image.getWidth();
        int h = image.getHeight();
        int rowBytes = (w + 7) / 8;
        if (rowBytes > MAX_WIDTH_BYTES || h > MAX_HEIGHT) {
            throw new IllegalArgumentException("image " + w + "x" + h + " exceeds GS v 0 limits");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + rowBytes * h);
        out.writeBytes(new byte[] {GS, 'v', '0', 0,
                (byte) rowBytes, (byte) (rowBytes >> 8), (byte) h, (byte) (h >> 8)});
        for (int y = 0; y < h; y++) {
            for (int bx = 0; bx < rowBytes; bx++) {
                int bits = 0;
                for (int i = 0; i < 8; i++) {
                    int x = bx * 8 + i;
                    if (x < w && isBlack(image.getRGB(x, y))) {
                        bits |= 0x80 >> i;
                    }
                }
                out.write(bits);
            }
        }
        return out.toByteArray();
    }

    /** {@code ESC a n}: where the following lines, images and QR codes are placed across the paper. */
    public static byte[] justify(Justification where) {
        return new byte[] {ESC, 'a', (byte) where.ordinal()};
    }

    /**
     * A QR code the printer encodes and prints itself, as the Epson ESC/POS reference's {@code GS ( k} functions
     * 165 (model 2), 167 (module size), 169 (error correction), 180 (store the data) and 181 (print). The printer
     * picks the version and mask, and adds no quiet zone: the caller leaves white room around it. Send it at the
     * beginning of a line.
     *
     * @param data       printable ASCII (stored as bytes, with no character set marked)
     * @param moduleDots 1-16 dots per module
     */
    public static byte[] qrCode(String data, int moduleDots, ErrorCorrectionLevel level) {
        if (!isNativeQrData(data)) {
            throw new IllegalArgumentException("QR data must be 1-" + QR_MAX_DATA + " printable ASCII characters");
        }
        if (moduleDots < 1 || moduleDots > QR_MAX_MODULE_DOTS) {
            throw new IllegalArgumentException("QR module size must be 1-16 dots, was " + moduleDots);
        }
        byte[] bytes = data.getBytes(StandardCharsets.US_ASCII);
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length + 40);
        out.writeBytes(qrFunction(QR_MODEL, QR_MODEL_2, 0));
        out.writeBytes(qrFunction(QR_MODULE_SIZE, moduleDots));
        out.writeBytes(qrFunction(QR_ERROR_CORRECTION, QR_LEVEL_L + level.ordinal()));
        int length = bytes.length + 3;
        out.writeBytes(new byte[] {GS, '(', 'k', (byte) length, (byte) (length >> 8), QR, QR_STORE, '0'});
        out.writeBytes(bytes);
        out.writeBytes(qrFunction(QR_PRINT, '0'));
        return out.toByteArray();
    }

    /**
     * True when a printer can be trusted to encode {@code data}: 1-7089 printable ASCII characters. Other text is
     * stored as bytes without a character set, which phones may read differently.
     */
    public static boolean isNativeQrData(String data) {
        return data.length() <= QR_MAX_DATA && data.matches("[\\x20-\\x7E]+");
    }

    /** {@code GS ( k pL pH 49 fn parameters…}, for the functions whose parameters are a few bytes. */
    private static byte[] qrFunction(int fn, int... parameters) {
        byte[] frame = new byte[7 + parameters.length];
        frame[0] = GS;
        frame[1] = '(';
        frame[2] = 'k';
        frame[3] = (byte) (2 + parameters.length);
        frame[4] = 0;
        frame[5] = QR;
        frame[6] = (byte) fn;
        for (int i = 0; i < parameters.length; i++) {
            frame[7 + i] = (byte) parameters[i];
        }
        return frame;
    }

    /** {@code ESC d n}: print the buffer and feed n lines. */
    public static byte[] feedLines(int lines) {
        return new byte[] {ESC, 'd', unsignedByte(lines, "lines")};
    }

    /** {@code GS V 66 n}: feed n dots (so the ticket clears the blade), then partial cut. */
    public static byte[] partialCut(int feedDots) {
        return new byte[] {GS, 'V', CUT_PARTIAL_AFTER_FEED, unsignedByte(feedDots, "feedDots")};
    }

    /** {@code DLE EOT n}: the printer answers with one status byte, even while offline. */
    public static byte[] statusRequest(int selector) {
        if (selector < STATUS_PRINTER || selector > STATUS_PAPER_SENSOR) {
            throw new IllegalArgumentException("DLE EOT selector must be 1-4, was " + selector);
        }
        return new byte[] {DLE, EOT, (byte) selector};
    }

    private static boolean isBlack(int argb) {
        int r = (argb >> 16) & 0xFF;
        int g = (argb >> 8) & 0xFF;
        int b = argb & 0xFF;
        return (r * 299 + g * 587 + b * 114) / 1000 < 128;
    }

    private static byte unsignedByte(int value, String name) {
        if (value < 0 || value > 255) {
            throw new IllegalArgumentException(name + " must be 0-255, was " + value);
        }
        return (byte) value;
    }
}
