package dev.longhand.markdown;

import java.nio.charset.StandardCharsets;

/** A block's element id, which links may name: the first block of a lesson is "mlp-1". */
final class BlockIds {

    private static final long FNV_OFFSET = 0xcbf29ce484222325L;
    private static final long FNV_PRIME = 0x100000001b3L;

    private BlockIds() {
    }

    static String of(int number) {
        return "mlp-" + number;
    }

    /**
     * A 64-bit seed for a block's new numbers from text naming it ("four-nodes.html#mlp-3"):
     * FNV-1a over its UTF-8 bytes, so that every build gives a block the same draws.
     */
    static long seed(String text) {
        long hash = FNV_OFFSET;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            hash ^= b & 0xff;
            hash *= FNV_PRIME;
        }
        return hash;
    }
}
