package dev.ecosystem.intro;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.IntroductionId;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * What a consent page shows before the person answers: who asks, whom they want to meet, why, and until when. Made
 * by {@link IntroOperations#peek}, which reads it without changing anything, so a page can show it on GET (which
 * mail scanners also make) and redeem only on the person's POST.
 *
 * <p>It names only what the consent ask email itself names: to a person on the requester's side, the target person
 * is not named before everyone consented ({@code targetName} and {@code targetTitle} are {@code null}), only the
 * target's company. Every text is the stored value, unescaped: a page must escape it.
 *
 * @param introduction the introduction the link answers
 * @param party which side the answering person is on
 * @param decision what the link answers: {@link ConsentStatus#ACCEPTED} or {@link ConsentStatus#DECLINED}
 * @param recipientName the person the link was sent to (who answers)
 * @param requesterName the person who asks
 * @param requesterTitle the requester's job title, or {@code null}
 * @param requesterCompany the requesting company's name
 * @param introducerName the person making the introduction, or {@code null} when the requester asks directly
 * @param targetName the person the requester wants to meet, or {@code null} when the link goes to the requester's
 *     side (who may not learn the name yet)
 * @param targetTitle the target's job title, or {@code null} (always when {@code targetName} is)
 * @param targetCompany the target company's name
 * @param context why these two should talk, as the requesting side wrote it
 * @param sharedFacts what the SDK and the host added, such as shared tags
 * @param expiresAt the answer is taken strictly before this instant
 */
public record ConsentView(IntroductionId introduction, IntroParty party, ConsentStatus decision,
        String recipientName, String requesterName, @Nullable String requesterTitle, String requesterCompany,
        @Nullable String introducerName, @Nullable String targetName, @Nullable String targetTitle,
        String targetCompany, String context, List<String> sharedFacts, Instant expiresAt) {

    /** Checks the required fields and copies the facts. */
    public ConsentView {
        Checks.required(introduction, "introduction");
        Checks.required(party, "party");
        Checks.required(decision, "decision");
        Checks.required(recipientName, "recipientName");
        Checks.required(requesterName, "requesterName");
        Checks.required(requesterCompany, "requesterCompany");
        Checks.required(targetCompany, "targetCompany");
        Checks.required(context, "context");
        sharedFacts = List.copyOf(Checks.noNulls(sharedFacts, "sharedFacts"));
        Checks.required(expiresAt, "expiresAt");
    }

    /**
     * Whether an answer given at {@code now} is still in time. {@link IntroOperations#peek} refuses a link that is no
     * longer answerable, so a view is answerable when it is made; a page that keeps a view (or shows a form for a
     * while) asks again with the time of the answer.
     */
    public boolean isAnswerableAt(Instant now) {
        return Checks.required(now, "now").isBefore(expiresAt);
    }
}
