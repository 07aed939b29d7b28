package vn.motcua.provisioning;

import java.io.PrintWriter;
import java.io.StringWriter;

import picocli.CommandLine;

/** The provisioning CLI run in-process as an administrator runs it, what it printed kept for the assertions. */
final class ProvisionCli {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs {@code motcua provision ARGS…}; returns the exit code. */
    int run(String... args) {
        CommandLine commandLine = ProvisionMain.commandLine();
        commandLine.setOut(new PrintWriter(out, true));
        commandLine.setErr(new PrintWriter(err, true));
        return commandLine.execute(args);
    }

    /** Everything printed on standard output so far. */
    String out() {
        return out.toString();
    }

    /** Everything printed on standard error so far. */
    String err() {
        return err.toString();
    }

    /** Forgets what was printed, so the next run's output stands alone. */
    void forget() {
        out.getBuffer().setLength(0);
        err.getBuffer().setLength(0);
    }
}
