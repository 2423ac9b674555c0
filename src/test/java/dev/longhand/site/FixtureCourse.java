package dev.longhand.site;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small course the tests write themselves, so that no test depends on the lessons shipped
 * in {@code content/}: a teacher may rename, add or delete those freely. It has every kind of
 * page the theme draws: a lesson with prose and headings, a hidden layer, a batch through
 * seven layers, training over several steps, softmax with cross-entropy, a worksheet with an
 * answer key, a code block and a table, and a page in a second section.
 *
 * <p>Values worked by hand are given where the tests check them: {@link #SEVEN_LAYERS_NETWORK}
 * in {@code SevenLayersLessonTest}, {@link #SOFTMAX} below.
 */
public final class FixtureCourse {

    /** The lessons' pages in the order of the main section ("Lessons"). */
    public static final List<String> SERIES = List.of("one-neuron.html", "a-hidden-layer.html", "seven-layers.html",
            "gradient-descent.html", "softmax.html", "a-worksheet.html");
    /** The page of the second section. */
    public static final String AUTHORS_PAGE = "notes-for-authors.html";

    /** Hidden 1 alone on one sample (3, 4, 5): one block of the seven-layer lesson. */
    public static final String SEVEN_LAYERS_FIRST = """
            ```mlp
            caption: "Hidden 1 alone, on the sample x₁ = (3, 4, 5)"
            input: [3, 4, 5]
            layers:
              - name: Hidden 1
                weights:
                  - [0, 0, 1]
                  - [0, 1, 0]
                  - [1, 0, 0]
                  - [1, 1, 0]
                  - [0, 1, 1]
                activation: relu
            ```
            """;

    /**
     * Seven layers, zero biases, on the samples (3, 4, 5) and (5, 4, 3); by hand:
     *
     * <pre>
     * layer     x1 = (3, 4, 5)       x2 = (5, 4, 3)
     * Hidden 1  (5, 4, 3, 7, 9)      (3, 4, 5, 9, 7)
     * Hidden 2  (5+4-3, 3+7-9)       (3+4-5, 5+9-7)        = (6, 1)  and (2, 7)
     * Hidden 3  (7, 6-1, 6+2)        (9, 2-7, 2+14)        = (7, 5, 8) and (9, -5 -> 0, 16)
     * Hidden 4  (7-5, 8-5)           (9-0, 16-0)           = (2, 3)  and (9, 16)
     * Hidden 5  swap                                       = (3, 2)  and (16, 9)
     * Hidden 6  (3-2, 3+2)           (16-9, 16+9)          = (1, 5)  and (7, 25)
     * Output    1-5 = -4             7-25 = -18
     * </pre>
     */
    public static final String SEVEN_LAYERS_NETWORK = """
            ```mlp
            caption: "Seven layers, zero biases, ReLU on every layer but the linear output."
            input: [[3, 4, 5], [5, 4, 3]]
            layers:
              - name: Hidden 1
                weights:
                  - [0, 0, 1]
                  - [0, 1, 0]
                  - [1, 0, 0]
                  - [1, 1, 0]
                  - [0, 1, 1]
              - name: Hidden 2
                weights:
                  - [1, 1, -1, 0, 0]
                  - [0, 0, 1, 1, -1]
              - name: Hidden 3
                weights:
                  - [1, 1]
                  - [1, -1]
                  - [1, 2]
              - name: Hidden 4
                weights:
                  - [1, -1, 0]
                  - [0, -1, 1]
              - name: Hidden 5
                weights:
                  - [0, 1]
                  - [1, 0]
              - name: Hidden 6
                weights:
                  - [1, -1]
                  - [1, 1]
              - name: Output
                weights:
                  - [1, -1]
            ```
            """;

    /** The seven-layer lesson: the first layer alone, then the whole network on two samples. */
    public static final String SEVEN_LAYERS = """
            ---
            title: Seven layers
            order: 30
            summary: Two samples through seven layers.
            ---

            A batch of two samples through seven layers, every sum written out.

            ## The first layer

            %s
            ## The whole network

            %s
            Both outputs are negative: the last layer is linear.
            """.formatted(SEVEN_LAYERS_FIRST, SEVEN_LAYERS_NETWORK);

    /**
     * One softmax layer: z = (1·1 + 1·2, 2·1 + 0.5·2, 0·1 + (−0.5)·2) = (3, 3, −1), so
     * a = (e³, e³, e⁻¹) / (2e³ + e⁻¹) and the cross-entropy against t = (0, 1, 0) is −ln a₂.
     */
    public static final String SOFTMAX = """
            ```mlp
            caption: "Softmax on z = (3, 3, −1), cross-entropy against t = (0, 1, 0)"
            input: [1, 2]
            target: [0, 1, 0]
            loss: cross_entropy
            learning_rate: 0.1
            layers:
              - name: Output
                weights:
                  - [1, 1]
                  - [2, 0.5]
                  - [0, -0.5]
                bias: [0, 0, 0]
                activation: softmax
            ```
            """;

    /** Five steps of gradient descent on a 2 → 2 → 1 network (MSE, target 2, η = 0.1). */
    public static final String TRAINING = """
            ```mlp
            caption: "Five steps of gradient descent with η = 0.1"
            input: [1, 2]
            labels: [x1, x2]
            target: [2]
            loss: mse
            learning_rate: 0.1
            steps: 5
            layers:
              - name: Hidden
                weights:
                  - [1, -1]
                  - [1, 0]
                bias: [0, 0]
              - name: Output
                weights:
                  - [1, 0.5]
                bias: [0.5]
            ```
            """;

    private FixtureCourse() {
    }

    /** File name → Markdown of every lesson of the course. */
    public static Map<String, String> lessons() {
        Map<String, String> lessons = new LinkedHashMap<>();
        lessons.put("01-one-neuron.md", """
                ---
                title: One neuron
                order: 10
                summary: A dot product, worked out with a pencil.
                ---

                Take a pencil: one neuron multiplies each input by its weight and adds them up.

                ## The dot product

                ```mlp
                caption: "One neuron on x = (2, 1, 3)"
                input: [2, 1, 3]
                labels: [x1, x2, x3]
                layers:
                  - name: Node
                    weights:
                      - [1, -1, 1]
                    bias: [-1]
                    activation: relu
                ```

                Next comes [a hidden layer](02-a-hidden-layer.md#two-layers).
                """);
        lessons.put("02-a-hidden-layer.md", """
                ---
                title: A hidden layer
                order: 20
                summary: Four units, then two.
                ---

                One layer feeds the next; much later a softmax turns outputs into probabilities.

                ## Two layers

                ```mlp
                caption: "Two layers on x = (2, 1, 3)"
                input: [2, 1, 3]
                layers:
                  - name: Hidden
                    weights:
                      - [1, -1, 1]
                      - [1, 1, 0]
                      - [0, 1, 1]
                      - [1, 0, 1]
                    bias: [-5, 0, 1, -2]
                  - name: Output
                    weights:
                      - [1, 1, -1, 0]
                      - [0, 0, 1, -1]
                    bias: [0, 1]
                    activation: relu
                ```
                """);
        lessons.put("03-seven-layers.md", SEVEN_LAYERS);
        lessons.put("04-gradient-descent.md", """
                ---
                title: Gradient descent
                order: 40
                summary: The gradient of the loss, and five steps against it.
                ---

                Each step moves every weight against its gradient.

                ## Five steps

                %s""".formatted(TRAINING));
        lessons.put("05-softmax.md", """
                ---
                title: Softmax
                order: 50
                summary: Softmax and cross-entropy, and their gradient.
                ---

                The gradient of cross-entropy after softmax is a − t.

                ## Probabilities

                %s""".formatted(SOFTMAX));
        lessons.put("06-a-worksheet.md", """
                ---
                title: A worksheet
                order: 60
                summary: Fill in the blanks.
                ---

                Work out the empty boxes, then check them against the answer key.

                ## Your turn

                %s
                ## The steps in a table

                | step | what to write |
                |---|---|
                | 1 | every product of a weight and an input |
                | 2 | the sum, plus the bias |

                ## The block as typed

                ```text
                input: [1.5, 2]
                layers:
                  - weights: [[2, 0.5], [-1, -1.25]]
                ```
                """.formatted(WorksheetNetworks.THREE_LAYERS.formatted("true")));
        lessons.put("90-notes-for-authors.md", """
                ---
                title: Notes for authors
                order: 900
                section: For authors
                summary: How these pages are written.
                ---

                Every lesson is a Markdown file with mlp blocks in it.

                ```mlp
                input: [1, 2]
                layers:
                  - weights: [[1, -1]]
                ```
                """);
        return lessons;
    }

    /** Writes the course into {@code content}; returns it. */
    public static Path write(Path content) {
        lessons().forEach((name, text) -> SiteFiles.write(content, name, text));
        return content;
    }

    /**
     * A lesson of realistic size: 784 generated inputs on 4 samples through 128 and 64 hidden
     * units to 10 outputs, weights drawn with two decimals.
     */
    public static final String REALISTIC = """
            ---
            title: A realistic size
            order: 10
            summary: 784 → 128 → 64 → 10 on four samples.
            ---

            The same arithmetic at the size of a digit classifier.

            ```mlp
            caption: 784 → 128 → 64 → 10, a batch of four generated samples
            input: {random: 7, units: 784, samples: 4, min: 0, max: 1, decimals: 2}
            layers:
              - name: Hidden 1
                units: 128
                weights: {random: 11, min: -0.1, max: 0.1, decimals: 2}
              - name: Hidden 2
                units: 64
                weights: {random: 12, min: -0.3, max: 0.3, decimals: 2}
              - name: Output
                units: 10
                weights: {random: 13, min: -0.5, max: 0.5, decimals: 2}
            precision: 3
            ```
            """;
}
