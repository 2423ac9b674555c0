package dev.longhand.kinds;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The contract's executable meaning of every layer kind, {@code network.py} (NumPy), as the
 * tests run it: the copy in {@code src/test/resources/reference/}, which {@code ReferenceCopyTest}
 * keeps equal to {@code ../shared/reference/network.py} wherever that folder is beside the
 * repository. Running it needs python3 with NumPy (.ci/run installs NumPy); without them the
 * tests that use it are skipped on a developer's machine and fail in CI (the variable CI set).
 */
public final class Reference {

    private Reference() {
    }

    /** The repository's folder. */
    public static Path repo() {
        return Path.of(System.getProperty("longhand.repo", ".")).toAbsolutePath().normalize();
    }

    /** The copy of network.py the tests run. */
    public static Path network() {
        return repo().resolve("src/test/resources/reference/network.py");
    }

    /** Skips the calling test (fails it in CI) unless python3 can import NumPy. */
    public static void assumePythonWithNumpy() {
        String why = null;
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import numpy").redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(60, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                why = "python3 cannot import numpy, which the reference needs";
            }
        } catch (IOException e) {
            why = "no python3 to run the reference with: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            why = "interrupted while looking for python3";
        }
        if (why != null && System.getenv("CI") != null) {
            throw new AssertionError(why + " (CI must run the reference: .ci/run installs NumPy)");
        }
        Assumptions.assumeTrue(why == null, why);
        Assumptions.assumeTrue(Files.isRegularFile(network()), "no " + network());
    }
}
