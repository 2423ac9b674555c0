package dev.longhand.export.torch;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Runs python3 on generated scripts: compiling them, or running them all in one process and reading their variables. */
final class Python3 {

    /** Runs each script as __main__ (its prints swallowed) and records output, loss and losses, or the error. */
    private static final String DRIVER = """
            import contextlib, io, json, runpy, sys, traceback
            import torch
            results = []
            for path in sys.argv[2:]:
                try:
                    with contextlib.redirect_stdout(io.StringIO()):
                        names = runpy.run_path(path, run_name="__main__")
                    result = {"output": torch.as_tensor(names["output"]).tolist()}
                    if "loss" in names:
                        result["loss"] = float(names["loss"])
                        result["losses"] = [float(v) for v in names["losses"]]
                except Exception:
                    result = {"error": traceback.format_exc()}
                results.append(result)
            with open(sys.argv[1], "w") as out:
                json.dump(results, out)
            """;

    private Python3() {
    }

    /** Why python3 cannot import {@code module}, or empty when it can. */
    static Optional<String> missing(String module) {
        try {
            Process probe = new ProcessBuilder("python3", "-c", "import " + module).redirectErrorStream(true).start();
            probe.getInputStream().readAllBytes();
            if (!probe.waitFor(120, TimeUnit.SECONDS) || probe.exitValue() != 0) {
                return Optional.of("python3 cannot import " + module);
            }
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("no python3: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while looking for python3");
        }
    }

    /** {@code python3 -m py_compile} on every script; the compiler's messages, empty when all compile. */
    static String compile(List<Path> scripts) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("python3", "-m", "py_compile"));
        scripts.forEach(p -> command.add(p.toString()));
        return run(command);
    }

    /** Runs every script, in order; one JSON object per script. */
    static List<JsonNode> runAll(Path folder, List<Path> scripts) throws IOException, InterruptedException {
        Path driver = folder.resolve("driver.py");
        Files.writeString(driver, DRIVER, StandardCharsets.UTF_8);
        Path results = folder.resolve("results.json");
        List<String> command = new ArrayList<>(List.of("python3", driver.toString(), results.toString()));
        scripts.forEach(p -> command.add(p.toString()));
        String messages = run(command);
        if (!Files.exists(results)) {
            throw new AssertionError("the driver wrote no results: " + messages);
        }
        List<JsonNode> list = new ArrayList<>();
        new ObjectMapper().readTree(results.toFile()).forEach(list::add);
        return list;
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String messages = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(10, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new AssertionError("python3 took over 10 minutes: " + command.subList(0, 3));
        }
        return process.exitValue() == 0 ? "" : "exit " + process.exitValue() + ": " + messages;
    }
}
