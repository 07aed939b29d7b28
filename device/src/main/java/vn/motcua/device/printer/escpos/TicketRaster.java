package vn.motcua.device.printer.escpos;

import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.google.zxing.common.BitMatrix;

import vn.motcua.device.printer.TicketView;

/**
 * Draws a ticket as a 1-bit image exactly as wide as the paper and as tall as its content: office, service,
 * the number large, people ahead, wait, time, priority mark, a QR code of the status link and one English line.
 * Vietnamese is drawn with the bundled DejaVu fonts, so no printer code page is involved. Works headless.
 * Immutable; {@link #render} may be called from any thread.
 */
public final class TicketRaster {

    private static final DateTimeFormatter ISSUED = DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy");

    private final int width;
    private final float scale;

    public TicketRaster(PaperWidth paper) {
        this.width = paper.dots();
        this.scale = paper == PaperWidth.MM80 ? 1f : 0.8f;
    }

    /**
     * A ticket cut around its QR code, for a printer that draws the QR itself ({@code GS ( k}): print {@code above},
     * then the QR of {@code qrData} centred at {@code moduleDots} dots per module, then {@code below}. The cuts leave
     * the quiet zone white in {@code above} and {@code below}, and the whole is as tall as {@link #render}'s image.
     */
    public record AroundQr(BufferedImage above, String qrData, int moduleDots, BufferedImage below) {
    }

    /** The ticket as a {@link BufferedImage#TYPE_BYTE_BINARY} image, black on white. */
    public BufferedImage render(TicketView t) {
        return paint(t, false).image();
    }

    /**
     * The ticket with its QR code left for the printer to draw; empty when it has no status link, or one a printer
     * cannot be trusted to encode ({@link EscPosEncoder#isNativeQrData}).
     */
    public Optional<AroundQr> renderAroundQr(TicketView t) {
        if (t.statusUrl().isEmpty() || !EscPosEncoder.isNativeQrData(t.statusUrl().get())) {
            return Optional.empty();
        }
        Painted painted = paint(t, true);
        QrSlot slot = painted.slot().orElseThrow();
        BufferedImage image = painted.image();
        return Optional.of(new AroundQr(crop(image, 0, slot.top()), t.statusUrl().get(), slot.moduleDots(),
                crop(image, slot.bottom(), image.getHeight())));
    }

    /** Where the QR's modules go in a painted ticket, rows {@code top} to {@code bottom} (exclusive). */
    private record QrSlot(int top, int bottom, int moduleDots) {
    }

    private record Painted(BufferedImage image, Optional<QrSlot> slot) {
    }

