package vn.motcua.hub.simulation;

import java.util.Locale;

/** A {@link PolicyComparison} as a plain-text table for a terminal, headings in Vietnamese and English. */
final class PolicyTable {

    private PolicyTable() {
    }

    static String of(String office, long seed, PolicyComparison comparison) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — so sánh chính sách / policy comparison, %d ngày / days, seed %d", office,
                comparison.rows().getFirst().summary().days(), seed);
        line(out, "Chờ tính bằng phút / waits in minutes, gồm người chưa được gọi tính đến khi về / including citizens "
                + "never called, counted until they left; đã gọi = chỉ người đã gọi / called only");
        line(out, "ưu tiên = công dân ưu tiên / priority citizens; gộp = mọi quầy làm mọi dịch vụ / pooled = every counter "
                + "serves everything");
        line(out, "");
        line(out, "%-30s %6s %6s %6s %6s %6s %6s %6s %6s %6s %7s %7s %6s %9s %8s %8s", "Chính sách / policy", "lượt",
                "mean", "p50", "p90", "p95", "max", "≤15", "≤30", "đã gọi", "ưu tiên", "ưt p95", "util", "hồ sơ/QN",
                "chưa gọi", "÷ gộp");
        line(out, "%-30s %6s %6s %6s %6s %6s %6s %6s %6s %6s %7s %7s %6s %9s %8s %8s", "", "visits", "", "", "", "", "",
                "", "", "called", "prio", "prio95", "", "files/off", "censored", "÷ pooled");
        for (PolicyComparison.Row row : comparison.rows()) {
            Summary s = row.summary();
            WaitStats w = s.waits();
            line(out, "%-30s %6d %6.1f %6.1f %6.1f %6.1f %6.1f %5.0f%% %5.0f%% %6.1f %7.1f %7.1f %5.0f%% %9.1f %8d %8.2f",
                    row.pooled() ? "gộp / pooled (" + row.policy() + ")" : row.policy(), s.visits(), w.mean(), w.p50(),
                    w.p90(), w.p95(), w.max(), 100 * w.within15(), 100 * w.within30(), s.calledWaits().mean(),
                    s.priorityWaits().mean(), s.priorityWaits().p95(), 100 * row.utilisation(),
                    row.filesPerOfficerPerDay(), w.censored(), comparison.relativeToPooled(row));
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
