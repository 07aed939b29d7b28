package vn.motcua.hub.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A Server-Sent Events client for tests: reads the stream line by line on its own thread, so a test waits for the
 * next event with a timeout instead of blocking forever.
 */
final class EventStream implements AutoCloseable {

    /** One event; a comment line arrives as an event named {@code :comment} with the comment as data. */
    record Event(String name, String id, String data) {
        boolean isComment() {
            return name.equals(":comment");
        }
    }

    private static final Event END = new Event(":end", null, "");

    private final HttpClient client;
    private final HttpResponse<InputStream> response;
    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();

    private EventStream(HttpClient client, HttpResponse<InputStream> response) {
        this.client = client;
        this.response = response;
        Thread.ofPlatform().daemon(true).name("test-sse-reader").start(this::read);
    }

    static EventStream open(URI uri) throws IOException, InterruptedException {
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5)).build();
        HttpRequest request = HttpRequest.newBuilder(uri).header("Accept", "text/event-stream").GET().build();
        HttpResponse<InputStream> response = client.send(request, HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).as("stream status").isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        return new EventStream(client, response);
    }

    HttpResponse<InputStream> response() {
        return response;
    }

    /** The next event or comment, failing the test if none arrives within {@code timeout}. */
    Event next(Duration timeout) throws InterruptedException {
        Event event = events.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
        assertThat(event).as("an event within %s", timeout).isNotNull();
        assertThat(event).as("the stream is still open").isNotEqualTo(END);
        return event;
    }

    /** The next event that is not a comment. */
    Event nextEvent(Duration timeout) throws InterruptedException {
        Event event = next(timeout);
        while (event.isComment()) {
            event = next(timeout);
        }
        return event;
    }

    /** Waits for the server to end the stream, skipping whatever arrives before. */
    void awaitEnd(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Event event = events.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            assertThat(event).as("the end of the stream within %s", timeout).isNotNull();
            if (event == END) {
                return;
            }
        }
    }

    private void read() {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
            String name = "message";
            String id = null;
            StringBuilder data = null;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isEmpty()) {
                    if (data != null) {
                        events.add(new Event(name, id, data.toString()));
                    }
                    name = "message";
                    data = null;
                } else if (line.startsWith(":")) {
                    events.add(new Event(":comment", null, line.substring(1).strip()));
                } else if (line.startsWith("event:")) {
                    name = line.substring(6).strip();
                } else if (line.startsWith("id:")) {
                    id = line.substring(3).strip();
                } else if (line.startsWith("data:")) {
                    String value = line.substring(5);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    data = data == null ? new StringBuilder(value) : data.append('\n').append(value);
                }
            }
        } catch (IOException closed) {
            // closed by the test or the server: either way the stream is over
        } finally {
            events.add(END);
        }
    }

    @Override
    public void close() throws IOException {
        client.shutdownNow();
        response.body().close();
    }
}
