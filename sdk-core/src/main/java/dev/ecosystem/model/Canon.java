package dev.ecosystem.model;

import com.github.benmanes.caffeine.cache.Interner;

/**
 * The canonical instances of values that repeat across many records (tags, industries, regions, titles): a network
 * of a million profiles draws them from a vocabulary of a few thousand, so each profile keeps references instead of
 * its own copies. Weak, so a value no record holds any more is dropped.
 */
final class Canon {
    private static final Interner<Tag> TAGS = Interner.newWeakInterner();
    private static final Interner<String> TEXTS = Interner.newWeakInterner();

    private Canon() {
    }

    static Tag tag(Tag tag) {
        return TAGS.intern(tag);
    }

    static String text(String text) {
        return TEXTS.intern(text);
    }
}
