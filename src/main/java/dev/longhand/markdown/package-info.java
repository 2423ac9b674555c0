/** Flexmark: front matter, a first pass that computes every mlp block, and the renderer that prints them. */
package dev.longhand.markdown;
