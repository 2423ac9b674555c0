/** The longhand command line: build, check, serve and new, with exit codes 0, 1 and 2. */
package dev.longhand.cli;
