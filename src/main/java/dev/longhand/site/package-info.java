/** Loads and orders lessons, renders every page and swaps the finished site into place. */
package dev.longhand.site;
