package vn.motcua.hub.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;

/**
 * Whether the hub's SQLite file can still grow: room left on its file system, and the process's own file size limit
 * (RLIMIT_FSIZE, e.g. systemd's {@code LimitFSIZE=}). Needed because SQLite says SQLITE_FULL only when the kernel
 * answers ENOSPC; a write refused with EFBIG (the file size limit) or an fsync failing with ENOSPC comes back as an
 * I/O error, the same codes as a failing SD card, and only the storage itself tells the two apart.
 */
final class StorageRoom {

    /** Less free space than this and SQLite's next pages (WAL frames of 4 KiB, a checkpoint) will not fit. */
    static final long LOW_SPACE_BYTES = 1 << 20;
    private static final Path PROCESS_LIMITS = Path.of("/proc/self/limits");
    private static final String FILE_SIZE_ROW = "Max file size";

    private final Path database;

    StorageRoom(Path database) {
        this.database = database.toAbsolutePath();
    }

    /** True if the file system is (nearly) full or a file of the database has reached the file size limit. */
    boolean exhausted() {
        return lowOnSpace() || fileSizeLimit(processLimits()).stream().anyMatch(this::atLimit);
    }

    private boolean lowOnSpace() {
        try {
            return Files.getFileStore(database).getUsableSpace() < LOW_SPACE_BYTES;
        } catch (IOException e) {
            return false; // cannot tell: the failure is reported as an I/O error, not as a full disk
        }
    }

    private boolean atLimit(long limit) {
        for (String suffix : List.of("", "-wal", "-journal")) {
            Path file = database.resolveSibling(database.getFileName() + suffix);
            try {
                if (Files.exists(file) && Files.size(file) >= limit) {
                    return true;
                }
            } catch (IOException e) {
                // gone between the two calls (a checkpoint removed the WAL): it is not at the limit
            }
        }
        return false;
    }

    private static String processLimits() {
        try {
            return Files.readString(PROCESS_LIMITS);
        } catch (IOException e) {
            return ""; // not Linux: no limit known
        }
    }

    /** The soft file size limit in bytes from the text of {@code /proc/<pid>/limits}; empty if unlimited or absent. */
    static OptionalLong fileSizeLimit(String limits) {
        for (String row : limits.lines().toList()) {
            if (row.startsWith(FILE_SIZE_ROW)) {
                String soft = row.substring(FILE_SIZE_ROW.length()).trim().split("\\s+")[0];
                return soft.chars().allMatch(Character::isDigit) ? OptionalLong.of(Long.parseLong(soft))
                        : OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }
}