    private Painted paint(TicketView t, boolean leaveQrOut) {
        BufferedImage scratch = new BufferedImage(width, 3000, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = scratch.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, width, scratch.getHeight());
            g.setColor(Color.BLACK);
            // 1-bit output: anti-aliasing would only be thresholded away, hinting keeps strokes even.
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_OFF);
            g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_OFF);
            Pen pen = new Pen(g, width, margin());
            draw(pen, t, leaveQrOut);
            if (pen.y() > scratch.getHeight()) {
                throw new IllegalArgumentException("ticket " + t.ticket() + " is taller than " + scratch.getHeight()
                        + " dots; are the office or service names unreasonably long?");
            }
            return new Painted(crop(scratch, 0, pen.y()), Optional.ofNullable(pen.qrSlot));
        } finally {
            g.dispose();
        }
    }

    private void draw(Pen pen, TicketView t, boolean leaveQrOut) {
        pen.gap(size(6));
        t.officeName().ifPresent(office -> pen.centered(office, bold(26)));
        pen.rule(size(10));
        pen.centered(t.serviceNameVi(), bold(34));
        pen.gap(size(8));
        pen.centered("SỐ THỨ TỰ", regular(24));
        pen.gap(size(20));
        pen.tight(t.ticket(), numberFont(pen.g, t.ticket()));
        pen.gap(size(16));
        t.priority().ifPresent(priority -> pen.inverted("ƯU TIÊN · " + priority, bold(28)));
        pen.gap(size(6));
        pen.centered(t.aheadLine(), regular(26));
        if (t.mayNotBeServedToday()) {
            // In place of the estimate, and as loud as the priority mark: the citizen decides whether to stay.
            pen.inverted(TicketView.MAY_NOT_BE_SERVED_VI, bold(24));
        } else {
            pen.centered(t.estimateMin().map(m -> "Dự kiến chờ: " + m + " phút")
                    .orElse("Dự kiến chờ: chưa có"), regular(26));
        }
        pen.centered(ISSUED.format(t.issuedAt()), regular(24));
        t.statusUrl().ifPresent(url -> {
            pen.gap(size(10));
            BitMatrix matrix = TicketQr.matrix(url, TicketQr.LEVEL, "UTF-8");
            int dot = TicketQr.moduleDots(matrix.getWidth(), width, size(7));
            if (leaveQrOut) {
                pen.qrSlot(matrix.getWidth(), dot);
            } else {
                pen.image(qr(matrix, dot));
            }
            pen.centered("Quét mã để theo dõi lượt", regular(20));
        });
        pen.rule(size(10));
        pen.centered(t.englishLine(), regular(20));
        pen.gap(size(6));
    }

    /** Bold, as large as fits the paper, at most 150 dots (19 mm) tall. */
    private Font numberFont(Graphics2D g, String number) {
        float size = 150f * scale;
        Font font = TicketFonts.BOLD.deriveFont(size);
        int available = width - 2 * margin();
        int measured = g.getFontMetrics(font).stringWidth(number);
        return measured <= available ? font : TicketFonts.BOLD.deriveFont(size * available / measured);
    }

    private static BufferedImage qr(BitMatrix matrix, int dot) {
        int modules = matrix.getWidth();
        int quiet = TicketQr.QUIET_MODULES;
        int side = (modules + 2 * quiet) * dot;
        BufferedImage image = new BufferedImage(side, side, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, side, side);
            g.setColor(Color.BLACK);
            for (int my = 0; my < modules; my++) {
                for (int mx = 0; mx < modules; mx++) {
                    if (matrix.get(mx, my)) {
                        g.fillRect((mx + quiet) * dot, (my + quiet) * dot, dot, dot);
                    }
                }
            }
        } finally {
            g.dispose();
        }
        return image;
    }

    /** Rows {@code top} to {@code bottom} (exclusive) of {@code scratch}, as an image of their own. */
    private static BufferedImage crop(BufferedImage scratch, int top, int bottom) {
        BufferedImage out = new BufferedImage(scratch.getWidth(), bottom - top, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = out.createGraphics();
        try {
            g.drawImage(scratch, 0, -top, null);
        } finally {
            g.dispose();
        }
        return out;
    }

    private int margin() {
        return size(12);
    }

    private int size(int dotsAt80mm) {
        return Math.round(dotsAt80mm * scale);
    }

    private Font regular(int dotsAt80mm) {
        return TicketFonts.REGULAR.deriveFont((float) Math.max(18, size(dotsAt80mm)));
    }

    private Font bold(int dotsAt80mm) {
        return TicketFonts.BOLD.deriveFont((float) Math.max(18, size(dotsAt80mm)));
    }

    /** Draws top to bottom, centring lines and wrapping them at word boundaries. */
    private static final class Pen {
        private final Graphics2D g;
        private final int width;
        private final int margin;
        private int y;
        private QrSlot qrSlot;

        Pen(Graphics2D g, int width, int margin) {
            this.g = g;
            this.width = width;
            this.margin = margin;
        }

        int y() {
            return y;
        }

        void gap(int dots) {
            y += dots;
        }

        void centered(String text, Font font) {
            g.setFont(font);
            FontMetrics m = g.getFontMetrics();
            for (String line : wrap(text, m)) {
                g.drawString(line, (width - m.stringWidth(line)) / 2, y + m.getAscent());
                y += m.getAscent() + m.getDescent();
            }
        }

        /** Centred by the glyphs' ink, not the font's line box: the large number wastes no paper. */
        void tight(String text, Font font) {
            Rectangle2D ink = font.createGlyphVector(g.getFontRenderContext(), text).getVisualBounds();
            g.setFont(font);
            g.drawString(text, (float) ((width - ink.getWidth()) / 2 - ink.getX()), (float) (y - ink.getY()));
            y += (int) Math.ceil(ink.getHeight());
        }

        /** White text on a black band, wrapped like {@link #centered}: the priority mark, the not-today warning. */
        void inverted(String text, Font font) {
            g.setFont(font);
            FontMetrics m = g.getFontMetrics();
            int pad = m.getDescent();
            List<String> lines = wrap(text, m);
            int widest = lines.stream().mapToInt(m::stringWidth).max().orElse(0);
            int w = Math.min(width - 2 * margin, widest + 4 * pad);
            int lineHeight = m.getAscent() + m.getDescent();
            int h = lines.size() * lineHeight + 2 * pad;
            g.fillRect((width - w) / 2, y, w, h);
            g.setColor(Color.WHITE);
            int baseline = y + pad + m.getAscent();
            for (String line : lines) {
                g.drawString(line, (width - m.stringWidth(line)) / 2, baseline);
                baseline += lineHeight;
            }
            g.setColor(Color.BLACK);
            y += h;
        }

        void rule(int space) {
            y += space;
            g.fillRect(margin, y, width - 2 * margin, 2);
            y += 2 + space;
        }

        /** Leaves white room for a QR code of {@code modules} drawn by the printer, quiet zone included. */
        void qrSlot(int modules, int dot) {
            int top = y + TicketQr.QUIET_MODULES * dot;
            qrSlot = new QrSlot(top, top + modules * dot, dot);
            y += (modules + 2 * TicketQr.QUIET_MODULES) * dot;
        }

        void image(BufferedImage image) {
            g.drawImage(image, (width - image.getWidth()) / 2, y, null);
            y += image.getHeight();
        }

        private List<String> wrap(String text, FontMetrics m) {
            int max = width - 2 * margin;
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String word : text.split(" ")) {
                String candidate = line.isEmpty() ? word : line + " " + word;
                if (m.stringWidth(candidate) <= max || line.isEmpty()) {
                    line = candidate;
                } else {
                    lines.add(line);
                    line = word;
                }
            }
            lines.add(line);
            return lines;
        }
    }
}
