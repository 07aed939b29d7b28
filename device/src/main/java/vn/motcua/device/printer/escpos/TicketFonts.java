package vn.motcua.device.printer.escpos;

import java.awt.Font;
import java.awt.FontFormatException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * DejaVu Sans and Sans Bold, bundled under {@code /fonts/} so tickets print Vietnamese the same on every unit,
 * whatever fonts the OS has. Loaded once; {@link Font} is immutable, so any thread may use them.
 */
final class TicketFonts {

    static final Font REGULAR = load("/fonts/DejaVuSans.ttf");
    static final Font BOLD = load("/fonts/DejaVuSans-Bold.ttf");

    private TicketFonts() {
    }

    private static Font load(String resource) {
        try (InputStream in = TicketFonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("font missing from the firmware jar: " + resource);
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read font " + resource, e);
        } catch (FontFormatException e) {
            throw new IllegalStateException("bad font " + resource, e);
        }
    }
}
