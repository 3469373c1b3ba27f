package dev.ecosystem.jdbc;

import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Consent;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.Prospect;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The JSON body of a stored {@link Introduction}: its fields under their accessor names, in their order, which is
 * the JSON Jackson wrote when {@code Introduction} was a record, so rows written before and after read alike.
 */
record IntroductionBody(
        IntroductionId id, CompanyId requesterCompany, ContactId requester, CompanyId targetCompany,
        ContactId target, @Nullable ContactId introducer, String context, List<String> sharedFacts,
        @Nullable AccountId account, @Nullable DealId deal, @Nullable Prospect prospect, IntroductionStatus status,
        List<Consent> consents, List<IntroductionTransition> history, Instant createdAt, Instant updatedAt,
        Instant expiresAt, @Nullable Instant nextDueAt, @Nullable OutboxEntryId jointEntry, long version) {

    static IntroductionBody of(Introduction i) {
        return new IntroductionBody(i.id(), i.requesterCompany(), i.requester(), i.targetCompany(), i.target(),
                i.introducer(), i.context(), i.sharedFacts(), i.account(), i.deal(), i.prospect(), i.status(),
                i.consents(), i.history(), i.createdAt(), i.updatedAt(), i.expiresAt(), i.nextDueAt(),
                i.jointEntry(), i.version());
    }

    /** The introduction, validated as {@link Introduction.Builder#build()} validates any. */
    Introduction introduction() {
        if (consents.size() != 2) {
            throw new IllegalStateException("a stored introduction " + id + " has " + consents.size()
                    + " consents; this store writes two");
        }
        return Introduction.builder(id, requesterCompany, requester, targetCompany, target, context, createdAt,
                        expiresAt)
                .introducer(introducer).sharedFacts(sharedFacts).account(account).deal(deal).prospect(prospect)
                .status(status).consents(consents.get(0), consents.get(1)).history(history).updatedAt(updatedAt)
                .nextDueAt(nextDueAt).jointEntry(jointEntry).version(version).build();
    }
}
