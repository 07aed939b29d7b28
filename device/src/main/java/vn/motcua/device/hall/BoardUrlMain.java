package vn.motcua.device.hall;

import java.io.PrintStream;
import java.nio.file.Path;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.config.UnitConfigException;
import vn.motcua.protocol.message.Role;

/**
 * Prints the board page a DISPLAY unit's screen shows: {@code BoardUrlMain --config /etc/motcua/sanh-1.json}. The
 * board service (systemd/motcua-board@.service) opens it in Chromium, so the address lives in one place, the unit's
 * config, checked by the same code as the unit's. Exit 2, with the reason on stderr, for a bad config or a unit
 * without the DISPLAY role.
 */
public final class BoardUrlMain {

    static final int EXIT_USAGE = 2;

    private BoardUrlMain() {
    }

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        if (args.length != 2 || !args[0].equals("--config")) {
            err.println("usage: BoardUrlMain --config FILE");
            return EXIT_USAGE;
        }
        UnitConfig config;
        try {
            config = UnitConfig.load(Path.of(args[1]));
        } catch (UnitConfigException e) {
            err.println("motcua board: bad config: " + e.getMessage());
            return EXIT_USAGE;
        }
        if (!config.hasRole(Role.DISPLAY)) {
            err.println("motcua board: " + args[1] + ": roles: " + config.roles() + " has no DISPLAY, so no board");
            return EXIT_USAGE;
        }
        out.println(config.boardUrl());
        return 0;
    }
}
