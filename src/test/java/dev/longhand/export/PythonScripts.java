package dev.longhand.export;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs exported scripts with python3, all in one process (NumPy is imported once), and gives
 * each script's module-level {@code output}, {@code loss} and {@code losses} as JSON.
 */
final class PythonScripts {

    private static final String DRIVER = """
            import contextlib, io, json, runpy, sys
            results = {}
            for path in sys.argv[1:]:
                printed = io.StringIO()
                with contextlib.redirect_stdout(printed):
                    names = runpy.run_path(path, run_name="__main__")
                result = {"output": names["output"].tolist(), "printed": len(printed.getvalue())}
                if "loss" in names:
                    result["loss"] = float(names["loss"])
                    result["losses"] = [float(v) for v in names["losses"]]
                results[path] = result
            print(json.dumps(results))
            """;

    private PythonScripts() {
    }

    /** Each script's result by its path as given, as {@code {"output": [[...]], "loss": x, "losses": [...], "printed": chars}}. */
    static JsonNode run(List<Path> scripts, Path temp) throws IOException, InterruptedException {
        Path driver = temp.resolve("run-scripts.py");
        Files.writeString(driver, DRIVER, StandardCharsets.UTF_8);
        List<String> command = new ArrayList<>(List.of("python3", driver.toString()));
        scripts.forEach(s -> command.add(s.toString()));
        Path stdout = temp.resolve("run-scripts.out");
        Path stderr = temp.resolve("run-scripts.err");
        Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("the scripts did not finish in 10 minutes");
        }
        if (process.exitValue() != 0) {
            throw new AssertionError("python3 failed:\n" + Files.readString(stderr));
        }
        return new ObjectMapper().readTree(stdout.toFile());
    }
}
