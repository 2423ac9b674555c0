package dev.longhand.markdown;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Property-based fuzzing of what authors type: valid lessons mutated the ways hands and
 * editors break them (a line deleted, duplicated or moved, a stray character, a number turned
 * into text, indentation changed, the file cut short), and random YAML in an {@code mlp} block
 * and in the front matter. Each case must build or give positioned errors, quickly
 * ({@link AuthorInputs#check}).
 *
 * <p>Every run draws the same cases: each property has the fixed {@link #SEED}, so a failure
 * seen once is seen again by anyone who runs the class, whatever ran before (junit-platform
 * properties: {@code jqwik.seeds.whenfixed = ALLOW}, nothing replayed from earlier runs).
 * jqwik prints the seed and the shrunk sample of a failure in the test's output
 * ({@code target/surefire-reports/dev.longhand.markdown.AuthorInputFuzzTest-output.txt}). To
 * look further, change {@link #SEED} and run this class; a failure found that way is kept as a
 * named case in {@link AuthorInputCasesTest} (as {@code quotedAuthorTextIsOneShortLine} was),
 * not as a seed.
 */
class AuthorInputFuzzTest {

    /** The seed of every property here; see the class comment before changing it. */
    static final String SEED = "20261206";

    /** Valid lessons to start from: every kind of block the format has, and rich front matter. */
    static final List<String> SEEDS = List.of("""
            ---
            title: One node
            order: 10
            summary: A dot product, a bias and ReLU.
            ---
            Prose with a [link](other.html).

            ```mlp
            caption: The classic exercise
            input: [2, 1, 3]
            labels: [x1, x2, x3]
            layers:
              - name: Hidden 1
                weights:
                  - [1, -1, 0]
                  - [0, 1, 1]
                bias: [0, 0]
                activation: relu
              - weights: [[1, 1]]
            precision: 3
            ```
            """, """
            ---
            title: A batch, trained
            order: 20
            section: Training
            ---
            ```mlp
            input:
              - [2, 1]
              - [0, -1]
            layers:
              - weights: [[0.5, -0.25], [1, 2]]
                bias: [0.1, -0.1]
                activation: tanh
              - weights: [[1, -1]]
                activation: sigmoid
            target: [[1], [0]]
            loss: mse
            learning_rate: 0.5
            steps: 3
            layout: augmented
            ```
            """, """
            ---
            title: Softmax
            ---
            1. In a list:

               ```mlp
               input: {random: 7, units: 4, samples: 2, min: -1, max: 1}
               layers:
                 - units: 3
                   weights: {random: 1, min: -2, max: 2, integers: true}
                   activation: leaky_relu
                 - units: 2
                   weights: {random: 2}
                   activation: softmax
               target: [[1, 0], [0, 1]]
               loss: cross_entropy
               ```
            """, """
            ---
            title: A transformer's layers
            ---
            ```network
            input: [[1, 0, 1], [0, 2, 1], [1, 1, 0], [2, 0, 1]]
            layers:
              - type: attention
                causal: true
                heads:
                  - query: [[1, 0, 1], [0, 1, 0]]
                    key: [[1, 0, 0], [-1, 0, 1]]
                    value: [[1, 0, 0], [0, 1, 0]]
                  - query: [[0, 0, 1]]
                    key: [[0, 1, 0]]
                    value: [[0, 0, 1]]
                output: [[1, 0, 1], [0, 1, 0], [0, 0, 1]]
              - type: residual
                layers:
                  - weights: {random: 3}
                    units: 4
                    activation: gelu
                  - weights: [[1, 0, 0, 1], [0, 1, 0, 0], [0, 0, 1, 1]]
                    activation: linear
              - type: attention
                weights: [[0.5, 0.5, 0, 0], [0.5, 0.5, 0, 0], [0, 0, 0.5, 0.5], [0, 0, 0.5, 0.5]]
                value: [[1, -1, 0]]
            target: [[1], [0], [-1], [0]]
            ```
            """, """
            ---
            title: Norms and dropout
            ---
            ```network
            input: [[0, 1], [2, 3], [4, 5]]
            layers:
              - type: batch_norm
                gamma: [2, 1]
                beta: [0.5, 0]
                epsilon: 0
                variance: unbiased
              - type: dropout
                p: 0.5
                mask: [[1, 0, 1], [1, 1, 0]]
              - type: residual
                layers:
                  - type: layer_norm
                    epsilon_added_to: std
                  - type: dropout
                    p: 0.25
                    seed: 9007199254740993
              - type: activation
                activation: softmax
            ```
            """);

    /** Characters that break YAML or Markdown, or that editors and other systems slip in. */
    private static final List<String> STRAY = List.of(
            "[", "]", "{", "}", ":", ": ", "-", "- ", ",", "#", "'", "\"", "&a ", "*a", "!!str ", "!!binary ", "|",
            ">", "?", "%", "@", "`", "```", "~~~", "---", "...", "\t", "\r", "\r\n", "\n", " ", "  ", "\uFEFF",
            "\u2028", "\u0085", "\u00A0", "\u0000", "\u0007", "\uD83D\uDE00", "é", "\u0301", "\\", "<script>",
            "1e308", "-1e308", ".nan", ".inf", "-.inf", "1e999", "0x1F", "1_000", "null", "~", "true", "NaN",
            "9".repeat(1000), "0." + "1".repeat(400), "<!--", "-->", "\u202E", "<title>",
            "<textarea>", "<a href='javascript:x' onclick=y>", "<svg><style>");

    enum Kind { DELETE, DUPLICATE, SWAP, INSERT, NUMBER_TO_TEXT, INDENT, DEDENT, TRUNCATE, REPLACE_CHAR }

    record Mutation(Kind kind, int a, int b, String stray) {

        String apply(String text) {
            List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
            int i = Math.floorMod(a, lines.size());
            int j = Math.floorMod(b, lines.size());
            switch (kind) {
                case DELETE -> lines.remove(i);
                case DUPLICATE -> lines.add(i, lines.get(i));
                case SWAP -> {
                    String t = lines.get(i);
                    lines.set(i, lines.get(j));
                    lines.set(j, t);
                }
                case INSERT -> {
                    int at = Math.floorMod(b, text.length() + 1);
                    return text.substring(0, at) + stray + text.substring(at);
                }
                case NUMBER_TO_TEXT -> lines.set(i, lines.get(i).replaceFirst("-?\\d+(\\.\\d+)?",
                        Matcher.quoteReplacement(stray.isBlank() ? "one" : stray)));
                case INDENT -> lines.set(i, " ".repeat(1 + Math.floorMod(b, 5)) + lines.get(i));
                case DEDENT -> lines.set(i, lines.get(i).stripLeading());
                case TRUNCATE -> {
                    return text.substring(0, Math.floorMod(b, text.length() + 1));
                }
                case REPLACE_CHAR -> {
                    if (text.isEmpty()) {
                        return stray;
                    }
                    int at = Math.floorMod(b, text.length());
                    return text.substring(0, at) + stray + text.substring(at + 1);
                }
                default -> throw new IllegalStateException(kind.toString());
            }
            return String.join("\n", lines);
        }
    }

    @Provide
    Arbitrary<Mutation> mutations() {
        return Combinators.combine(
                Arbitraries.of(Kind.class),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.integers().between(0, 10_000),
                Arbitraries.oneOf(Arbitraries.of(STRAY), Arbitraries.strings().ofMinLength(1).ofMaxLength(3)))
                .as(Mutation::new);
    }

    @Provide
    Arbitrary<List<Mutation>> mutationLists() {
        return mutations().list().ofMinSize(1).ofMaxSize(4);
    }

    @Property(tries = 2500, seed = SEED)
    void mutatedLessonsBuildOrGivePositionedErrors(@ForAll @IntRange(min = 0, max = 2) int seed,
                                                   @ForAll("mutationLists") List<Mutation> mutations) {
        String text = SEEDS.get(seed);
        for (Mutation mutation : mutations) {
            text = mutation.apply(text);
        }
        AuthorInputs.check(text);
    }

    /** YAML built from the pieces an mlp block is made of, in any order and nesting. */
    @Provide
    Arbitrary<String> yaml() {
        Arbitrary<String> token = Arbitraries.oneOf(
                Arbitraries.of("input", "layers", "weights", "bias", "activation", "units", "random", "target",
                        "steps", "loss", "caption", "labels", "name", "precision", "layout", "title", "order",
                        "summary", "section", "min", "max", "samples", "learning_rate", "integers"),
                Arbitraries.of(": ", ":", "- ", "[", "]", "{", "}", ", ", "\n", "\n  ", "\n    ", "\n- ", " ",
                        "&x ", "*x", "<<: ", "? ", "# c", "|\n  ", "'", "\"", "\t", "\r\n", "!!int ", "!!seq "),
                Arbitraries.of("relu", "softmax", "cross_entropy", "mse", "augmented", ".nan", ".inf", "1e308",
                        "-1e308", "1e-320", "0", "-0", "true", "~", "null", "1" + "0".repeat(400)),
                Arbitraries.doubles().between(-1e6, 1e6).map(d -> Double.toString(d)),
                Arbitraries.integers().between(-5, 1000).map(String::valueOf));
        return token.list().ofMaxSize(60).map(tokens -> String.join("", tokens));
    }

    @Property(tries = 1500, seed = SEED)
    void randomYamlInAnMlpBlockBuildsOrGivesPositionedErrors(@ForAll("yaml") String yaml) {
        AuthorInputs.check("---\ntitle: Random\n---\nProse.\n\n```mlp\n" + yaml + "\n```\n");
    }

    @Property(tries = 1000, seed = SEED)
    void randomYamlInTheFrontMatterBuildsOrGivesPositionedErrors(@ForAll("yaml") String yaml) {
        AuthorInputs.check("---\n" + yaml + "\n---\nProse.\n");
    }

    /** Well-formed blocks with random sizes and numbers, large and small: the computation itself. */
    @Provide
    Arbitrary<String> numbers() {
        return Arbitraries.oneOf(
                Arbitraries.doubles().between(-1e308, 1e308).map(d -> Double.toString(d)),
                Arbitraries.doubles().between(-10, 10).map(d -> Double.toString(d)),
                Arbitraries.of("1e308", "-1e308", "1e200", "1e-300", "0", "1e154", "-1e154"));
    }

    @Provide
    Arbitrary<List<String>> sixNumbers() {
        return numbers().list().ofSize(6);
    }

    @Property(tries = 800, seed = SEED)
    void extremeNumbersAreComputedOrReportedAtTheBlock(@ForAll("sixNumbers") List<String> n,
                                                      @ForAll @IntRange(min = 0, max = 5) int activation,
                                                      @ForAll boolean train) {
        String[] activations = {"relu", "linear", "sigmoid", "tanh", "leaky_relu", "gelu", "softmax"};
        String text = """
                ---
                title: Extremes
                ---
                ```mlp
                input: [%s, %s]
                layers:
                  - weights: [[%s, %s], [%s, 1]]
                    activation: %s
                  - weights: [[%s, 1]]
                    activation: %s
                %s
                ```
                """.formatted(n.get(0), n.get(1), n.get(2), n.get(3), n.get(4), activations[activation], n.get(5),
                activation == 5 ? "softmax" : "linear",
                train ? "target: [1]\nsteps: 3\nlearning_rate: 1e300" : "");
        AuthorInputs.check(text);
    }
}
