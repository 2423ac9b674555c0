package dev.longhand.markdown;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class WordsTest {

    /** The regular expressions the scan replaces: they define what it must give. */
    private static String collapsedByRegex(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static String firstByRegex(String text, int count) {
        String[] all = text.strip().split("\\s+");
        if (all.length <= count) {
            return String.join(" ", all);
        }
        return String.join(" ", Arrays.asList(all).subList(0, count)) + " …";
    }

    @Test
    void collapsesRunsOfSpacesAndTrimsTheEnds() {
        assertEquals("a b c", Words.collapsed("  a \t\n b\r\n\fc \u000B"));
        assertEquals("", Words.collapsed(" \n\t "));
        assertEquals("", Words.collapsed(""));
        // An em space is not a regex \s: kept between words, stripped at the ends.
        assertEquals("a \u2003 b", Words.collapsed("\u2003a \u2003 b\u2003"));
    }

    @Test
    void keepsTheFirstWordsAndMarksWhatWasLeftOut() {
        assertEquals("one two …", Words.first("one  two\tthree four", 2));
        assertEquals("one two", Words.first(" one two ", 2));
        assertEquals("", Words.first("   ", 3));
        assertEquals("one …", Words.first("one two", 1));
    }

    @Test
    void agreesWithTheRegularExpressionsOnRandomText() {
        String alphabet = "ab \t\n\r\f\u000B\u2003\u00a0.";
        SplittableRandom random = new SplittableRandom(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder text = new StringBuilder();
            int length = random.nextInt(12);
            for (int i = 0; i < length; i++) {
                text.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            String s = text.toString();
            assertEquals(collapsedByRegex(s), Words.collapsed(s), () -> "collapsed " + escape(s));
            int count = 1 + random.nextInt(3);
            assertEquals(firstByRegex(s, count), Words.first(s, count), () -> "first " + count + " of " + escape(s));
        }
    }

    private static String escape(String s) {
        StringBuilder out = new StringBuilder();
        s.chars().forEach(c -> out.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", c) : String.valueOf((char) c)));
        return out.toString();
    }
}
