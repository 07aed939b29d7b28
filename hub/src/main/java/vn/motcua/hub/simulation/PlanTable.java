package vn.motcua.hub.simulation;

import java.util.Locale;

/** A {@link StaffingPlan} as a plain-text table for a terminal, headings in Vietnamese and English. */
final class PlanTable {

    private PlanTable() {
    }

    static String of(PlanExport plan) {
        StringBuilder out = new StringBuilder();
        line(out, "%s — kế hoạch bố trí quầy / staffing plan: chờ ≤ %s phút ở p%s / wait ≤ %s min at p%s",
                plan.office(), number(plan.targetWaitMin()), number(plan.percentile()), number(plan.targetWaitMin()),
                number(plan.percentile()));
        line(out, "%d ngày / days, seed %d, %d lượt mô phỏng / simulation runs", plan.days(), plan.seed(), plan.runs());
        line(out, "");
        line(out, "%-13s %5s %-22s %-26s %9s %9s %s", "Giờ / time", "quầy", "quầy / counters", "dịch vụ / services",
                "p chờ", "mọi quầy", "");
        line(out, "%-13s %5s %-22s %-26s %9s %9s %s", "", "n", "", "", "wait", "all", "");
        for (PlanExport.HalfHour h : plan.halfHours()) {
            String verdict = h.meetsTarget() ? "đạt / met"
                    : h.feasible() ? "CHƯA ĐẠT / missed" : "KHÔNG THỂ ĐẠT / cannot be met";
            line(out, "%-13s %5d %-22s %-26s %9.1f %9.1f %s", h.start() + "–" + h.end(), h.staffed(),
                    join(h.counters()), join(h.services()), h.reachedMin(), h.allCountersMin(), verdict);
        }
        line(out, "");
        line(out, "Quầy·nửa giờ / counter half hours: %d (mọi quầy cả ngày / every counter all day: %d)",
                plan.staffedHalfHours(), plan.allHalfHours());
        if (!plan.extraCounters().isEmpty()) {
            line(out, "Quầy thêm ngoài các quầy hiện có / extra counters beyond the office's own:");
            for (PlanExport.ExtraCounter extra : plan.extraCounters()) {
                line(out, "  quầy %d như quầy %d / counter %d like counter %d (%s): %s", extra.counter(), extra.like(),
                        extra.counter(), extra.like(), join(extra.services()), join(extra.halfHours()));
            }
        }
        if (plan.cannotMeet().isEmpty()) {
            line(out, "Mọi nửa giờ đạt mục tiêu / every half hour meets the target.");
        } else {
            line(out, "Các quầy hiện có không thể đạt mục tiêu kể cả khi mở hết / the office's own counters cannot meet the "
                    + "target even all staffed: %s", String.join(", ", plan.cannotMeet()));
            if (plan.extraCounters().isEmpty()) {
                line(out, "Ở các nửa giờ đó kế hoạch giữ thời gian chờ không tệ hơn khi mở mọi quầy (cột \"mọi quầy\") / "
                        + "there the plan keeps waits no worse than every counter reaches (column \"all\").");
            } else {
                line(out, "Ở đó kế hoạch mở thêm các quầy trên; nửa giờ nào vẫn \"KHÔNG THỂ ĐẠT\" cần thêm nữa (--extra-counters) / "
                        + "there the plan opens the extra counters above; a half hour still \"cannot be met\" needs more "
                        + "(--extra-counters).");
            }
        }
        return out.toString();
    }

    private static String join(java.util.List<?> items) {
        return String.join(" ", items.stream().map(String::valueOf).toList());
    }

    private static String number(double value) {
        return value == Math.rint(value) ? String.valueOf((long) value) : String.valueOf(value);
    }

    private static void line(StringBuilder out, String format, Object... args) {
        out.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
