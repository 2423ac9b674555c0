package dev.longhand.kinds;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The repository's copy of the contract's reference is the contract's, byte for byte. */
class ReferenceCopyTest {

    @Test
    void theCopyIsThere() {
        assertTrue(Files.isRegularFile(Reference.network()), "missing " + Reference.network());
    }

    @Test
    void theCopyEqualsTheSharedReferenceWhereItIsBesideTheRepository() throws IOException {
        Path shared = Reference.repo().resolve("../shared/reference/network.py").normalize();
        Assumptions.assumeTrue(Files.isRegularFile(shared), "no " + shared + " beside this clone");
        assertArrayEquals(Files.readAllBytes(shared), Files.readAllBytes(Reference.network()),
                "src/test/resources/reference/network.py differs from " + shared + ": copy it again");
    }
}
