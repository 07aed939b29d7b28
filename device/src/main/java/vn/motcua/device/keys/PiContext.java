package vn.motcua.device.keys;

import com.pi4j.Pi4J;
import com.pi4j.context.Context;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalInputProvider;
import com.pi4j.plugin.gpiod.provider.gpio.digital.GpioDDigitalOutputProvider;
import com.pi4j.plugin.linuxfs.provider.i2c.LinuxFsI2CProvider;
import com.pi4j.plugin.linuxfs.provider.spi.LinuxFsSpiProvider;

/**
 * The Pi4J context of a real unit: gpiod for keys and LEDs, linuxfs for the displays' I2C and SPI, nothing detected
 * or guessed (off a Pi, opening a pin fails loudly rather than falling back to mocks). The caller shuts it down.
 */
public final class PiContext {

    private PiContext() {
    }

    /** {@code gpioChip} is the header's chip: "gpiochip0" on current kernels, "gpiochip4" on early Pi 5 kernels. */
    public static Context open(String gpioChip) {
        return Pi4J.newContextBuilder()
            .noAutoDetect()
            .add(GpioDDigitalInputProvider.newInstance(), GpioDDigitalOutputProvider.newInstance(),
                LinuxFsI2CProvider.newInstance(), LinuxFsSpiProvider.newInstance())
            .setGpioChipName(gpioChip)
            .build();
    }
}
