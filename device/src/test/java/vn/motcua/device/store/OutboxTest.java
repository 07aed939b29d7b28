package vn.motcua.device.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutboxTest {

    @TempDir
    Path dir;

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void entries_come_back_oldest_first_with_their_id_and_exact_bytes() {
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"))) {
            outbox.append("01B", Outbox.Kind.REQUEST, "rating.submit", bytes("{\"b\":1}"));
            outbox.append("01A", Outbox.Kind.EVENT, "PrinterStatus", bytes("{\"a\":2}"));

            assertThat(outbox.depth()).isEqualTo(2);
            Outbox.Entry first = outbox.oldest().orElseThrow();
            assertThat(first.id()).isEqualTo("01B"); // order stored, not id order
            assertThat(first.kind()).isEqualTo(Outbox.Kind.REQUEST);
            assertThat(first.payload()).isEqualTo(bytes("{\"b\":1}"));
            assertThat(outbox.remove("01B")).isTrue();
            assertThat(outbox.remove("01B")).isFalse();
            assertThat(outbox.oldest().orElseThrow().id()).isEqualTo("01A");
        }
    }

    @Test
    void what_was_stored_is_there_after_reopening() {
        Path file = dir.resolve("outbox.db");
        try (Outbox outbox = Outbox.open(file)) {
            for (int i = 0; i < 5; i++) {
                outbox.append("id-" + i, Outbox.Kind.REQUEST, "rating.submit", bytes("r" + i));
            }
            outbox.remove("id-0");
        }
        try (Outbox reopened = Outbox.open(file)) {
            assertThat(reopened.entries()).extracting(Outbox.Entry::id).containsExactly("id-1", "id-2", "id-3", "id-4");
        }
    }

    @Test
    void the_same_id_cannot_be_stored_twice() {
        try (Outbox outbox = Outbox.open(dir.resolve("outbox.db"))) {
            outbox.append("same", Outbox.Kind.REQUEST, "rating.submit", bytes("x"));

            assertThatThrownBy(() -> outbox.append("same", Outbox.Kind.REQUEST, "rating.submit", bytes("y")))
                    .isInstanceOf(StoreException.class).hasMessageContaining("same");
            assertThat(outbox.depth()).isEqualTo(1);
        }
    }

    @Test
    void a_file_that_is_not_a_database_is_refused_with_the_path_and_what_to_do() throws IOException {
        Path file = dir.resolve("outbox.db");
        Files.writeString(file, "this is not SQLite, it is a text file that happens to sit here ".repeat(20));

        assertThatThrownBy(() -> Outbox.open(file)).isInstanceOf(StoreException.class)
                .hasMessageContaining(file.toString()).hasMessageContaining("move the file away");
    }
}
