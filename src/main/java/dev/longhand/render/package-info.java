/** The theme (built in, overridden file by file), Mustache views of lessons and blocks, and the trace JSON each block leaves in the page. */
package dev.longhand.render;
