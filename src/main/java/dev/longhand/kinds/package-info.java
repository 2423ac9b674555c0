/** The layer kinds beyond dense layers, one package each, and their registry. */
package dev.longhand.kinds;
