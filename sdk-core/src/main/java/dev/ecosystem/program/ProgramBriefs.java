package dev.ecosystem.program;

import dev.ecosystem.model.BriefSection;
import dev.ecosystem.model.ProgramBrief;
import dev.ecosystem.model.ProgramId;
import java.util.Map;

/**
 * The acting vendor's enablement briefs, one per program, versioned: a drafter writes a draft from the program's
 * current terms, the vendor edits sections and approves it, and only an approved version is sent to the program's
 * partners. Editing an approved version makes the next version, a draft; the approved one stays as it was (and stays
 * the one {@link #send} sends until the next is approved).
 *
 * <pre>{@code
 * ProgramBriefs briefs = scope.programs().briefs();
 * ProgramBrief draft = briefs.draft(program.id());                 // drafted outside any store transaction
 * draft = briefs.edit(program.id(), draft.version(),
 *         Map.of(BriefSection.VALUE_PROPOSITION, "Earn 10% on every customer you refer."));
 * briefs.approve(program.id(), draft.version());
 * BriefSending sent = briefs.send(program.id());                   // a second call enqueues nothing new
 * }</pre>
 */
public interface ProgramBriefs {
    /**
     * Drafts the next version from the program's current terms with the client's {@link dev.ecosystem.spi.BriefDrafter}
     * (version 1 when the program has none). The drafter runs outside any store transaction.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program
     */
    ProgramBrief draft(ProgramId program);

    /**
     * The latest version.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program or it has no brief yet
     */
    ProgramBrief latest(ProgramId program);

    /**
     * One version.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program or version
     */
    ProgramBrief version(ProgramId program, int version);

    /**
     * Replaces the text of the given sections of the latest version: in place while it is a draft, else (it is
     * approved) as the next version, a draft.
     *
     * @param version the version the caller read; the edit is refused when it is no longer the latest
     * @param sections the new text of each section to replace (the others are kept)
     * @throws dev.ecosystem.error.ValidationException when {@code sections} is empty, or a text is blank or longer than
     *     {@value ProgramBrief#MAX_SECTION_LENGTH} characters
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program or brief
     * @throws dev.ecosystem.error.ConflictException when {@code version} is not the latest version
     */
    ProgramBrief edit(ProgramId program, int version, Map<BriefSection, String> sections);

    /**
     * Approves the latest version, a draft.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program or brief
     * @throws dev.ecosystem.error.ConflictException when {@code version} is not the latest version or is already approved
     */
    ProgramBrief approve(ProgramId program, int version);

    /**
     * Sends the highest approved version to the program's partners (the company's partnerships of the program's type
     * that are {@code ACTIVE} or {@code RECRUITED}), to each partner's contacts for partner matters (its introduction
     * intake contact, its contacts with a partnership role such as {@code role:head-of-partnerships}, and its
     * contacts reachable for introductions), never to one who opted out. The emails go through the outbox in the same transaction that records them, once per (version,
     * contact): sending the same version again enqueues only what is new, usually nothing.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has no such program
     * @throws dev.ecosystem.error.ConflictException when no version is approved yet
     */
    BriefSending send(ProgramId program);
}
