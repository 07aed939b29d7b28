package vn.motcua.hub.simulation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileDescriptor;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import vn.motcua.hub.site.Office;

/** The JSON and CSV exports, read back as a program would: Jackson for JSON, an RFC 4180 reader for CSV. */
class OutputFormatTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Office COMMUNE = SimOffices.COMMUNE;
    private static final SimulationOptions TWO_DAYS = SimulationOptions.defaults().withDays(2);

    record Awkward(String text, int n, List<Integer> numbers) {
    }

    @Test
    void csv_quotes_commas_quotes_and_line_breaks_and_reads_back_unchanged() {
        List<Awkward> rows = List.of(new Awkward("Đất đai, nhà ở", 1, List.of(1, 2)),
                new Awkward("say \"xin chào\"", 2, List.of()), new Awkward("hai\r\ndòng", 3, List.of(10)));

        String csv = OutputFormat.csv(Awkward.class, rows);

        assertThat(csv).startsWith("text,n,numbers\r\n").contains("\"Đất đai, nhà ở\"").contains("\"say \"\"xin chào\"\"\"");
        assertThat(Csv.read(csv)).containsExactly(List.of("text", "n", "numbers"), List.of("Đất đai, nhà ở", "1", "1 2"),
                List.of("say \"xin chào\"", "2", ""), List.of("hai\r\ndòng", "3", "10"));
    }

    @Test
    void standard_output_is_utf8_whatever_the_locale() {
        assertThat(OutputFormat.utf8(FileDescriptor.out).charset()).isEqualTo(StandardCharsets.UTF_8);
    }

    @Test
    void the_summary_reads_back_with_the_run_figures() throws Exception {
        Summary summary = OfficeSimulator.run(COMMUNE, TWO_DAYS).summary();
        SummaryExport export = SummaryExport.of(COMMUNE.name(), "effective-wait", 1, summary);

        JsonNode json = JSON.readTree(export.json());
        assertThat(json.get("office").asText()).isEqualTo("Bộ phận Một cửa UBND xã Nghi Tiến");
        assertThat(json.get("visits").asInt()).isEqualTo(summary.visits());
        assertThat(json.get("outcomes").get("SERVED").asInt()).isEqualTo(summary.count(Visit.Outcome.SERVED));
        assertThat(json.get("waits").get("p95Min").asDouble()).isCloseTo(summary.waits().p95(), within(0.05));
        assertThat(json.get("counters")).hasSize(3);
        assertThat(json.get("counters").get(0).get("utilisation").asDouble())
                .isCloseTo(summary.counters().getFirst().utilisation(), within(0.0005));

        List<List<String>> csv = Csv.read(export.csv());
        assertThat(csv.getFirst()).containsExactly("section", "item", "value");
        assertThat(csv).contains(List.of("visits", "visits", String.valueOf(summary.visits())),
                List.of("run", "office", COMMUNE.name()), List.of("counter 3", "breaks",
                        String.valueOf(summary.counters().get(2).breaks())));
        assertThat(Double.parseDouble(value(csv, "waits", "meanMin"))).isCloseTo(summary.waits().mean(), within(0.05));
        assertThat(Double.parseDouble(value(csv, "calledWaits", "meanMin")))
                .isCloseTo(summary.calledWaits().mean(), within(0.05));
        assertThat(Integer.parseInt(value(csv, "waits", "censored"))).isEqualTo(summary.waits().censored());
    }

    @Test
    void the_policy_comparison_reads_back_one_row_per_policy_and_the_pooled_bound() throws Exception {
        PolicyComparison comparison = PolicyComparison.run(COMMUNE, TWO_DAYS);
        PolicyExport export = PolicyExport.of(COMMUNE.name(), 1, comparison);

        JsonNode rows = JSON.readTree(export.json()).get("rows");
        assertThat(rows).hasSize(comparison.rows().size());
        assertThat(rows.get(rows.size() - 1).get("pooled").asBoolean()).isTrue();
        assertThat(rows.get(0).get("meanMin").asDouble())
                .isCloseTo(comparison.rows().getFirst().summary().waits().mean(), within(0.05));

        List<List<String>> csv = Csv.read(export.csv());
        assertThat(csv).hasSize(1 + comparison.rows().size());
        assertThat(csv.getFirst()).startsWith("policy", "pooled", "visits", "meanMin", "calledMeanMin", "censored");
        assertThat(csv.get(1).getFirst()).isEqualTo(comparison.rows().getFirst().policy());
        Summary first = comparison.rows().getFirst().summary();
        assertThat(Double.parseDouble(csv.get(1).get(4))).isCloseTo(first.calledWaits().mean(), within(0.05));
        assertThat(Integer.parseInt(csv.get(1).get(5))).isEqualTo(first.waits().censored());
        assertThat(Integer.parseInt(csv.get(1).get(csv.getFirst().indexOf("unservedAtClose"))))
                .isEqualTo(first.count(Visit.Outcome.UNSERVED_AT_CLOSE));
    }

    @Test
    void the_predictor_errors_read_back_with_null_for_an_empty_window() throws Exception {
        PredictorStudy study = PredictorStudy.run(COMMUNE, TWO_DAYS);
        PredictorExport export = PredictorExport.of(COMMUNE.name(), "effective-wait", 1, 2, study);

        JsonNode rows = JSON.readTree(export.json()).get("rows");
        assertThat(rows).hasSize(2 * study.rows().size());
        assertThat(rows.get(0).get("window").asText()).isEqualTo("all");
        assertThat(rows.get(1).get("window").asText()).isEqualTo("08:00-10:00");
        assertThat(rows.get(0).get("maeMin").asDouble()).isCloseTo(study.rows().getFirst().all().mae(), within(0.05));
        assertThat(Csv.read(export.csv())).hasSize(1 + 2 * study.rows().size());

        PredictorExport empty = PredictorExport.of(COMMUNE.name(), "effective-wait", 1, 2, PredictorStudy.of(COMMUNE,
                List.of(), List.of("queue length")));
        assertThat(JSON.readTree(empty.json()).get("rows").get(0).get("maeMin").isNull()).isTrue();
        assertThat(Csv.read(empty.csv()).get(1)).containsExactly("queue length", "all", "0", "", "", "", "");
    }

    @Test
    void the_plan_reads_back_one_half_hour_per_row_with_its_counters_and_verdicts() throws Exception {
        StaffingPlan plan = new StaffingPlanner(COMMUNE, TWO_DAYS, new StaffingPlanner.Target(15, 95),
                StaffingPlanner.Progress.NONE).plan();
        PlanExport export = PlanExport.of(plan);

        JsonNode json = JSON.readTree(export.json());
        assertThat(json.get("targetWaitMin").asDouble()).isEqualTo(15);
        assertThat(json.get("staffedHalfHours").asInt()).isEqualTo(plan.schedule().counterHalfHours());
        assertThat(json.get("allHalfHours").asInt()).isEqualTo(45);
        JsonNode first = json.get("halfHours").get(0);
        assertThat(first.get("start").asText()).isEqualTo("07:30");
        assertThat(first.get("end").asText()).isEqualTo("08:00");
        List<Integer> counters = new ArrayList<>();
        first.get("counters").forEach(n -> counters.add(n.asInt()));
        assertThat(counters).isEqualTo(plan.schedule().staffedIn(0));
        assertThat(first.get("meetsTarget").asBoolean()).isEqualTo(plan.meets(0));
        List<String> cannotMeet = new ArrayList<>();
        json.get("cannotMeet").forEach(n -> cannotMeet.add(n.asText()));
        assertThat(cannotMeet).isEqualTo(plan.infeasible().stream().map(h -> plan.halfHours().get(h).toString()).toList());

        List<List<String>> csv = Csv.read(export.csv());
        assertThat(csv.getFirst()).containsExactly("start", "end", "staffed", "counters", "services", "reachedMin",
                "allCountersMin", "meetsTarget", "feasible");
        assertThat(csv).hasSize(16);
        for (int h = 0; h < 15; h++) {
            List<String> row = csv.get(h + 1);
            assertThat(row.get(3)).isEqualTo(String.join(" ",
                    plan.schedule().staffedIn(h).stream().map(String::valueOf).toList()));
            assertThat(Double.parseDouble(row.get(5))).isCloseTo(plan.reached()[h], within(0.05));
            assertThat(Boolean.parseBoolean(row.get(7))).isEqualTo(plan.meets(h));
        }
        assertThat(PlanTable.of(export)).contains("07:30–08:00").contains(plan.infeasible().isEmpty()
                ? "every half hour meets the target" : "cannot meet the target even all staffed");
    }

    private static String value(List<List<String>> csv, String section, String item) {
        return csv.stream().filter(r -> r.get(0).equals(section) && r.get(1).equals(item)).findFirst().orElseThrow().get(2);
    }

    private static org.assertj.core.data.Offset<Double> within(double d) {
        return org.assertj.core.data.Offset.offset(d);
    }

    /** A small RFC 4180 reader: quoted fields may hold commas, doubled quotes and line breaks; records end in CRLF. */
    static final class Csv {
        static List<List<String>> read(String text) {
            List<List<String>> records = new ArrayList<>();
            List<String> record = new ArrayList<>();
            StringBuilder field = new StringBuilder();
            boolean quoted = false;
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        field.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        field.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    record.add(field.toString());
                    field.setLength(0);
                } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    record.add(field.toString());
                    field.setLength(0);
                    records.add(record);
                    record = new ArrayList<>();
                    i++;
                } else {
                    field.append(c);
                }
            }
            assertThat(field).as("text after the last CRLF").isEmpty();
            return records;
        }
    }
}
