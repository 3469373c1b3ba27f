package dev.ecosystem.model;

import com.github.benmanes.caffeine.cache.Interner;
import java.util.Collection;

/**
 * The canonical instances of values that repeat across many records (tags, industries, regions, titles, and
 * small sets of them): a network
 * of a million profiles draws them from a vocabulary of a few thousand, so each profile keeps references instead of
 * its own copies. Weak, so a value no record holds any more is dropped.
 */
final class Canon {
    private static final Interner<Tag> TAGS = Interner.newWeakInterner();
    private static final Interner<String> TEXTS = Interner.newWeakInterner();
    private static final Interner<Collection<?>> COLLECTIONS = Interner.newWeakInterner();

    private Canon() {
    }

    static Tag tag(Tag tag) {
        return TAGS.intern(tag);
    }

    static String text(String text) {
        return TEXTS.intern(text);
    }

    /**
     * The canonical instance of a small immutable collection that many records share, such as the industries and
     * regions of profiles (a few hundred combinations across a network) or a contact's role tags.
     */
    @SuppressWarnings("unchecked") // an equal collection of the same kind has the same element type
    static <C extends Collection<?>> C collection(C collection) {
        return (C) COLLECTIONS.intern(collection);
    }
}
