/** The files a block can be taken away as: a spreadsheet and runnable scripts, written next to its page. */
package dev.longhand.export;
