/** The dev server: watch the lessons and theme, rebuild what changed, serve on 127.0.0.1, reload the open pages, show errors over them. */
package dev.longhand.serve;
