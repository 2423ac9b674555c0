package dev.longhand.spec;

import java.util.Collection;
import java.util.Optional;

/** "Did you mean ...?": the known name closest to a misspelt one, if it is close enough. */
public final class NearestName {

    private NearestName() {
    }

    public static Optional<String> among(String typed, Collection<String> known) {
        String lower = typed.toLowerCase(java.util.Locale.ROOT);
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String candidate : known) {
            int distance = distance(lower, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
        // A third of the length, at least 1 edit and at most 3: near enough to be a typo.
        int allowed = Math.max(1, Math.min(3, typed.length() / 3));
        return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
    }

    /** The suffix for a message: "; did you mean 'weights'?" or nothing. */
    public static String hint(String typed, Collection<String> known) {
        return among(typed, known).map(name -> "; did you mean '" + name + "'?").orElse("");
    }

    /**
     * The suggestion when there is one, else every known name, so that a message never ends
     * in both ("did you mean 'relu'?; the activations are ..." reads badly):
     * {@code "; did you mean 'relu'?"} or {@code "; the activations are relu, linear, ..."}.
     */
    public static String hintOrList(String typed, Collection<String> known, String listIntro) {
        return among(typed, known)
                .map(name -> "; did you mean '" + name + "'?")
                .orElse("; " + listIntro + " " + String.join(", ", known));
    }

    /** Optimal string alignment distance: edits, with a swap of two neighbours as one edit. */
    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
