package dev.longhand.markdown;

import dev.longhand.render.Block;
import dev.longhand.spec.PracticeDefault;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Computed and rendered {@code mlp} blocks kept from one build of a live preview to the next,
 * so that editing a lesson's prose does not compute its networks again. A result is found only
 * by everything it depends on: the block's exact text, its place in the lesson (its id), the
 * lesson's answer-key page (which also names the page that seeds new numbers), the site's
 * practice default, and the generator's version; never by a file's time. One cache
 * serves one set of templates: a changed theme needs a new cache. Blocks with errors are not
 * kept, so their messages are always fresh.
 */
public final class BlockCache {

    /** The generator's version: a result of another version of Longhand is never reused. */
    static final String GENERATOR = "longhand " + Optional.ofNullable(BlockCache.class.getPackage().getImplementationVersion())
            .orElse("development");

    /** Results kept at most; the least recently used go first. */
    static final int CAPACITY = 4096;

    /** Everything a block's result depends on. */
    record Key(String text, int number, String answersPage, Optional<PracticeDefault> sitePractice, String generator) {
    }

    /** A block computed and rendered: its result, its HTML, and its answer key's HTML (or ""). */
    record Result(Block block, String html, String answerHtml) {
    }

    private final Map<Key, Result> results = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Key, Result> eldest) {
            return size() > CAPACITY;
        }
    };
    private long hits;
    private long misses;

    static Key key(String text, int number, String answersPage, Optional<PracticeDefault> sitePractice) {
        return new Key(text, number, answersPage, sitePractice, GENERATOR);
    }

    synchronized Optional<Result> get(Key key) {
        Result result = results.get(key);
        if (result == null) {
            misses++;
        } else {
            hits++;
        }
        return Optional.ofNullable(result);
    }

    synchronized void put(Key key, Result result) {
        results.put(key, result);
    }

    /** Blocks found in the cache so far (for tests and the server's log). */
    public synchronized long hits() {
        return hits;
    }

    /** Blocks computed because the cache did not have them. */
    public synchronized long misses() {
        return misses;
    }
}
