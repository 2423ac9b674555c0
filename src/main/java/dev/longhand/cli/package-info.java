/** The longhand command line: build and check, with exit codes 0, 1 and 2. */
package dev.longhand.cli;
