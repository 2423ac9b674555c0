/** Reads one mlp block's YAML into a validated network spec, positioning every problem in the Markdown file. */
package dev.longhand.spec;
