package dev.longhand.render;

import java.util.List;

/**
 * The worked lines of one sample of a layer. A layer of many units shows its first lines and
 * keeps the rest behind a "show all" disclosure, so a large network's page stays readable.
 *
 * @param heading "Sample 2", or empty for a single sample
 * @param lines   the lines shown at once
 * @param more    the lines behind the disclosure (empty for a small layer)
 * @param noun    what the hidden lines are called: "units" for a layer's, "lines" for a kind's steps
 */
public record WorkGroupView(String heading, List<WorkLineView> lines, List<WorkLineView> more, String noun) {

    /** A layer with more units than this puts the rest of its lines behind "show all". */
    public static final int SHOWN_LINES = 6;
    public static final int FIRST_LINES = 4;

    public WorkGroupView {
        lines = List.copyOf(lines);
        more = List.copyOf(more);
    }

    /** Splits a sample's lines into those shown and those behind the disclosure. */
    public static WorkGroupView of(String heading, List<WorkLineView> all) {
        if (all.size() <= SHOWN_LINES) {
            return new WorkGroupView(heading, all, List.of(), "units");
        }
        return new WorkGroupView(heading, all.subList(0, FIRST_LINES), all.subList(FIRST_LINES, all.size()), "units");
    }

    /** A step of a layer kind (a product, a softmax, a mean): up to 16 lines at once, then "show the other N lines". */
    public static WorkGroupView step(String heading, List<WorkLineView> all) {
        if (all.size() <= STEP_LINES) {
            return new WorkGroupView(heading, all, List.of(), "lines");
        }
        return new WorkGroupView(heading, all.subList(0, STEP_FIRST_LINES), all.subList(STEP_FIRST_LINES, all.size()),
                "lines");
    }

    /** A step of a kind with more lines than this puts the rest behind "show the other N lines". */
    public static final int STEP_LINES = 16;
    public static final int STEP_FIRST_LINES = 12;

    public boolean hasHeading() {
        return !heading.isEmpty();
    }

    public boolean hasMore() {
        return !more.isEmpty();
    }

    public String moreSummary() {
        return "Show the other " + more.size() + " " + noun;
    }

    /** Where the numbering of the hidden list continues. */
    public int moreStart() {
        return lines.size() + 1;
    }
}
