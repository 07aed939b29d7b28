package vn.motcua.hub.simulation;

import java.io.PrintStream;
import java.util.Locale;
import java.util.function.LongSupplier;

/**
 * The planner's progress on a terminal: one line redrawn in place ({@code \r}), shown only once the search has run
 * for a second (a quick plan prints nothing extra) and cleared at the end. Off the terminal (a pipe, a CI log) it
 * prints nothing: redrawn lines would only be noise in a file.
 */
final class ProgressBar implements StaffingPlanner.Progress {

    private static final long SHOW_AFTER_NANOS = 1_000_000_000L;
    private static final long REDRAW_NANOS = 100_000_000L;
    private static final int WIDTH = 30;

    private final PrintStream out;
    private final boolean terminal;
    private final LongSupplier nanos;
    private final long started;
    private long drawnAt;
    private int drawnLength;

    ProgressBar(PrintStream out, boolean terminal, LongSupplier nanos) {
        this.out = out;
        this.terminal = terminal;
        this.nanos = nanos;
        this.started = nanos.getAsLong();
        this.drawnAt = started - REDRAW_NANOS;
    }

    /** Whether the launcher found standard error to be a terminal ({@code ./motcua} sets the variable). */
    static boolean stderrIsTerminal() {
        return "1".equals(System.getenv("MOTCUA_STDERR_TTY"));
    }

    @Override
    public void update(String phase, double done, int runs) {
        long now = nanos.getAsLong();
        if (!terminal || now - started < SHOW_AFTER_NANOS || now - drawnAt < REDRAW_NANOS) {
            return;
        }
        int filled = (int) Math.round(Math.clamp(done, 0, 1) * WIDTH);
        String line = String.format(Locale.ROOT, "[%s%s] %3.0f%% %s · %d lượt chạy / runs · %d s", "#".repeat(filled),
                "-".repeat(WIDTH - filled), 100 * Math.clamp(done, 0, 1), phase, runs, (now - started) / 1_000_000_000L);
        out.print("\r" + line + " ".repeat(Math.max(0, drawnLength - line.length())));
        out.flush();
        drawnAt = now;
        drawnLength = line.length();
    }

    /** Clears the bar so what follows starts on a clean line. */
    void finish() {
        if (drawnLength > 0) {
            out.print("\r" + " ".repeat(drawnLength) + "\r");
            out.flush();
            drawnLength = 0;
        }
    }
}
