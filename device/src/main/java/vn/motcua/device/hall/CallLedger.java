package vn.motcua.device.hall;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.SequencedSet;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import vn.motcua.device.metrics.DeviceMetrics;
import vn.motcua.protocol.message.Board;

/**
 * Which calls on a board the hall has not heard yet. The retained board arrives again on every connect, and a board
 * is published on every counter change, so the same call is on many boards; a call is known by its ticket, counter,
 * recall flag and time (a recall is a new call with its own time, so it is announced again).
 *
 * <p>A new call older than {@code horizon} by this unit's clock is remembered but not announced: after a start, a
 * reconnect or an outage the board carries calls whose citizens were called minutes ago, by other screens. The
 * calls heard are kept in a small file, so a unit restarted seconds after a call does not call it twice.
 * The horizon compares the hub's clock with the unit's, so both must be set by NTP (docs/device.md).
 *
 * <p>Used on the link's event thread only.
 */
final class CallLedger {

    private static final Logger log = LoggerFactory.getLogger(CallLedger.class);

    /** More than a board holds (the hub keeps 12 recent calls), so a call never falls out while still shown. */
    static final int REMEMBERED = 200;

    private final Path file;
    private final Duration horizon;
    private final Clock clock;
    private final DeviceMetrics metrics;
    private final String deviceId;
    private final SequencedSet<String> heard = new LinkedHashSet<>();

    CallLedger(Path file, Duration horizon, Clock clock, DeviceMetrics metrics, String deviceId) {
        this.file = file;
        this.horizon = horizon;
        this.clock = clock;
        this.metrics = metrics;
        this.deviceId = deviceId;
        load();
    }

    /** The calls of {@code board} to announce now, oldest first; each is returned once, ever. */
    List<Board.Call> newCalls(Board board) {
        Instant oldest = clock.instant().minus(horizon);
        List<Board.Call> fresh = new ArrayList<>();
        boolean changed = false;
        for (Board.Call call : board.recentCalls().reversed()) { // the board lists the newest first
            if (!heard.add(key(call))) {
                continue;
            }
            changed = true;
            if (call.at().toInstant().isBefore(oldest)) {
                metrics.increment("hall.call_too_old");
                log.info("{}: not announcing {} at counter {}: called {} s ago, before this unit heard of it",
                        deviceId, call.ticket(), call.counter(),
                        Duration.between(call.at().toInstant(), clock.instant()).toSeconds());
            } else {
                fresh.add(call);
            }
        }
        if (changed) {
            while (heard.size() > REMEMBERED) {
                heard.removeFirst();
            }
            save();
        }
        return fresh;
    }

    private static String key(Board.Call call) {
        return call.ticket() + " " + call.counter() + " " + call.recall() + " " + call.at().toInstant();
    }

    private void load() {
        try {
            heard.addAll(Files.readAllLines(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            // first start: the horizon alone keeps old calls quiet
        } catch (IOException e) {
            metrics.increment("hall.ledger_failed");
            log.warn("{}: cannot read the calls heard before ({}); only calls older than {} s stay quiet",
                    deviceId, e.getMessage(), horizon.toSeconds());
        }
    }

    /** Written beside the file and renamed, so a power cut leaves the old list or the new one. */
    private void save() {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path temp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.write(temp, heard, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            metrics.increment("hall.ledger_failed"); // announcing matters more than remembering: carry on
            log.warn("{}: cannot keep the calls heard in {}: {}", deviceId, file, e.getMessage());
        }
    }
}
