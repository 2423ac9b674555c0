package dev.longhand.markdown;

/** A block's element id, which links may name: the first block of a lesson is "mlp-1". */
final class BlockIds {

    private BlockIds() {
    }

    static String of(int number) {
        return "mlp-" + number;
    }
}
