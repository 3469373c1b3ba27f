package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * One person's consent to an introduction: whether it was asked, how it was answered and why.
 *
 * @param party which side of the introduction the person is on
 * @param contact the person (a contact of the requester's company for {@link IntroParty#REQUESTER}, of the
 *     target's company for {@link IntroParty#TARGET})
 * @param status where the consent stands
 * @param tokenId the random id every consent link of this ask carries, so a link is single-use and bound to this
 *     ask; {@code null} when no link was issued (a requester who asked for the introduction themselves)
 * @param askEntry the outbox entry of the consent ask, so reminders can reply in its thread, or {@code null}
 * @param askedAt when the person was last asked (the ask or the latest reminder), or {@code null} if never
 * @param reminders how many reminders were sent
 * @param answeredAt when the person answered, or {@code null} while pending
 * @param reason why the person declined, or {@code null}; shown to the other side only when {@code reasonShared}
 * @param reasonShared whether the decliner chose to share the reason with the requester
 */
public record Consent(
        IntroParty party, ContactId contact, ConsentStatus status, @Nullable String tokenId,
        @Nullable OutboxEntryId askEntry, @Nullable Instant askedAt, int reminders, @Nullable Instant answeredAt,
        @Nullable String reason, boolean reasonShared) {

    /** Validates every field. */
    public Consent {
        Checks.required(party, "consent party");
        Checks.required(contact, "consent contact");
        Checks.required(status, "consent status");
        tokenId = tokenId == null ? null : Checks.singleLine(tokenId, "consent tokenId", 64);
        Checks.nonNegative(reminders, "consent reminders");
        if (status == ConsentStatus.PENDING && answeredAt != null) {
            throw new ValidationException("a PENDING consent of " + party + " cannot have answeredAt, but had "
                    + answeredAt);
        }
        if (status != ConsentStatus.PENDING && answeredAt == null) {
            throw new ValidationException("a " + status + " consent of " + party + " needs answeredAt, but was null");
        }
        reason = reason == null || reason.isBlank() ? null : Checks.text(reason, "consent reason", 2000);
        if (reason == null && reasonShared) {
            reasonShared = false;
        }
    }

    /** A consent asked now through links carrying {@code tokenId}. */
    public static Consent asked(IntroParty party, ContactId contact, String tokenId, OutboxEntryId askEntry,
            Instant at) {
        return new Consent(party, contact, ConsentStatus.PENDING, tokenId, askEntry, at, 0, null, null, false);
    }

    /** A consent given by asking: the requester who requested the introduction themselves. */
    public static Consent given(IntroParty party, ContactId contact, Instant at) {
        return new Consent(party, contact, ConsentStatus.ACCEPTED, null, null, null, 0, at, null, false);
    }

    /** Whether the person has not answered yet. */
    public boolean isPending() {
        return status == ConsentStatus.PENDING;
    }

    /** A copy answered at {@code at}. */
    public Consent answered(ConsentStatus answer, Instant at, @Nullable String why, boolean share) {
        if (answer == ConsentStatus.PENDING) {
            throw new ValidationException("an answer must be ACCEPTED or DECLINED, but was PENDING");
        }
        return new Consent(party, contact, answer, tokenId, askEntry, askedAt, reminders, at, why, share);
    }

    /** A copy after a reminder went out at {@code at}. */
    public Consent reminded(Instant at) {
        return new Consent(party, contact, status, tokenId, askEntry, at, reminders + 1, answeredAt, reason,
                reasonShared);
    }

    /** A copy without a reason the decliner did not share. */
    public Consent withoutPrivateReason() {
        return reasonShared || reason == null ? this
                : new Consent(party, contact, status, tokenId, askEntry, askedAt, reminders, answeredAt, null, false);
    }
}
