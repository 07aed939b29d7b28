package vn.motcua.hub.simulation;

import java.util.Locale;

/** A {@link Summary} as a plain-text table for a terminal, headings in Vietnamese and English. */
final class SummaryTable {

    private SummaryTable() {
    }

    static String of(String office, String policy, Summary s) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — %s, %d ngày / days", office, policy, s.days());
        line(out, "Lượt đến / visits %d (mang sang / carried in %d): phục vụ / served %d, vắng / no-show %d, "
                        + "bỏ về / cancelled %d, chưa phục vụ khi đóng cửa / unserved at close %d, không lấy được số / turned away %d",
                s.visits(), s.carriedIn(), s.count(Visit.Outcome.SERVED), s.count(Visit.Outcome.NO_SHOW),
                s.count(Visit.Outcome.CANCELLED), s.count(Visit.Outcome.UNSERVED_AT_CLOSE),
                s.count(Visit.Outcome.TURNED_AWAY));
        line(out, "");
        line(out, "Chờ gồm cả người chưa được gọi, tính đến khi về / waits include citizens never called, counted until "
                + "they left (chưa gọi / censored)");
        line(out, "%-28s %6s %8s %6s %6s %6s %6s %6s %7s %7s", "Chờ (phút) / wait (min)", "n", "chưa gọi", "mean",
                "p50", "p90", "p95", "max", "≤15", "≤30");
        row(out, "tất cả / all", s.waits());
        row(out, "chỉ người đã gọi / called", s.calledWaits());
        row(out, "ưu tiên / priority", s.priorityWaits());
        line(out, "");
        line(out, "%-8s %14s %16s %8s", "Quầy", "sử dụng / util", "hồ sơ/ngày files", "nghỉ");
        s.counters().forEach(c -> line(out, "%-8d %13.0f%% %16.1f %8d", c.counter(), 100 * c.utilisation(),
                c.filesPerDay(), c.breaks()));
        line(out, "Đánh giá / ratings: %d", s.rated());
        return out.toString();
    }

    private static void row(StringBuilder out, String name, WaitStats w) {
        line(out, "%-28s %6d %8d %6.1f %6.1f %6.1f %6.1f %6.1f %6.0f%% %6.0f%%", name, w.count(), w.censored(), w.mean(),
                w.p50(), w.p90(), w.p95(), w.max(), 100 * w.within15(), 100 * w.within30());
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
