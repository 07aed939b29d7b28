package vn.motcua.testkit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Short external commands a test sets things up with (openssl, mosquitto_passwd, prlimit), run to completion. */
public final class Commands {

    private static final long TIMEOUT_SECONDS = 30;

    private Commands() {
    }

    /**
     * Runs {@code command} in {@code dir} and returns what it printed (standard output and error together).
     *
     * @throws IllegalStateException with that output if it exits non-zero or runs longer than 30 s
     */
    public static String run(Path dir, String... command) throws IOException {
        Process process = new ProcessBuilder(List.of(command)).directory(dir.toFile()).redirectErrorStream(true).start();
        try {
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
            throw new IOException("interrupted while running " + command[0], e);
        }
    }

    /** {@link #run(Path, String...)} in the working directory. */
    public static String run(String... command) throws IOException {
        return run(Path.of("."), command);
    }
}
