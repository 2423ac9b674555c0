package dev.longhand.render;

/** A link to another page: where, and its title. */
public record LinkView(String href, String title) {
}
