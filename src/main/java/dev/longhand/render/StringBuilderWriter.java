package dev.longhand.render;

import java.io.Writer;

/**
 * A writer into a StringBuilder. {@link java.io.StringWriter} appends to a StringBuffer,
 * which takes a lock on each of the many small writes a page is made of (every run of
 * template text, every piece of an escaped value), though a page is written by one thread.
 */
final class StringBuilderWriter extends Writer {

    private final StringBuilder text;

    StringBuilderWriter(int capacity) {
        this.text = new StringBuilder(capacity);
    }

    // Writer's own write(String, int, int) and write(int) lock: every write is overridden.

    @Override
    public void write(int c) {
        text.append((char) c);
    }

    @Override
    public void write(char[] chars, int offset, int length) {
        text.append(chars, offset, length);
    }

    @Override
    public void write(String string) {
        text.append(string);
    }

    @Override
    public void write(String string, int offset, int length) {
        text.append(string, offset, offset + length);
    }

    @Override
    public Writer append(CharSequence chars) {
        text.append(chars);
        return this;
    }

    @Override
    public Writer append(CharSequence chars, int start, int end) {
        text.append(chars, start, end);
        return this;
    }

    @Override
    public Writer append(char c) {
        text.append(c);
        return this;
    }

    @Override
    public void flush() {
    }

    @Override
    public void close() {
    }

    @Override
    public String toString() {
        return text.toString();
    }
}
