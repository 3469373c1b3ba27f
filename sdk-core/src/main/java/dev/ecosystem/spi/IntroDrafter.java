package dev.ecosystem.spi;

/**
 * Writes the emails of an introduction. The default is a template drafter that needs no network; an LLM-backed one
 * lives in {@code sdk-mail}. Implementations are thread-safe and never throw for a valid request: a drafter that
 * cannot do better falls back to a template and says so in {@link Draft#note()}.
 */
@FunctionalInterface
public interface IntroDrafter {
    /** Drafts one email. */
    Draft draft(DraftRequest request);
}
