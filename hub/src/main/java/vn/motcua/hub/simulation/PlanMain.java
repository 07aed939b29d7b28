package vn.motcua.hub.simulation;

import java.io.FileDescriptor;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeConfigException;
import vn.motcua.hub.site.OfficeLoader;

/** {@code ./motcua plan}: the fewest counters per half hour that meet a wait target, found by simulation. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        description = "Finds, per half hour, the fewest staffed counters (and which ones) such that citizens arriving in "
                + "each half hour wait at most the target at the chosen percentile, by simulating office days with the "
                + "real hub engine.")
public final class PlanMain implements Callable<Integer> {

    @Option(names = "--office", defaultValue = "config/offices/district-office.json",
            description = "Office profile (hours, services, counters, arrivals). Default: ${DEFAULT-VALUE}")
    Path office;

    @Option(names = "--target-wait", required = true, description = "The longest acceptable wait in minutes.")
    double targetWait;

    @Option(names = "--percentile", defaultValue = "95",
            description = "Share of the citizens of each half hour (in %%) who must wait at most the target. Default: ${DEFAULT-VALUE}")
    double percentile;

    @Option(names = "--days", defaultValue = "10",
            description = "Office days each candidate schedule is simulated on (the same days for all). Default: ${DEFAULT-VALUE}")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same plan. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--policy", description = "Allocation policy instead of the profile's: ${COMPLETION-CANDIDATES}",
            completionCandidates = SimulateMain.PolicyNames.class)
    String policy;

    @Option(names = "--first-day", description = "First date to simulate (YYYY-MM-DD); closed days are skipped. Default: 2026-01-05")
    LocalDate firstDay;

    @Option(names = "--extra-counters", defaultValue = "0", description = "Counters the plan may add where the office's own "
            + "cannot meet the target: this many copies of each distinct skill list of its counters. Default: ${DEFAULT-VALUE}")
    int extraCounters;

    @Option(names = "--min-stretch", defaultValue = "1", description = "The fewest consecutive half hours a counter is "
            + "staffed once it is, so that the plan can be worked as shifts (4 = two hours). Default: ${DEFAULT-VALUE}")
    int minStretch;

    @Option(names = "--format", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (case-insensitive). Default: ${DEFAULT-VALUE}")
    OutputFormat format;

    @Override
    public Integer call() {
        try {
            Office loaded = OfficeLoader.load(office);
            SimulationOptions options = SimulationOptions.defaults().withDays(days).withSeed(seed);
            if (firstDay != null) {
                options = options.withFirstDay(firstDay);
            }
            if (policy != null) {
                options = options.withPolicy(policy);
            }
            StaffingPlanner.Target target = new StaffingPlanner.Target(targetWait, percentile);
            ProgressBar bar = new ProgressBar(OutputFormat.utf8(FileDescriptor.err), ProgressBar.stderrIsTerminal(), System::nanoTime);
            StaffingPlan plan = new StaffingPlanner(loaded, options, target,
                    new StaffingPlanner.Search(extraCounters, minStretch), bar).plan();
            bar.finish();
            PlanExport export = PlanExport.of(plan);
            OutputFormat.utf8(FileDescriptor.out).print(switch (format) {
                case TABLE -> PlanTable.of(export);
                case JSON -> export.json();
                case CSV -> export.csv();
            });
            return 0;
        } catch (OfficeConfigException | IllegalArgumentException e) {
            System.err.println("motcua plan: " + e.getMessage());
            return 2;
        }
    }

    /** The command as {@code main} runs it: {@code --format json} and {@code --format JSON} both work. */
    static CommandLine commandLine() {
        return new CommandLine(new PlanMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
