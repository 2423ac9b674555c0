package dev.longhand.kinds.norm;

/**
 * Which numbers are normalized together. A <em>group</em> is one mean and one variance; its
 * <em>members</em> are visited in a fixed order, which every sum follows.
 */
public enum NormAxis {

    /** {@code batch_norm}: each row (feature) over the columns (samples), columns left to right. */
    BATCH("batch_norm") {
        @Override
        int groups(int rows, int cols) {
            return rows;
        }

        @Override
        int row(int group, int member) {
            return group;
        }

        @Override
        int col(int group, int member) {
            return member;
        }
    },

    /** {@code layer_norm}: each column (token, sample) over its rows (features), top to bottom. */
    LAYER("layer_norm") {
        @Override
        int groups(int rows, int cols) {
            return cols;
        }

        @Override
        int row(int group, int member) {
            return member;
        }

        @Override
        int col(int group, int member) {
            return group;
        }
    };

    private final String type;

    NormAxis(String type) {
        this.type = type;
    }

    /** The contract's {@code type}. */
    public String type() {
        return type;
    }

    /** The number of groups of a rows × cols input. */
    abstract int groups(int rows, int cols);

    /** The number of members of each group of a rows × cols input. */
    int members(int rows, int cols) {
        return rows * cols / groups(rows, cols);
    }

    abstract int row(int group, int member);

    abstract int col(int group, int member);
}
