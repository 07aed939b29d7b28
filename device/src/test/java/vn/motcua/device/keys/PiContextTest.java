package vn.motcua.device.keys;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.pi4j.context.Context;

import vn.motcua.device.display.Hd44780Display;
import vn.motcua.device.display.Max7219Display;

class PiContextTest {

    @Test
    void off_a_pi_the_hardware_context_fails_loudly_instead_of_falling_back_to_mocks() {
        assumeFalse(Files.exists(Path.of("/proc/device-tree/model")), "this machine looks like a Pi");
        Context pi4j = PiContext.open("gpiochip0");
        try {
            assertThatThrownBy(() -> new GpioKeys<>(pi4j, Map.of("next", KeyPins.withoutLed(17)), KeyTiming.DEFAULT,
                System::currentTimeMillis, (key, press) -> { }))
                .hasMessageContaining("gpio chip");
            assertThatThrownBy(() -> Hd44780Display.openI2c(pi4j, 1, 0x27)).hasMessageContaining("i2c-1");
            assertThatThrownBy(() -> Max7219Display.openSpi(pi4j, 0, 0)).isInstanceOf(RuntimeException.class);
        } finally {
            pi4j.shutdown();
        }
    }
}
