package vn.motcua.device.printer.escpos;

/** The printable width of a thermal roll at 203 dpi, in dots. */
public enum PaperWidth {
    /** 58 mm paper, 48 mm printable. */
    MM58(384),
    /** 80 mm paper, 72 mm printable. */
    MM80(576);

    private final int dots;

    PaperWidth(int dots) {
        this.dots = dots;
    }

    public int dots() {
        return dots;
    }
}
