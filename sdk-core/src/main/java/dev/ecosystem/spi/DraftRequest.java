package dev.ecosystem.spi;

import dev.ecosystem.internal.Checks;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a drafter may use to write one email of an introduction: only what the introduction needs, never CRM records
 * or other contacts.
 *
 * @param kind which email
 * @param recipientName whom this email is to
 * @param requesterName the person who asked for the introduction
 * @param requesterTitle their title, or {@code null}
 * @param requesterCompany their company
 * @param targetName the person to be introduced to
 * @param targetTitle their title, or {@code null}
 * @param targetCompany their company
 * @param introducerName the person making the introduction, or {@code null}
 * @param context why these two should talk, as the requester wrote it
 * @param sharedFacts what the SDK adds: shared tags, a navigator explanation, overlap counts when sharing allows
 * @param acceptUrl the consent link to accept, for consent asks and reminders, or {@code null}
 * @param declineUrl the consent link to decline, or {@code null}
 * @param declineReason the reason the decliner chose to share, for decline notices, or {@code null}
 */
public record DraftRequest(
        DraftKind kind, String recipientName, String requesterName, @Nullable String requesterTitle,
        String requesterCompany, String targetName, @Nullable String targetTitle, String targetCompany,
        @Nullable String introducerName, String context, List<String> sharedFacts, @Nullable String acceptUrl,
        @Nullable String declineUrl, @Nullable String declineReason) {
    /** Validates the required fields. */
    public DraftRequest {
        Checks.required(kind, "kind");
        Checks.required(recipientName, "recipientName");
        Checks.required(requesterName, "requesterName");
        Checks.required(requesterCompany, "requesterCompany");
        Checks.required(targetName, "targetName");
        Checks.required(targetCompany, "targetCompany");
        Checks.required(context, "context");
        sharedFacts = List.copyOf(Checks.noNulls(sharedFacts, "sharedFacts"));
    }
}
