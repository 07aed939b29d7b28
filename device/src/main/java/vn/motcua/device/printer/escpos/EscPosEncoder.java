package vn.motcua.device.printer.escpos;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;

/**
 * The ESC/POS frames the ticket printer needs, as bytes: initialise, print a raster image ({@code GS v 0}),
 * feed, cut, and ask for status ({@code DLE EOT}). Stateless; any thread.
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
