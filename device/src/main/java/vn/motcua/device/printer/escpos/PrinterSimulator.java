package vn.motcua.device.printer.escpos;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import javax.imageio.ImageIO;

import vn.motcua.protocol.message.EventBody.Paper;

/**
 * A thermal printer in memory, plugged in as a {@link PrinterPort}: it parses the ESC/POS stream
 * ({@code ESC @}, {@code ESC a}, {@code ESC d}, {@code GS v 0}, {@code GS ( k} QR, {@code GS V}, {@code DLE EOT}),
 * decodes the rasters back into images, draws native QR codes as a printer would (ZXing, no quiet zone, placed by
 * the justification), starts a new ticket at every cut, and answers status requests from the state tests set. Bytes
 * it does not know fail the write, so an encoding mistake is loud. Thread-safe: the printer thread writes while
 * tests read.
 */
public final class PrinterSimulator implements PrinterPort {

    /** Dots per line of {@code ESC d}. */
    static final int LINE_DOTS = 30;

    private final int widthDots;
    private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
    private final ArrayDeque<Integer> answers = new ArrayDeque<>();
    private final List<BufferedImage> bands = new ArrayList<>();
    private final List<BufferedImage> tickets = new ArrayList<>();
    private int inits;
    private int justification;
    private final NativeQr qr = new NativeQr();
    private Paper paper = Paper.OK;
    private boolean coverOpen;
    private boolean online = true;

    public PrinterSimulator(PaperWidth paper) {
        this.widthDots = paper.dots();
    }

    /** Sets what the next status answers report. */
    public synchronized void state(Paper paper, boolean coverOpen, boolean online) {
        this.paper = paper;
        this.coverOpen = coverOpen;
        this.online = online;
    }

    /** Tickets cut so far, oldest first, each the rasters and feeds since the previous cut. */
    public synchronized List<BufferedImage> tickets() {
        return List.copyOf(tickets);
    }

    public synchronized Optional<BufferedImage> lastTicket() {
        return tickets.isEmpty() ? Optional.empty() : Optional.of(tickets.getLast());
    }

    /** How many {@code ESC @} it has received. */
    public synchronized int inits() {
        return inits;
    }

