package vn.motcua.demo.chaos;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

import vn.motcua.device.config.UnitConfig;
import vn.motcua.device.link.MqttLink;
import vn.motcua.protocol.message.RequestBody;

/**
 * The satisfaction keypad of {@link ChaosSite#KEYPAD_COUNTER} as a unit in a JVM of its own, for {@link ChaosKeypad}:
 * the product's link with its outbox and Paho file persistence, so that the chaos suite can SIGKILL a real unit
 * process. Each stdin line {@code TICKET LEVEL} is a citizen's key press: it prints {@code PRESSED TICKET LEVEL},
 * stores the rating in the outbox, then prints {@code STORED TICKET LEVEL} (the keypad's thanks). It runs, draining
 * the outbox to the hub, until killed.
 *
 * <p>Arguments: broker URL, site, data directory.
 */
public final class KeypadChild {

    private KeypadChild() {
    }

    public static void main(String[] args) throws IOException {
        UnitConfig config = UnitConfig.counter(args[1], ChaosSite.KEYPAD, args[0], ChaosSite.KEYPAD_COUNTER,
                Path.of(args[2]));
        MqttLink link = MqttLink.connect(config, "chaos-keypad", Duration.ofSeconds(30));
        System.out.println("CONNECTED");
        System.out.flush();
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            String[] words = line.strip().split(" ");
            System.out.println("PRESSED " + words[0] + " " + words[1]);
            System.out.flush();
            link.send(new RequestBody.RatingSubmit(ChaosSite.KEYPAD_COUNTER, words[1], Optional.of(words[0])));
            System.out.println("STORED " + words[0] + " " + words[1]);
            System.out.flush();
        }
    }
}
