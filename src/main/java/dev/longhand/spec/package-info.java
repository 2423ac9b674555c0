/** Reads one mlp block's YAML into a validated network spec, and front matter and longhand.yml, positioning every problem in its file. */
package dev.longhand.spec;
