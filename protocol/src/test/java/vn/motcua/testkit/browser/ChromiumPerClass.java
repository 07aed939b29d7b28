package vn.motcua.testkit.browser;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@link HeadlessChromium} per test class, handed to every lifecycle or test method with a
 * {@code HeadlessChromium} parameter and closed when the class is done ({@code @ExtendWith(ChromiumPerClass.class)}).
 * Starting Chromium takes about a second, so a class shares one and opens a {@link BrowserPage} per test.
 */
public final class ChromiumPerClass implements ParameterResolver {

    private static final Namespace NAMESPACE = Namespace.create(ChromiumPerClass.class);

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == HeadlessChromium.class;
    }

    @Override
    public HeadlessChromium resolveParameter(ParameterContext parameter, ExtensionContext context) {
        // kept in the class's store, which JUnit closes (an AutoCloseable) after the class's last test
        return classOf(context).getStore(NAMESPACE)
                .getOrComputeIfAbsent(HeadlessChromium.class, key -> launch(), HeadlessChromium.class);
    }

    private static ExtensionContext classOf(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    private static HeadlessChromium launch() {
        try {
            return HeadlessChromium.launch();
        } catch (IOException e) {
            throw new UncheckedIOException("could not start Chromium", e);
        }
    }
}
