package dev.ecosystem.spi.support;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.CrmWriteBack;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.spi.ChangeRepository;
import java.time.Instant;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;

/**
 * The rules of the store port that do not depend on how a store keeps its rows, checked in one place so every
 * {@link dev.ecosystem.spi.PartnerStore} implementation refuses the same things with the same messages.
 */
public final class StoreRules {
    private StoreRules() {
    }

    /**
     * Whether {@code entry} may replace {@code current}, the stored entry with the same id.
     *
     * @throws ConflictException when the update would change the Message-ID, change a sent entry at all, or comes
     *     from another claim than the stored one (a dispatcher whose lease ran out and was taken over) and is not
     *     the message's receipt
     */
    public static void checkOutboxUpdate(OutboxEntry current, OutboxEntry entry) {
        String id = entry.id().value();
        if (!current.message().messageId().equals(entry.message().messageId())) {
            throw new ConflictException("outbox entry " + id + " cannot change its Message-ID from "
                    + current.message().messageId() + " to " + entry.message().messageId());
        }
        if (current.status() == OutboxStatus.SENT && !current.equals(entry)) {
            // A dispatcher whose lease ran out must not reopen, or overwrite the receipt of, what was already sent.
            throw new ConflictException("outbox entry " + id + " was already sent (receipt "
                    + current.receipt() + "); a sent entry stays as it is");
        }
        if (current.claim() != entry.claim() && entry.status() != OutboxStatus.SENT) {
            // A receipt is stored whatever the claim: the message went out, and losing that would send it again.
            throw new ConflictException("outbox entry " + id + " is held by claim " + current.claim()
                    + ", not by claim " + entry.claim() + "; only the current holder may change it");
        }
    }

    /**
     * Whether {@code owner} may block {@code blocked}.
     *
     * @throws ValidationException when either is null, or both are the same company
     */
    public static void checkBlock(CompanyId owner, CompanyId blocked) {
        Checks.required(owner, "owner");
        Checks.required(blocked, "blocked");
        if (owner.equals(blocked)) {
            throw new ValidationException(
                    "blocked: company " + owner + " cannot block itself; a block names another company");
        }
    }

    /**
     * Whether {@code revision} and {@code limit} are valid arguments of
     * {@link dev.ecosystem.spi.ChangeRepository#after}.
     *
     * @throws ValidationException when the revision is negative or the limit is not 1 to
     *     {@link dev.ecosystem.spi.ChangeRepository#MAX_LIMIT}
     */
    public static void checkChangesAfter(long revision, int limit) {
        Checks.nonNegative(revision, "revision");
        Checks.range(limit, 1, ChangeRepository.MAX_LIMIT, "limit");
    }

    /**
     * Whether {@code entry} may replace the stored {@code current}: same deal and partner, same claim.
     *
     * @throws ConflictException when it may not
     */
    public static void checkWriteBackUpdate(CrmWriteBack current, CrmWriteBack entry) {
        if (!current.deal().equals(entry.deal()) || !current.partner().equals(entry.partner())) {
            throw new ConflictException("CRM write-back " + entry.id() + " of " + entry.tenant()
                    + " cannot change its deal or partner");
        }
        if (current.claim() != entry.claim()) {
            throw new ConflictException("CRM write-back " + entry.id() + " of " + entry.tenant() + " is held by claim "
                    + current.claim() + ", not by claim " + entry.claim() + "; only the current holder may change it");
        }
    }

    /**
     * Checks the arguments of a claim of due entries.
     *
     * @throws ValidationException when an argument is missing, {@code limit} is not 1 to 1000, or
     *     {@code leaseUntil} is not after {@code now}
     */
    public static void checkClaim(Instant now, Instant leaseUntil, int limit) {
        Checks.required(now, "now");
        Checks.required(leaseUntil, "leaseUntil");
        Checks.range(limit, 1, 1000, "claim limit");
        if (!leaseUntil.isAfter(now)) {
            throw new ValidationException("leaseUntil must be after now (" + now + "), but was " + leaseUntil);
        }
    }

    /**
     * Refuses a program version that cannot follow the stored one: version 1 of a taken id or of a type the vendor
     * already has a program for, a version that is not one more than the current one, or a change of type.
     *
     * @param current the stored current version of the same vendor and id, or {@code null}
     * @param sameType the vendor's current program of the same type, or {@code null} (asked for version 1 only)
     */
    public static void checkProgramSave(PartnerProgram program, @Nullable PartnerProgram current,
            Supplier<@Nullable PartnerProgram> sameType) {
        if (program.version() == 1) {
            if (current != null) {
                throw new ConflictException("program " + program.id() + " already exists; save version "
                        + (current.version() + 1) + " to change it");
            }
            PartnerProgram taken = sameType.get();
            if (taken != null) {
                throw new ConflictException("a program for " + program.type() + " partners already exists ("
                        + taken.id() + "); change its terms instead");
            }
        } else if (current == null || current.version() != program.version() - 1) {
            throw new ConflictException("program " + program.id() + " is at version "
                    + (current == null ? "none" : current.version()) + ", so version " + program.version()
                    + " cannot follow it; read the program again and retry");
        } else if (current.type() != program.type()) {
            throw new ConflictException("program " + program.id() + " is for " + current.type()
                    + " partners and cannot change to " + program.type());
        }
    }
}
