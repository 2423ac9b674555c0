/** The files a block can be taken away as: the spreadsheet ({@code export.xlsx}) and scripts. */
package dev.longhand.export;
