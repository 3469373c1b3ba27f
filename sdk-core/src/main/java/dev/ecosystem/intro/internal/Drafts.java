package dev.ecosystem.intro.internal;

import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.IntroDrafter;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The drafts of one engine operation, made outside every store transaction: a drafter may wait on the network (an
 * LLM behind HTTP), and a transaction waiting with it would hold a pooled connection and, on each conflict, run the
 * drafter again.
 *
 * <p>Inside a transaction the work takes its drafts from {@link #get}. A draft not made yet is noted and a
 * placeholder stands in, and {@link #requireAll} at the end of the callback throws {@link Needed}, which rolls the
 * attempt back. The operation then drafts what was missing ({@link #draftMissing}), outside any transaction, and
 * runs the transaction again. Drafts are kept by their request (a record), so an attempt run again after a conflict
 * finds every draft it needs, and a draft is made again only when its inputs changed between attempts (a contact
 * renamed meanwhile, say). That holds only if the work's own inputs (ids, token ids, "now") are fixed once per
 * operation, outside the transaction.
 *
 * <p>One operation, one thread at a time; not thread-safe.
 */
final class Drafts {
    /** Never stored: an attempt that used it is rolled back. */
    private static final Draft PLACEHOLDER = new Draft("Draft pending", "This email is being drafted.",
            "<p>This email is being drafted.</p>", null);

    private final Map<DraftRequest, Draft> made = new HashMap<>();
    private final Set<DraftRequest> missing = new LinkedHashSet<>();

    /** Starts an attempt of the transaction: what a rolled-back attempt missed no longer counts. */
    void beginAttempt() {
        missing.clear();
    }

    /** The draft made for {@code request}, or a placeholder that makes {@link #requireAll} roll the attempt back. */
    Draft get(DraftRequest request) {
        Draft draft = made.get(request);
        if (draft == null) {
            missing.add(request);
            return PLACEHOLDER;
        }
        return draft;
    }

    /**
     * Ends an attempt, inside its callback.
     *
     * @throws Needed when the attempt used a placeholder, so the store rolls it back
     */
    void requireAll() {
        if (!missing.isEmpty()) {
            throw new Needed();
        }
    }

    /** Drafts every missing request with {@code drafter}, once each. Called outside any transaction. */
    void draftMissing(IntroDrafter drafter) {
        for (DraftRequest request : List.copyOf(missing)) {
            made.put(request, drafter.draft(request));
        }
        missing.clear();
    }

    /**
     * Rolls back an attempt that used placeholders; the operation drafts and runs the transaction again. Not an
     * {@link dev.ecosystem.error.EcosystemException}: it never leaves the engine.
     */
    static final class Needed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Needed() {
            super("drafts are missing; rolled back to draft them outside the transaction", null, false, false);
        }
    }
}
