package vn.motcua.hub.simulation;

import java.io.FileDescriptor;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Iterator;
import java.util.Optional;
import java.util.concurrent.Callable;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import vn.motcua.hub.engine.policy.AllocationPolicy;
import vn.motcua.hub.site.Office;
import vn.motcua.hub.site.OfficeConfigException;
import vn.motcua.hub.site.OfficeLoader;

/** {@code ./motcua simulate}: runs an office profile through the simulator and prints the day summary table. */
@Command(name = "simulate", mixinStandardHelpOptions = true,
        description = "Simulates office days in virtual time with the real hub engine and prints waits, outcomes and counter use.")
public final class SimulateMain implements Callable<Integer> {

    @Option(names = "--office", defaultValue = "config/offices/district-office.json",
            description = "Office profile (hours, services, counters, arrivals). Default: ${DEFAULT-VALUE}")
    Path office;

    @Option(names = "--days", defaultValue = "1", description = "Office days to simulate. Default: ${DEFAULT-VALUE}")
    int days;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed; the same seed gives the same run. Default: ${DEFAULT-VALUE}")
    long seed;

    @Option(names = "--policy", description = "Allocation policy instead of the profile's: ${COMPLETION-CANDIDATES}",
            completionCandidates = PolicyNames.class)
    String policy;

    @Option(names = "--cv", defaultValue = "0.6", description = "Coefficient of variation of service times (lognormal). Default: ${DEFAULT-VALUE}")
    double cv;

    @Option(names = "--first-day", description = "First date to simulate (YYYY-MM-DD); closed days are skipped. Default: 2026-01-05")
    LocalDate firstDay;

    @Option(names = "--compare", description = "Run every allocation policy and the fully pooled lower bound on the same citizens and print one table.")
    boolean compare;

    @Option(names = "--predictors", description = "Measure every wait predictor against the actual waits and print their errors (all day, and at the peak: the two busiest hours of the profile's arrivals).")
    boolean predictors;

    @Option(names = "--bound", paramLabel = "REPLICAS",
            description = "With --predictors: also play each studied ticket's day again REPLICAS times from its exact past with a newly drawn future, and print the best any predictor could do (slow).")
    Integer bound;

    @Option(names = "--every", defaultValue = "1",
            description = "With --bound: study every N-th served ticket only. Default: ${DEFAULT-VALUE}")
    int every;

    @Option(names = "--counters", description = "Staff only these counters of the profile, all day, e.g. 1-6,10. Default: every counter")
    String counters;

    @Option(names = "--format", defaultValue = "table",
            description = "Output: ${COMPLETION-CANDIDATES} (case-insensitive). Default: ${DEFAULT-VALUE}")
    OutputFormat format;

    /** The policy names for --help. */
    static final class PolicyNames implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return AllocationPolicy.NAMES.iterator();
        }
    }

    @Override
    public Integer call() {
        try {
            Office loaded = OfficeLoader.load(office);
            SimulationOptions options = SimulationOptions.defaults().withDays(days).withSeed(seed)
                    .withServiceTimes(SimulationOptions.ServiceTimes.LOGNORMAL, cv);
            if (firstDay != null) {
                options = options.withFirstDay(firstDay);
            }
            if (policy != null) {
                options = options.withPolicy(policy);
            }
            if (counters != null) {
                options = options.withSchedule(Staffing.only(loaded, CounterList.parse(counters)));
            }
            if (bound != null && !predictors) {
                throw new IllegalArgumentException("--bound measures the wait predictors: add --predictors");
            }
            PrintStream out = OutputFormat.utf8(FileDescriptor.out);
            if (compare) {
                PolicyComparison comparison = PolicyComparison.run(loaded, options);
                PolicyExport export = PolicyExport.of(loaded.name(), seed, comparison);
                out.print(switch (format) {
                    case TABLE -> PolicyTable.of(loaded.name(), seed, comparison);
                    case JSON -> export.json();
                    case CSV -> export.csv();
                });
                return 0;
            }
            String policyName = options.policy().orElse(loaded.rules().policy());
            if (predictors) {
                Optional<PredictabilityBound> best = bound == null ? Optional.empty()
                        : Optional.of(PredictabilityBound.run(loaded, options, bound, every));
                PredictorStudy study = best.isPresent() ? best.get().study() : PredictorStudy.run(loaded, options);
                String sampled = bound == null ? "" : ", " + bound + " replicas, 1/" + every + " tickets";
                PredictorExport export = best.map(b -> PredictorExport.of(loaded.name(), policyName, seed, days, b))
                        .orElseGet(() -> PredictorExport.of(loaded.name(), policyName, seed, days, study));
                out.print(switch (format) {
                    case TABLE -> PredictorTable.of(loaded.name(),
                            policyName + ", " + days + " ngày / days, seed " + seed + sampled, study)
                            + best.map(b -> PredictorTable.range(b.range(), study.peak())).orElse("");
                    case JSON -> export.json();
                    case CSV -> export.csv();
                });
                return 0;
            }
            SimulationResult result = OfficeSimulator.run(loaded, options);
            SummaryExport export = SummaryExport.of(loaded.name(), policyName, seed, result.summary());
            out.print(switch (format) {
                case TABLE -> SummaryTable.of(loaded.name(), policyName + ", seed " + seed, result.summary());
                case JSON -> export.json();
                case CSV -> export.csv();
            });
            return 0;
        } catch (OfficeConfigException | IllegalArgumentException e) {
            System.err.println("motcua simulate: " + e.getMessage());
            return 2;
        }
    }

    /** The command as {@code main} runs it: {@code --format json} and {@code --format JSON} both work. */
    static CommandLine commandLine() {
        return new CommandLine(new SimulateMain()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
