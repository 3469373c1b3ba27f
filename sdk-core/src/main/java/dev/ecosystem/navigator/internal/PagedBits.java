package dev.ecosystem.navigator.internal;

/**
 * A persistent bit set: a {@link #writer} sets bits into a copy and leaves this one unchanged, copying the page table
 * and only the 4096-bit pages it writes, so a writer can publish a new version in about a microsecond while readers
 * keep using the old one.
 */
final class PagedBits {
    private static final int PAGE_SHIFT = 12;
    private static final int WORDS_PER_PAGE = 1 << (PAGE_SHIFT - 6);

    private final long[][] pages;

    PagedBits(int capacity) {
        this(new long[(capacity >>> PAGE_SHIFT) + 1][]);
    }

    private PagedBits(long[][] pages) {
        this.pages = pages;
    }

    /** A copy of the bits set in {@code words} with room for {@code capacity} bits. */
    static PagedBits of(int capacity, long[] words) {
        long[][] pages = new long[(capacity >>> PAGE_SHIFT) + 1][];
        for (int word = 0; word < words.length; word++) {
            if (words[word] != 0) {
                int page = word / WORDS_PER_PAGE;
                if (pages[page] == null) {
                    pages[page] = new long[WORDS_PER_PAGE];
                }
                pages[page][word % WORDS_PER_PAGE] = words[word];
            }
        }
        return new PagedBits(pages);
    }

    /** This set with room for at least {@code capacity} bits. */
    PagedBits grow(int capacity) {
        int needed = (capacity >>> PAGE_SHIFT) + 1;
        return needed <= pages.length ? this : new PagedBits(java.util.Arrays.copyOf(pages, needed));
    }

    boolean get(int bit) {
        long[] page = pages[bit >>> PAGE_SHIFT];
        return page != null && (page[(bit >>> 6) & (WORDS_PER_PAGE - 1)] & (1L << bit)) != 0;
    }

    /** A writer that starts from this set and leaves it unchanged. */
    Writer writer() {
        return new Writer(pages);
    }

    /**
     * Sets many bits into a new set: the page table is copied once and each page once, on its first write, however
     * many of its bits are set.
     */
    static final class Writer {
        private final long[][] pages;
        private final boolean[] copied;

        private Writer(long[][] from) {
            pages = from.clone();
            copied = new boolean[pages.length];
        }

        boolean get(int bit) {
            long[] page = pages[bit >>> PAGE_SHIFT];
            return page != null && (page[(bit >>> 6) & (WORDS_PER_PAGE - 1)] & (1L << bit)) != 0;
        }

        void set(int bit) {
            int at = bit >>> PAGE_SHIFT;
            long[] page = pages[at];
            if (!copied[at]) {
                page = page == null ? new long[WORDS_PER_PAGE] : page.clone();
                pages[at] = page;
                copied[at] = true;
            }
            page[(bit >>> 6) & (WORDS_PER_PAGE - 1)] |= 1L << bit;
        }

        /** The set written; the writer is not used after. */
        PagedBits bits() {
            return new PagedBits(pages);
        }
    }
}
