package dev.longhand.export.xlsx;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;

/**
 * LibreOffice Calc, headless, as the spreadsheet that recomputes an exported workbook: one
 * {@code soffice --convert-to xlsx} run over many files, with a profile of its own that
 * recalculates every formula on load (Calc otherwise keeps an xlsx file's cached results).
 */
final class Calc {

    private static final String RECALC_ALWAYS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse">\
            <value>0</value></prop></item>
            <item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse">\
            <value>0</value></prop></item>
            </oor:items>
            """;

    private Calc() {
    }

    /** soffice on the PATH (or Debian's /usr/bin/soffice). */
    static Optional<Path> soffice() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path p = Path.of(dir, "soffice");
            if (Files.isExecutable(p)) {
                return Optional.of(p);
            }
        }
        Path debian = Path.of("/usr/bin/soffice");
        return Files.isExecutable(debian) ? Optional.of(debian) : Optional.empty();
    }

    /** Skips the test without LibreOffice, and fails it on CI (the env var CI set), where .ci/run installs it. */
    static Path required() {
        Optional<Path> soffice = soffice();
        if (soffice.isEmpty()) {
            String message = "LibreOffice (soffice) is not installed, so the workbooks are not recalculated: "
                    + "apt-get install libreoffice-calc";
            if (System.getenv("CI") != null) {
                fail(message + " (.ci/run installs it)");
            }
            System.out.println("SKIPPED: " + message);
            Assumptions.assumeTrue(false, message);
        }
        return soffice.get();
    }

    /** Each file recalculated by Calc and saved again as xlsx into {@code out}, same file names. */
    static List<Path> recalculate(List<Path> files, Path work) throws IOException, InterruptedException {
        Path profile = work.resolve("lo-profile");
        Files.createDirectories(profile.resolve("user"));
        Files.writeString(profile.resolve("user/registrymodifications.xcu"), RECALC_ALWAYS, StandardCharsets.UTF_8);
        Path out = work.resolve("recalculated");
        Files.createDirectories(out);
        List<String> command = new ArrayList<>(List.of(required().toString(),
                "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore", "--convert-to", "xlsx",
                "--outdir", out.toString()));
        files.forEach(f -> command.add(f.toString()));
        Process process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(work.resolve("soffice.log").toFile()).start();
        assertEquals(0, process.waitFor(), () -> "soffice failed: " + read(work.resolve("soffice.log")));
        List<Path> results = new ArrayList<>();
        for (Path f : files) {
            Path r = out.resolve(f.getFileName());
            if (!Files.isRegularFile(r)) {
                fail("soffice wrote no " + r + ": " + read(work.resolve("soffice.log")));
            }
            results.add(r);
        }
        return results;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            return "(no log)";
        }
    }
}
