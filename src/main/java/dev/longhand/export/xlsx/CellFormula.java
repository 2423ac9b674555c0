package dev.longhand.export.xlsx;

/** The formula of entry (r, c) of a computed matrix, without the leading {@code =}; null leaves a text or blank. */
@FunctionalInterface
public interface CellFormula {

    String at(int r, int c);
}
