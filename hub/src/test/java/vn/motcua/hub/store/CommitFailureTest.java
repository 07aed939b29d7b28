package vn.motcua.hub.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

import vn.motcua.hub.store.CommitFailedException.Reason;

/** Why a commit failed, from what real SQLite says, and a store that goes on after a failed commit. */
class CommitFailureTest {

    private static final String LIMITS = """
            Limit                     Soft Limit           Hard Limit           Units
            Max cpu time              unlimited            unlimited            seconds
            Max file size             %s            unlimited            bytes
            Max data size             unlimited            unlimited            bytes
            """;

    @TempDir
    Path dir;

    @Test
    void sqlite_full_is_full() throws SQLException {
        SQLException full = fillADatabaseCappedAtTwentyPages();

        assertThat((Throwable) full).isInstanceOfSatisfying(SQLiteException.class,
                e -> assertThat(e.getResultCode()).isEqualTo(SQLiteErrorCode.SQLITE_FULL));
        assertThat(CommitFailedException.of(full, new StorageRoom(dir.resolve("hub.db"))).reason()).isEqualTo(Reason.FULL);
    }

    @Test
    void an_io_error_with_room_left_is_io_and_anything_else_is_other() {
        StorageRoom roomy = new StorageRoom(dir.resolve("hub.db"));
        SQLiteException writeFailed = new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_WRITE);
        SQLiteException fsyncFailed = new SQLiteException("disk I/O error", SQLiteErrorCode.SQLITE_IOERR_FSYNC);

        assertThat(CommitFailedException.of(writeFailed, roomy).reason()).isEqualTo(Reason.IO);
        assertThat(CommitFailedException.of(new IllegalStateException("wrapped", fsyncFailed), roomy).reason())
                .as("the SQLite code under a wrapper").isEqualTo(Reason.IO);
        assertThat(CommitFailedException.of(new NullPointerException(), roomy).reason()).isEqualTo(Reason.OTHER);
        assertThat(Reason.FULL.label()).isEqualTo("full");
    }

    @Test
    void the_soft_file_size_limit_is_read_from_proc_limits() {
        assertThat(StorageRoom.fileSizeLimit(LIMITS.formatted("unlimited"))).isEmpty();
        assertThat(StorageRoom.fileSizeLimit(LIMITS.formatted("304528"))).hasValue(304_528);
        assertThat(StorageRoom.fileSizeLimit("")).isEmpty();
    }

    @Test
    void a_refused_commit_is_rolled_back_whole_and_the_store_goes_on() throws SQLException {
        Instant at = Instant.parse("2026-11-24T02:00:00Z");
        try (HubStore store = HubStore.open(dir.resolve("hub.db"))) {
            store.inTransaction(() -> store.saveProcessed("01A", "kiosk-1", "ticket.issue", new byte[] {1}, at));

            assertThatThrownBy(() -> store.inTransaction(() -> {
                store.saveProcessed("01B", "kiosk-1", "ticket.issue", new byte[] {2}, at);
                store.saveProcessed("01A", "kiosk-1", "ticket.issue", new byte[] {3}, at); // same key: refused
            })).isInstanceOfSatisfying(CommitFailedException.class, e -> assertThat(e.reason()).isEqualTo(Reason.OTHER));
            assertThat(store.processedResponse("kiosk-1", "01B")).as("nothing of the failed batch").isEmpty();

            store.inTransaction(() -> store.saveProcessed("01C", "kiosk-1", "ticket.issue", new byte[] {4}, at));
        }
        try (HubStore reopened = HubStore.open(dir.resolve("hub.db"))) {
            assertThat(reopened.processedResponse("kiosk-1", "01A")).map(b -> b[0]).isEqualTo(Optional.of((byte) 1));
            assertThat(reopened.processedResponse("kiosk-1", "01B")).isEmpty();
            assertThat(reopened.processedResponse("kiosk-1", "01C")).isPresent();
        }
    }

    /** {@code max_page_count} caps one connection's database: the real SQLITE_FULL, without filling a disk. */
    private SQLException fillADatabaseCappedAtTwentyPages() throws SQLException {
        try (Connection db = DriverManager.getConnection("jdbc:sqlite:" + dir.resolve("capped.db"));
             Statement s = db.createStatement()) {
            s.execute("CREATE TABLE t (x BLOB)");
            s.execute("PRAGMA max_page_count=20");
            try (PreparedStatement insert = db.prepareStatement("INSERT INTO t VALUES (?)")) {
                insert.setBytes(1, new byte[4096]);
                for (int i = 0; i < 100; i++) {
                    insert.executeUpdate();
                }
            } catch (SQLException full) {
                return full;
            }
        }
        throw new AssertionError("100 pages went into a database of at most 20");
    }
}
