package vn.motcua.provisioning;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.config.UnitConfigException;

/** {@code provision check FILE}: reads a unit config exactly as the unit would, and says what it sets up or why not. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Validates a unit config file and prints what it sets up; exit code 1 when it is invalid.")
final class CheckCommand implements Callable<Integer> {

    static final int INVALID = 1;

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "FILE", description = "The unit config file.")
    private Path file;

    @Override
    public Integer call() {
        UnitConfig config;
        try {
            config = UnitConfig.load(file);
        } catch (UnitConfigException e) {
            spec.commandLine().getErr().println("invalid: " + e.getMessage());
            return INVALID;
        }
        PrintWriter report = spec.commandLine().getOut();
        report.println(file + ": valid");
        report.print(Summary.of(config));
        report.flush();
        return 0;
    }
}
