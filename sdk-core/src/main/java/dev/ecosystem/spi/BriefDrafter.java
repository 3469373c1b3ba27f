package dev.ecosystem.spi;

/**
 * Writes a program's one-page enablement brief from its terms. The default is a template drafter that needs no
 * network ({@code dev.ecosystem.program.TemplateBriefDrafter}); an LLM-backed one lives in {@code sdk-mail}.
 * Implementations are thread-safe and never throw for a valid request: a drafter that cannot do better falls back to
 * a template and says so in {@link BriefDraft#note()}.
 *
 * <p>It is never called inside a {@link PartnerStore} transaction, so it may wait on the network. A draft may be thrown
 * away unstored when the program changed meanwhile.
 */
@FunctionalInterface
public interface BriefDrafter {
    /** Drafts the brief. */
    BriefDraft draft(BriefRequest request);
}
