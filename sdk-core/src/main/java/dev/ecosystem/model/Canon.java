package dev.ecosystem.model;

import com.github.benmanes.caffeine.cache.Interner;
import java.util.Collection;
import org.jspecify.annotations.Nullable;

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

    private static final int RECENT_BITS = 12;
    /** How many recently seen texts {@link #repeated} remembers, one per slot. */
    private static final int RECENT_SLOTS = 1 << RECENT_BITS;
    /** The longest text {@link #repeated} remembers, which bounds what the slots hold to about 1 MB. */
    private static final int RECENT_LENGTH = 256;
    // Read and written without a lock: a String is safely published through a race, and a lost write only misses
    // one chance to share.
    private static final @Nullable String[] RECENT = new String[RECENT_SLOTS];

    static Tag tag(Tag tag) {
        return TAGS.intern(tag);
    }

    static String text(String text) {
        return TEXTS.intern(text);
    }

    /**
     * An earlier equal instance of {@code text} if one was seen lately, else {@code text} itself: for free text that
     * often repeats across records (descriptions written from a template, placeholders) but as often does not. An
     * interner would keep an entry for every distinct value; this keeps a fixed table of {@value #RECENT_SLOTS}
     * slots by hash, each holding the last text of at most {@value #RECENT_LENGTH} characters seen there, so it
     * costs no memory per record and shares every value that recurs before another value takes its slot.
     */
    static String repeated(String text) {
        if (text.isEmpty() || text.length() > RECENT_LENGTH) {
            return text;
        }
        int slot = (text.hashCode() * 0x9E3779B9) >>> (Integer.SIZE - RECENT_BITS);
        String seen = RECENT[slot];
        if (text.equals(seen)) {
            return seen;
        }
        RECENT[slot] = text;
        return text;
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
