package vn.motcua.provisioning;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * The administrator's tool, run as {@code motcua provision …}: writes and checks the config files of units.
 * Exit codes: 0 done, 1 a checked file is invalid, 2 a bad command line (including refused ids and combinations).
 */
@Command(name = "provision", mixinStandardHelpOptions = true, versionProvider = ProvisionMain.Version.class,
        description = "Sets up motcua units: writes and checks their config files.",
        subcommands = {DeviceCommand.class, CheckCommand.class})
public final class ProvisionMain implements Runnable {

    @Spec
    private CommandSpec spec;

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The command line, ready to execute; tests run it in-process. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new ProvisionMain());
        commandLine.setCaseInsensitiveEnumValuesAllowed(true);
        return commandLine;
    }

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "name what to do: device or check");
    }

    /** The version of the jar this runs from. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = ProvisionMain.class.getPackage().getImplementationVersion();
            return new String[] {"motcua provision " + (version == null ? "dev" : version)};
        }
    }
}
