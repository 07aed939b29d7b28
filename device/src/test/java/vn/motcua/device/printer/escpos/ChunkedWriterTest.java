package vn.motcua.device.printer.escpos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/**
 * The chunking and stall timeout of serial writes, against a line that models a driver queue: what is written
 * joins the queue, and the printer takes {@code drainPerCheck} bytes of it between two looks at the queue.
 */
class ChunkedWriterTest {

    private static final class ModelLine implements ChunkedWriter.Line {
        private final ByteArrayOutputStream sent = new ByteArrayOutputStream();
        private final List<Integer> writes = new ArrayList<>();
        private int queued;
        private int maxQueued;
        private final int drainPerCheck;

        ModelLine(int drainPerCheck) {
            this.drainPerCheck = drainPerCheck;
        }

        @Override
        public int queued() {
            queued = Math.max(0, queued - drainPerCheck);
            return queued;
        }

        @Override
        public int write(byte[] b, int off, int len) {
            sent.write(b, off, len);
            writes.add(len);
            queued += len;
            maxQueued = Math.max(maxQueued, queued);
            return len;
        }
    }

    private static byte[] job(int size) {
        byte[] job = new byte[size];
        for (int i = 0; i < size; i++) {
            job[i] = (byte) (i * 31);
        }
        return job;
    }

    @Test
    void a_slow_printer_gets_the_whole_job_in_chunks_without_the_queue_overflowing() throws IOException {
        ModelLine line = new ModelLine(64);   // drains a quarter chunk per look: the writer has to wait often
        byte[] job = job(10_000);

        new ChunkedWriter(Duration.ofSeconds(2), 1, "/dev/ttyUSB0").write(line, job, 0, job.length);

        assertThat(line.sent.toByteArray()).isEqualTo(job);
        assertThat(line.writes).allMatch(n -> n <= ChunkedWriter.CHUNK);
        assertThat(line.maxQueued).isLessThanOrEqualTo(ChunkedWriter.MAX_QUEUED);
    }

    @Test
    void a_printer_that_stops_taking_data_fails_the_write_after_the_stall_timeout() {
        ModelLine line = new ModelLine(0);   // CTS held low: nothing ever leaves the queue
        byte[] job = job(5_000);
        long start = System.nanoTime();

        assertThatThrownBy(() -> new ChunkedWriter(Duration.ofMillis(200), 5, "/dev/ttyUSB0")
                .write(line, job, 0, job.length))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("/dev/ttyUSB0 took no data for 200 ms (1024 bytes waiting)")
                .hasMessageContaining("paper out");

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(took).isBetween(Duration.ofMillis(200), Duration.ofSeconds(2));
        assertThat(line.sent.size()).isEqualTo(ChunkedWriter.MAX_QUEUED);
    }

    @Test
    void a_queue_that_keeps_draining_slowly_is_not_a_stall() throws IOException {
        ModelLine line = new ModelLine(1);   // one byte per look, far slower than the pause, but moving
        byte[] job = job(1_100);

        new ChunkedWriter(Duration.ofMillis(300), 1, "/dev/ttyUSB0").write(line, job, 0, job.length);

        assertThat(line.sent.toByteArray()).isEqualTo(job);
    }
}
