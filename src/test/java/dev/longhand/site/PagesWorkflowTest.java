package dev.longhand.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * The GitHub Pages workflows, this repository's and the one {@code init} writes into a course.
 * They cannot run here, so this reads them as GitHub does: valid YAML, only real actions at
 * real major versions, Java 17 with Maven's cache, the build command the documentation gives,
 * site/ uploaded and deployed, and every step output they read coming from a step they have.
 */
class PagesWorkflowTest {

    /** The actions a Pages workflow needs, with the major versions that exist. */
    private static final Map<String, Set<String>> ACTIONS = Map.of(
            "actions/checkout", Set.of("v4", "v5"),
            "actions/setup-java", Set.of("v4", "v5"),
            "actions/configure-pages", Set.of("v5"),
            "actions/upload-pages-artifact", Set.of("v3", "v4"),
            "actions/deploy-pages", Set.of("v4"));

    /** The build command the "Writing lessons" page gives for publishing. */
    private static final String BUILD = "mvn -B site";

    private static final Pattern STEP_OUTPUT = Pattern.compile("\\bsteps\\.([A-Za-z_][\\w-]*)\\.outputs\\.");

    @TempDir
    Path temp;

    private Path workflow(String which) throws IOException {
        if (which.equals("repository")) {
            return SiteFiles.repo().resolve(".github/workflows/pages.yml");
        }
        Path course = temp.resolve("course");
        assertInstanceOf(NewCourse.Created.class, NewCourse.create(course, "course", "0.1.0"));
        return course.resolve(".github/workflows/pages.yml");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object value, String what) {
        assertInstanceOf(Map.class, value, what + " is a mapping");
        return (Map<String, Object>) value;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> steps(Map<String, Object> job) {
        assertInstanceOf(List.class, job.get("steps"), "a job has a list of steps");
        return (List<Map<String, Object>>) job.get("steps");
    }

    private static Map<String, Object> read(Path file) throws IOException {
        Object document = new Load(LoadSettings.builder().build())
                .loadFromString(Files.readString(file, StandardCharsets.UTF_8));
        return map(document, file.toString());
    }

    @ParameterizedTest
    @ValueSource(strings = {"repository", "course"})
    void itUsesOnlyRealActionsAtRealMajorVersions(String which) throws IOException {
        Map<String, Object> workflow = read(workflow(which));
        Set<String> used = new HashSet<>();
        for (Object job : map(workflow.get("jobs"), "jobs").values()) {
            for (Map<String, Object> step : steps(map(job, "a job"))) {
                if (step.containsKey("uses")) {
                    String uses = (String) step.get("uses");
                    String[] parts = uses.split("@", 2);
                    assertEquals(2, parts.length, uses + " names a version");
                    assertTrue(ACTIONS.containsKey(parts[0]), uses + " is not one of " + ACTIONS.keySet());
                    assertTrue(ACTIONS.get(parts[0]).contains(parts[1]),
                            uses + ": its major versions are " + ACTIONS.get(parts[0]));
                    used.add(parts[0]);
                }
            }
        }
        assertEquals(ACTIONS.keySet(), used, "a Pages workflow checks out, sets up Java, configures, uploads, deploys");
    }

    @ParameterizedTest
    @ValueSource(strings = {"repository", "course"})
    void itBuildsWithJava17AndTheDocumentedCommandAndPublishesSite(String which) throws IOException {
        Map<String, Object> workflow = read(workflow(which));
        Map<String, Object> permissions = map(workflow.get("permissions"), "permissions");
        assertEquals("write", permissions.get("pages"));
        assertEquals("write", permissions.get("id-token"));
        assertTrue(map(workflow.get("on"), "on").containsKey("push"), "it publishes on push");

        Map<String, Object> jobs = map(workflow.get("jobs"), "jobs");
        List<Map<String, Object>> build = steps(map(jobs.get("build"), "the build job"));
        Map<String, Object> java = step(build, "actions/setup-java");
        Map<String, Object> with = map(java.get("with"), "setup-java's inputs");
        assertEquals("17", String.valueOf(with.get("java-version")));
        assertEquals("maven", with.get("cache"));

        List<String> runs = new ArrayList<>();
        build.forEach(step -> {
            if (step.containsKey("run")) {
                runs.add(((String) step.get("run")).strip());
            }
        });
        List<String> builds = runs.stream().filter(run -> run.startsWith(BUILD + " ") || run.equals(BUILD)).toList();
        assertEquals(1, builds.size(), "one step runs '" + BUILD + "': " + runs);
        assertTrue(builds.get(0).contains("-Dlonghand.baseUrl=${{ steps.pages.outputs.base_url }}"),
                "the base URL is the one Pages gives: " + builds.get(0));
        assertTrue(indexOf(build, "actions/setup-java") < build.indexOf(stepRunning(build, BUILD)));
        assertTrue(indexOf(build, "actions/configure-pages") < build.indexOf(stepRunning(build, BUILD)));

        Map<String, Object> upload = step(build, "actions/upload-pages-artifact");
        assertEquals("site", map(upload.get("with"), "upload's inputs").get("path"));
        assertTrue(build.indexOf(stepRunning(build, BUILD)) < build.indexOf(upload), "it uploads what it built");

        Map<String, Object> deploy = map(jobs.get("deploy"), "the deploy job");
        assertEquals("build", deploy.get("needs"));
        assertEquals("github-pages", map(deploy.get("environment"), "environment").get("name"));
        step(steps(deploy), "actions/deploy-pages");
    }

    @ParameterizedTest
    @ValueSource(strings = {"repository", "course"})
    void everyStepOutputItReadsComesFromAStepOfItsJob(String which) throws IOException {
        Map<String, Object> jobs = map(read(workflow(which)).get("jobs"), "jobs");
        for (Map.Entry<String, Object> job : jobs.entrySet()) {
            Set<String> ids = new HashSet<>();
            steps(map(job.getValue(), "a job")).forEach(step -> {
                if (step.containsKey("id")) {
                    ids.add((String) step.get("id"));
                }
            });
            Matcher read = STEP_OUTPUT.matcher(job.getValue().toString());
            while (read.find()) {
                assertTrue(ids.contains(read.group(1)), job.getKey() + " reads steps." + read.group(1)
                        + " but has steps " + ids);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"course"})
    void theCoursesWorkflowInstallsLonghandBeforeBuilding(String which) throws IOException {
        Path file = workflow(which);
        List<Map<String, Object>> build = steps(map(map(read(file).get("jobs"), "jobs").get("build"), "build"));
        Map<String, Object> checkout = build.stream()
                .filter(step -> "actions/checkout@v4".equals(step.get("uses")) && step.containsKey("with"))
                .findFirst().orElseThrow(() -> new AssertionError("a second checkout fetches Longhand"));
        String path = (String) map(checkout.get("with"), "checkout's inputs").get("path");
        Map<String, Object> install = stepRunning(build, "mvn -B -f " + path + "/pom.xml install");
        assertTrue(build.indexOf(install) < build.indexOf(stepRunning(build, BUILD)));
        String ignored = Files.readString(file.getParent().getParent().getParent().resolve(".gitignore"));
        assertTrue(ignored.lines().anyMatch(line -> line.equals("/" + path + "/")),
                "Longhand's checkout is ignored by git: " + ignored);
    }

    @Test
    void theReadmeGivesTheSameBuildCommand() throws IOException {
        String page = Files.readString(SiteFiles.repo().resolve("README.md"));
        assertTrue(page.contains("`" + BUILD + "`") || page.lines().anyMatch(line -> line.strip().startsWith(BUILD)),
                "the publishing recipe gives '" + BUILD + "'");
    }

    private static Map<String, Object> step(List<Map<String, Object>> steps, String action) {
        return steps.stream().filter(step -> String.valueOf(step.get("uses")).startsWith(action + "@")).findFirst()
                .orElseThrow(() -> new AssertionError("no step uses " + action));
    }

    private static int indexOf(List<Map<String, Object>> steps, String action) {
        return steps.indexOf(step(steps, action));
    }

    private static Map<String, Object> stepRunning(List<Map<String, Object>> steps, String command) {
        return steps.stream().filter(step -> String.valueOf(step.get("run")).strip().startsWith(command)).findFirst()
                .orElseThrow(() -> new AssertionError("no step runs " + command));
    }
}
