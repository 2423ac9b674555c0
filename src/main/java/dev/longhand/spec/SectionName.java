package dev.longhand.spec;

/**
 * One entry of {@code sections:} in {@code longhand.yml}: a section as lessons name it in
 * their front matter, and the name the site shows for it (the same unless the entry renames it,
 * as {@code - Lessons: The course} does).
 */
public record SectionName(String name, String shown) {
}
