package dev.ecosystem;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.partnership.ActivationMetrics;
import dev.ecosystem.partnership.internal.PartnershipEngine;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** {@link Partnerships} limited to one owner. */
final class ScopedPartnerships implements Partnerships {
    private final SdkContext context;
    private final CompanyId owner;
    private final PartnershipEngine engine;

    /** Partnerships kept by {@code owner}, with the lifecycle of {@code engine}. */
    ScopedPartnerships(SdkContext context, CompanyId owner, PartnershipEngine engine) {
        this.context = context;
        this.owner = owner;
        this.engine = engine;
    }

    @Override
    public Partnership create(CompanyId partner, PartnerType type, PartnershipStatus status) {
        Checks.required(partner, "partner");
        Checks.required(type, "type");
        Checks.required(status, "status");
        Partnership created = context.store().inTransaction(tx -> {
            Company profile = tx.companies().get(partner);
            if (profile == null || (!profile.listed() && !partner.equals(owner))) {
                throw new NotFoundException("partner " + partner + " is not a listed company of the network");
            }
            if (tx.partnerships().findByPartner(owner, partner) != null) {
                throw new ConflictException("company " + owner + " already has a partnership with " + partner);
            }
            Partnership partnership = new Partnership(PartnershipId.of(context.newId()), owner, partner, type, status,
                    today());
            tx.partnerships().put(partnership);
            engine.statusChanged(tx, null, partnership, owner.value(), "created", context.clock().instant(), true);
            return partnership;
        });
        context.publish("partnership.created", owner, created.id().value(),
                Map.of("partner", partner.value(), "status", status.name()));
        return created;
    }

    @Override
    public Partnership get(PartnershipId id) {
        Checks.required(id, "partnership id");
        Partnership partnership = context.store().inTransaction(tx -> tx.partnerships().get(owner, id));
        if (partnership == null) {
            throw new NotFoundException("company " + owner + " has no partnership " + id);
        }
        return partnership;
    }

    @Override
    public @Nullable Partnership findByPartner(CompanyId partner) {
        Checks.required(partner, "partner");
        return context.store().inTransaction(tx -> tx.partnerships().findByPartner(owner, partner));
    }

    @Override
    public Page<Partnership> list(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.partnerships().list(owner, page));
    }

    @Override
    public Partnership changeStatus(PartnershipId id, PartnershipStatus status) {
        return changeStatus(id, status, null);
    }

    @Override
    public Partnership changeStatus(PartnershipId id, PartnershipStatus status, @Nullable String reason) {
        Checks.required(id, "partnership id");
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Checks.required(status, "status");
        Partnership changed = context.store().inTransaction(tx -> {
            Partnership current = tx.partnerships().get(owner, id);
            if (current == null) {
                throw new NotFoundException("company " + owner + " has no partnership " + id);
            }
            if (current.status() == PartnershipStatus.ENDED && status != PartnershipStatus.ENDED) {
                throw new ConflictException("partnership " + id + " has ENDED and cannot move to " + status
                        + "; create a new one instead");
            }
            Partnership next = current.withStatus(status, today());
            tx.partnerships().put(next);
            engine.statusChanged(tx, current, next, owner.value(), why, context.clock().instant(), true);
            return next;
        });
        context.publish("partnership.status-changed", owner, id.value(), Map.of("status", status.name()));
        return changed;
    }

    private LocalDate today() {
        return LocalDate.ofInstant(context.clock().instant(), context.clock().getZone());
    }

    @Override
    public List<PartnershipTransition> history(PartnershipId id) {
        return engine.history(owner, id);
    }

    @Override
    public Invitation invite(CompanyId company, PartnerType type) {
        return engine.invite(owner, company, type);
    }

    @Override
    public Invitation invite(EmailAddress email, PartnerType type) {
        return engine.invite(owner, email, type);
    }

    @Override
    public Invitation invitation(InvitationId id) {
        return engine.invitation(owner, id);
    }

    @Override
    public Page<Invitation> sentInvitations(PageRequest page) {
        return engine.sent(owner, page);
    }

    @Override
    public Page<Invitation> receivedInvitations(PageRequest page) {
        return engine.received(owner, page);
    }

    @Override
    public Invitation acceptInvitation(InvitationId id) {
        return engine.accept(owner, id);
    }

    @Override
    public Invitation declineInvitation(InvitationId id, @Nullable String reason) {
        return engine.decline(owner, id, reason);
    }

    @Override
    public Invitation revokeInvitation(InvitationId id, @Nullable String reason) {
        return engine.revoke(owner, id, reason);
    }

    @Override
    public PartnershipLifecycle lifecycle(PartnershipId id) {
        return engine.lifecycle(owner, id);
    }

    @Override
    public PartnershipLifecycle completeChecklist(PartnershipId id, Collection<String> keys) {
        return engine.completeChecklist(owner, id, keys);
    }

    @Override
    public List<ActivationMetrics> activation(LocalDate from, LocalDate to) {
        return engine.activation(owner, from, to);
    }
}
