/**
 * The workbook a block is exported as ({@link dev.longhand.export.xlsx.Workbook}): every input and
 * parameter a typed number, every computed value a formula over cells, one defined name per
 * matrix of the trace. Dense layers are written here; each other kind brings its
 * {@link dev.longhand.export.xlsx.KindWorkbook} in its own package.
 */
package dev.longhand.export.xlsx;
