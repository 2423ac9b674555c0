/** The {@code dropout} kind: inverted dropout with a given or seeded 0/1 mask. */
package dev.longhand.kinds.dropout;
