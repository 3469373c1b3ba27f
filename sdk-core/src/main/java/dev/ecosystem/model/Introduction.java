package dev.ecosystem.model;

import dev.ecosystem.ValidationException;
import dev.ecosystem.internal.Checks;
import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A warm introduction between a requester and a target at another company, optionally made by an introducer.
 * Visible to both companies. {@code version} increases with every stored change (optimistic concurrency).
 *
 * @param id the introduction's id
 * @param requesterCompany the company that asked (the tenant that created it)
 * @param requester the contact who asked
 * @param targetCompany the company of the target
 * @param target the contact to be introduced to
 * @param introducer the person who knows both and makes the introduction, or {@code null}
 * @param context why these two should talk
 * @param status where it stands
 * @param createdAt when it was requested
 * @param updatedAt when it last changed
 * @param version the stored version, starting at 0
 */
public record Introduction(
        IntroductionId id, CompanyId requesterCompany, ContactId requester, CompanyId targetCompany,
        ContactId target, @Nullable ContactId introducer, String context, IntroductionStatus status,
        Instant createdAt, Instant updatedAt, long version) {

    /** Validates every field. */
    public Introduction {
        Checks.required(id, "introduction id");
        Checks.required(requesterCompany, "requesterCompany");
        Checks.required(requester, "requester");
        Checks.required(targetCompany, "targetCompany");
        Checks.required(target, "target");
        if (requesterCompany.equals(targetCompany)) {
            throw new ValidationException("introduction targetCompany must differ from requesterCompany, but both "
                    + "were " + requesterCompany);
        }
        context = Checks.required(context, "context").strip();
        Checks.required(status, "status");
        Checks.required(createdAt, "createdAt");
        Checks.required(updatedAt, "updatedAt");
        Checks.nonNegative(version, "version");
    }

    /** Whether the given company is one of the two parties. */
    public boolean involves(CompanyId company) {
        return requesterCompany.equals(company) || targetCompany.equals(company);
    }

    /** A copy at the given stored version; stores use it, engines never need to. */
    public Introduction withVersion(long storedVersion) {
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context, status,
                createdAt, updatedAt, storedVersion);
    }

    /** A copy in a new status, changed at {@code at}; the store assigns the next version. */
    public Introduction withStatus(IntroductionStatus newStatus, Instant at) {
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                newStatus, createdAt, at, version);
    }
}
