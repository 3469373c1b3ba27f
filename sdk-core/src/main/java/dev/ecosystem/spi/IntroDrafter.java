package dev.ecosystem.spi;

/**
 * Writes the emails of an introduction. The default is a template drafter that needs no network; an LLM-backed one
 * lives in {@code sdk-mail}. Implementations are thread-safe and never throw for a valid request: a drafter that
 * cannot do better falls back to a template and says so in {@link Draft#note()}.
 *
 * <p>What the SDK promises a drafter, so that one may be slow:
 * <ul>
 *   <li>It is never called inside a {@link PartnerStore} transaction. A drafter may therefore wait on the network
 *       (a language model behind HTTP, seconds at a time) without holding a database connection, and without being
 *       run again each time a transaction is retried after a conflict.</li>
 *   <li>Each email of an operation is drafted once. The same email is drafted again only when its inputs changed
 *       (for example a contact was renamed while the first draft was written), so the new request differs from the
 *       first.</li>
 *   <li>A draft may be thrown away unsent, when the operation then fails (the introduction was answered meanwhile,
 *       a limit was reached).</li>
 * </ul>
 */
@FunctionalInterface
public interface IntroDrafter {
    /** Drafts one email. */
    Draft draft(DraftRequest request);
}