    /** Writes {@code image} as a PNG, creating the folder. */
    public static Path writePng(BufferedImage image, Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Override
    public OutputStream output() {
        return new OutputStream() {
            @Override
            public void write(int b) {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) {
                receive(b, off, len);
            }
        };
    }

    @Override
    public Optional<InputStream> input() {
        return Optional.of(new InputStream() {
            @Override
            public int read() {
                synchronized (PrinterSimulator.this) {
                    return answers.isEmpty() ? -1 : answers.poll();
                }
            }

            @Override
            public int available() {
                synchronized (PrinterSimulator.this) {
                    return answers.size();
                }
            }
        });
    }

    @Override
    public void close() {
    }

    private synchronized void receive(byte[] b, int off, int len) {
        pending.write(b, off, len);
        byte[] data = pending.toByteArray();
        int used = parse(data);
        pending.reset();
        pending.write(data, used, data.length - used);
    }

    /** Consumes complete commands; returns how many bytes it used. */
    private int parse(byte[] d) {
        int p = 0;
        while (p < d.length) {
            int n = command(d, p);
            if (n == 0) {
                break;
            }
            p += n;
        }
        return p;
    }

    /** Executes the command at {@code p}; 0 when it is not complete yet. */
    private int command(byte[] d, int p) {
        int left = d.length - p;
        if (left < 2) {
            return 0;
        }
        int a = d[p] & 0xFF;
        int b = d[p + 1] & 0xFF;
        if (a == EscPosEncoder.ESC && b == '@') {
            inits++;
            justification = 0;
            qr.reset();
            return 2;
        }
        if (a == EscPosEncoder.ESC && b == 'a') {
            if (left < 3) {
                return 0;
            }
            int n = d[p + 2] & 0xFF;
            justification = n >= '0' ? n - '0' : n; // 0-2 or '0'-'2'
            if (justification > 2) {
                throw new IllegalStateException("ESC a takes 0-2, got " + (d[p + 2] & 0xFF));
            }
            return 3;
        }
        if (a == EscPosEncoder.GS && b == '(') {
            return twoDimensionCode(d, p);
        }
        if (a == EscPosEncoder.ESC && b == 'd') {
            if (left < 3) {
                return 0;
            }
            feed((d[p + 2] & 0xFF) * LINE_DOTS);
            return 3;
        }
        if (a == EscPosEncoder.DLE && b == EscPosEncoder.EOT) {
            if (left < 3) {
                return 0;
            }
            answers.add(answer(d[p + 2] & 0xFF));
            return 3;
        }
        if (a == EscPosEncoder.GS && b == 'V') {
            if (left < 3) {
                return 0;
            }
            int m = d[p + 2] & 0xFF;
            if (m == 65 || m == 66) {
                if (left < 4) {
                    return 0;
                }
                feed(d[p + 3] & 0xFF);
                cut();
                return 4;
            }
            cut();
            return 3;
        }
        if (a == EscPosEncoder.GS && b == 'v') {
            return raster(d, p);
        }
        throw new IllegalStateException(String.format("unknown ESC/POS bytes 0x%02X 0x%02X", a, b));
    }

    private int raster(byte[] d, int p) {
        if (d.length - p < 8) {
            return 0;
        }
        if (d[p + 2] != '0' || d[p + 3] != 0) {
            throw new IllegalStateException("GS v only supports '0' with mode 0, got " + d[p + 2] + " " + d[p + 3]);
        }
        int rowBytes = (d[p + 4] & 0xFF) | (d[p + 5] & 0xFF) << 8;
        int height = (d[p + 6] & 0xFF) | (d[p + 7] & 0xFF) << 8;
        if (rowBytes * 8 > widthDots) {
            throw new IllegalStateException("raster " + rowBytes * 8 + " dots wide on " + widthDots + "-dot paper");
        }
        int size = 8 + rowBytes * height;
        if (d.length - p < size) {
            return 0;
        }
        BufferedImage band = blank(height);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < rowBytes * 8; x++) {
                int bits = d[p + 8 + y * rowBytes + x / 8] & 0xFF;
                if ((bits & (0x80 >> (x % 8))) != 0) {
                    band.setRGB(x, y, Color.BLACK.getRGB());
                }
            }
        }
        bands.add(band);
        return size;
    }

    /** {@code GS ( k pL pH cn fn …}: only QR codes (cn = 49). */
    private int twoDimensionCode(byte[] d, int p) {
        if (d.length - p < 7) {
            return 0;
        }
        if (d[p + 2] != 'k') {
            throw new IllegalStateException(String.format("GS ( 0x%02X is not a command it knows", d[p + 2]));
        }
        int length = (d[p + 3] & 0xFF) | (d[p + 4] & 0xFF) << 8;
        int size = 5 + length;
        if (d.length - p < size) {
            return 0;
        }
        if ((d[p + 5] & 0xFF) != EscPosEncoder.QR) {
            throw new IllegalStateException("GS ( k symbol " + (d[p + 5] & 0xFF) + " is not a QR code (49)");
        }
        byte[] parameters = Arrays.copyOfRange(d, p + 7, p + size);
        qr.function(d[p + 6] & 0xFF, parameters).ifPresent(this::placeQr);
        return size;
    }

    /** A printed QR symbol goes below what is printed so far, across the paper as justified. */
    private void placeQr(BufferedImage symbol) {
        if (symbol.getWidth() > widthDots) {
            throw new IllegalStateException("QR code " + symbol.getWidth() + " dots wide on " + widthDots + "-dot paper");
        }
        BufferedImage band = blank(symbol.getHeight());
        int x = switch (justification) {
            case 0 -> 0;
            case 1 -> (widthDots - symbol.getWidth()) / 2;
            default -> widthDots - symbol.getWidth();
        };
        Graphics2D g = band.createGraphics();
        try {
            g.drawImage(symbol, x, 0, null);
        } finally {
            g.dispose();
        }
        bands.add(band);
    }

    private int answer(int selector) {
        int b = EscPosStatus.FIXED_VALUE;
        switch (selector) {
            case EscPosEncoder.STATUS_PRINTER -> b |= online ? 0 : EscPosStatus.PRINTER_OFFLINE;
            case EscPosEncoder.STATUS_OFFLINE_CAUSE -> b |= (coverOpen ? EscPosStatus.COVER_OPEN : 0)
                    | (paper == Paper.OUT ? EscPosStatus.STOPPED_PAPER_END : 0);
            case EscPosEncoder.STATUS_ERROR_CAUSE -> { }
            case EscPosEncoder.STATUS_PAPER_SENSOR -> b |= paper == Paper.OUT ? EscPosStatus.PAPER_END | EscPosStatus.PAPER_NEAR_END
                    : paper == Paper.LOW ? EscPosStatus.PAPER_NEAR_END : 0;
            default -> throw new IllegalStateException("DLE EOT " + selector + " is not a status request");
        }
        return b;
    }

    private void feed(int dots) {
        if (dots > 0) {
            bands.add(blank(dots));
        }
    }

    private void cut() {
        int height = bands.stream().mapToInt(BufferedImage::getHeight).sum();
        BufferedImage ticket = blank(Math.max(1, height));
        Graphics2D g = ticket.createGraphics();
        try {
            int y = 0;
            for (BufferedImage band : bands) {
                g.drawImage(band, 0, y, null);
                y += band.getHeight();
            }
        } finally {
            g.dispose();
        }
        tickets.add(ticket);
        bands.clear();
    }

    private BufferedImage blank(int height) {
        BufferedImage image = new BufferedImage(widthDots, height, BufferedImage.TYPE_BYTE_BINARY);
        Graphics2D g = image.createGraphics();
        try {
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, widthDots, height);
        } finally {
            g.dispose();
        }
        return image;
    }
}
