package dev.ecosystem.partnership.internal;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The activation and activity rules, run inside the transaction of the write that triggers them (a registration
 * accepted, an introduction connected, a deal credited by a CRM sync, a checklist item recorded), so the partner's
 * status changes with that write or not at all. Events go out after the commit: the caller publishes the returned
 * {@link Notice}s.
 *
 * <p><b>The rule.</b> An activity of {@code partner} for {@code owner} (the vendor) is recorded on the owner's record
 * of the partner when it is RECRUITED or ACTIVE and tracked (it has a lifecycle state: the vendor's record created by
 * an accepted invitation, or any record created or changed through {@code scope.partnerships()}): it sets the last
 * activity and clears a dormant flag. A RECRUITED
 * record moves to ACTIVE on the first activity whose trigger is in the activation set of the owner's program for
 * the record's type; without a program, {@link #DEFAULT_TRIGGERS} apply (every trigger but the checklist, which
 * needs a program's items) and dormancy after {@value #DEFAULT_DORMANCY_DAYS} days. The move records a transition
 * (actor {@value PartnershipTransition#ACTIVATION}, reason the trigger's name) and raises
 * {@code partnership.activated} with {@code days}: whole days since the record became RECRUITED. The partner's own
 * record of the vendor, when RECRUITED and not tracked itself (as an accepted invitation creates it), moves to ACTIVE
 * with it; a tracked record follows its own owner's rules only. A record stored without the SDK's partnership API
 * (before the lifecycle existed) is tracked from its next status change. Stateless and thread-safe.
 */
public final class ActivationRules {
    /** The triggers that activate a partner whose type has no program. */
    public static final Set<ActivationTrigger> DEFAULT_TRIGGERS = Collections.unmodifiableSet(EnumSet.of(
            ActivationTrigger.ACCEPTED_REGISTRATION, ActivationTrigger.CONNECTED_INTRODUCTION,
            ActivationTrigger.ATTRIBUTED_DEAL));
    /** Days without activity before a partner whose type has no program is flagged dormant. */
    public static final int DEFAULT_DORMANCY_DAYS = 90;

    private final SdkContext context;

    /** The rules of one client. */
    public ActivationRules(SdkContext context) {
        this.context = context;
    }

    /** Now, by the client's clock. */
    public Instant now() {
        return context.clock().instant();
    }

    /** An event to publish once the transaction committed. */
    public record Notice(String type, CompanyId tenant, String subject, Map<String, String> attributes) {
    }

    /** Publishes the notices; call it after the transaction that produced them committed. */
    public void publish(List<Notice> notices) {
        for (Notice notice : notices) {
            context.publish(notice.type(), notice.tenant(), notice.subject(), notice.attributes());
        }
    }

    /**
     * Records, once per partner, that a CRM sync batch credited deals of {@code owner} to each of {@code partners}
     * ({@link ActivationTrigger#ATTRIBUTED_DEAL}): one lifecycle read and write per partner, however many of its
     * deals the batch credited.
     *
     * @return the events to publish after the commit
     */
    public List<Notice> attributedDeals(StoreTransaction tx, CompanyId owner, Collection<CompanyId> partners,
            Instant now) {
        List<Notice> notices = new ArrayList<>();
        for (CompanyId partner : partners) {
            notices.addAll(activity(tx, owner, partner, ActivationTrigger.ATTRIBUTED_DEAL, now));
        }
        return notices;
    }

    /**
     * Records an activity of {@code partner} for {@code owner} in the caller's transaction and activates the owner's
     * record when the trigger counts (see the class comment).
     *
     * @return the events to publish after the commit; empty when the owner has no RECRUITED or ACTIVE record of the
     *     partner
     */
    public List<Notice> activity(StoreTransaction tx, CompanyId owner, CompanyId partner, ActivationTrigger trigger,
            Instant now) {
        Partnership partnership = tx.partnerships().findByPartner(owner, partner);
        return partnership == null ? List.of() : activity(tx, partnership, trigger, now);
    }

    /** {@link #activity(StoreTransaction, CompanyId, CompanyId, ActivationTrigger, Instant)} on a record read. */
    List<Notice> activity(StoreTransaction tx, Partnership partnership, ActivationTrigger trigger, Instant now) {
        if (partnership.status() != PartnershipStatus.RECRUITED && partnership.status() != PartnershipStatus.ACTIVE) {
            return List.of();
        }
        PartnershipLifecycle stored = tx.lifecycle().lifecycle(partnership.owner(), partnership.id());
        if (stored == null) {
            return List.of(); // not tracked: a partner's own record of its vendor, or one stored before the lifecycle
        }
        PartnershipLifecycle life = stored.toBuilder().type(partnership.type()).build();
        List<Notice> notices = new ArrayList<>();
        if (partnership.status() == PartnershipStatus.RECRUITED && triggers(tx, partnership).contains(trigger)) {
            activate(tx, partnership, life, trigger, now, notices);
            return notices;
        }
        PartnershipLifecycle.Builder next = life.toBuilder().lastActivityAt(now);
        if (partnership.status() == PartnershipStatus.ACTIVE) {
            next.dormantSince(null).dormancyDueAt(now.plus(Duration.ofDays(dormancyDays(tx, partnership))));
            if (life.dormant()) {
                notices.add(notice("partnership.revived", partnership, Map.of("trigger", trigger.name())));
            }
        }
        tx.lifecycle().putLifecycle(next.build());
        return notices;
    }

    private void activate(StoreTransaction tx, Partnership partnership, PartnershipLifecycle life,
            ActivationTrigger trigger, Instant now, List<Notice> notices) {
        tx.partnerships().put(partnership.withStatus(PartnershipStatus.ACTIVE, today(now)));
        tx.lifecycle().appendTransition(partnership.owner(), new PartnershipTransition(partnership.id(),
                PartnershipStatus.RECRUITED, PartnershipStatus.ACTIVE, now, PartnershipTransition.ACTIVATION,
                trigger.name()));
        Instant recruited = life.recruitedAt() != null ? life.recruitedAt()
                : partnership.since().atStartOfDay(context.clock().getZone()).toInstant();
        long days = Math.max(0, Duration.between(recruited, now).toDays());
        tx.lifecycle().putLifecycle(life.toBuilder().recruitedAt(recruited).activated(now, trigger)
                .lastActivityAt(now).dormantSince(null)
                .dormancyDueAt(now.plus(Duration.ofDays(dormancyDays(tx, partnership)))).build());
        Partnership mirror = tx.partnerships().findByPartner(partnership.partner(), partnership.owner());
        if (mirror != null && mirror.status() == PartnershipStatus.RECRUITED
                && tx.lifecycle().lifecycle(mirror.owner(), mirror.id()) == null) {
            tx.partnerships().put(mirror.withStatus(PartnershipStatus.ACTIVE, today(now)));
            tx.lifecycle().appendTransition(mirror.owner(), new PartnershipTransition(mirror.id(),
                    PartnershipStatus.RECRUITED, PartnershipStatus.ACTIVE, now, PartnershipTransition.ACTIVATION,
                    trigger.name() + " (activated by " + partnership.owner() + ")"));
        }
        notices.add(notice("partnership.activated", partnership, Map.of("trigger", trigger.name(),
                "days", Long.toString(days))));
    }

    /** The stored lifecycle state of the record, or an empty one. */
    static PartnershipLifecycle lifecycleOf(StoreTransaction tx, Partnership partnership) {
        PartnershipLifecycle stored = tx.lifecycle().lifecycle(partnership.owner(), partnership.id());
        return stored != null ? stored.toBuilder().type(partnership.type()).build()
                : PartnershipLifecycle.empty(partnership.owner(), partnership.id(), partnership.partner(),
                        partnership.type());
    }

    /** The activation triggers that count for the record: its program's, or the defaults. */
    static Set<ActivationTrigger> triggers(StoreTransaction tx, Partnership partnership) {
        PartnerProgram program = program(tx, partnership);
        return program == null ? DEFAULT_TRIGGERS : program.terms().activation();
    }

    /** The days without activity after which the record's partner is dormant: its program's, or the default. */
    static int dormancyDays(StoreTransaction tx, Partnership partnership) {
        PartnerProgram program = program(tx, partnership);
        return program == null ? DEFAULT_DORMANCY_DAYS : program.terms().dormancyDays();
    }

    /**
     * The owner's program for the record's type, or {@code null}; also {@code null} on a store that keeps no
     * programs (its {@code programs()} is the port's default, which throws a plain {@link EcosystemException}).
     */
    static @Nullable PartnerProgram program(StoreTransaction tx, Partnership partnership) {
        try {
            return tx.programs().forType(partnership.owner(), partnership.type());
        } catch (EcosystemException e) {
            if (e.getClass() == EcosystemException.class) {
                return null;
            }
            throw e;
        }
    }

    LocalDate today(Instant now) {
        return LocalDate.ofInstant(now, context.clock().getZone());
    }

    static Notice notice(String type, Partnership partnership, Map<String, String> extra) {
        Map<String, String> attributes = new LinkedHashMap<>(extra);
        attributes.put("partner", partnership.partner().value());
        attributes.put("type", partnership.type().name());
        return new Notice(type, partnership.owner(), partnership.id().value(), attributes);
    }
}
