package dev.ecosystem.partnership.internal;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.ConsentTokens;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.ChecklistItem;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.EmailAddress;
import dev.ecosystem.model.Invitation;
import dev.ecosystem.model.InvitationId;
import dev.ecosystem.model.InvitationStatus;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.PartnerProgram;
import dev.ecosystem.model.PartnerType;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipId;
import dev.ecosystem.model.PartnershipLifecycle;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.PartnershipTransition;
import dev.ecosystem.partnership.ActivationMetrics;
import dev.ecosystem.partnership.LifecycleRun;
import dev.ecosystem.partnership.PartnershipSettings;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * The partnership lifecycle of one client: invitations (sent through the outbox with signed single-use links,
 * reminded and expired by {@link #runDue}), accepting them (both sides' records in one transaction), status history,
 * checklist progress, dormancy and activation metrics. Every state change is one store transaction; events go out
 * after it commits. Thread-safe.
 */
public final class PartnershipEngine {
    private static final int BATCH = 100;

    private final SdkContext context;
    private final PartnershipSettings settings;
    private final InvitationTokens tokens;
    private final InvitationMails mails;
    private final ActivationRules rules;

    /** The engine of one client; links are signed with the introductions' consent keys and sent from their sender. */
    public PartnershipEngine(SdkContext context, PartnershipSettings settings, IntroSettings intros) {
        this.context = context;
        this.settings = settings;
        this.tokens = new InvitationTokens(intros.consentKeys(), settings.invitationUrl());
        this.mails = new InvitationMails(intros.sender(), tokens);
        this.rules = new ActivationRules(context);
    }

    /** The activation rules other engines run inside their transactions. */
    public ActivationRules rules() {
        return rules;
    }

    // ---- invitations

    /** See {@link dev.ecosystem.Partnerships#invite(CompanyId, PartnerType)}. */
    public Invitation invite(CompanyId vendor, CompanyId invitee, PartnerType type) {
        Checks.required(invitee, "invitee");
        Checks.required(type, "type");
        if (invitee.equals(vendor)) {
            throw new ValidationException("invitee must differ from the inviting company, but both were " + vendor);
        }
        return send(vendor, type, builder -> builder.inviteeCompany(invitee), tx -> {
            Company profile = tx.companies().get(invitee);
            if (profile == null || !profile.listed()) {
                throw new NotFoundException("partner " + invitee + " is not a listed company of the network");
            }
            Partnership existing = tx.partnerships().findByPartner(vendor, invitee);
            if (existing != null && existing.status() != PartnershipStatus.PROSPECT) {
                throw new ConflictException("company " + vendor + " already has partnership " + existing.id()
                        + " with " + invitee + " (" + existing.status() + "); change its status instead");
            }
            for (Invitation open : all(page -> tx.lifecycle().invitationsFor(invitee, page))) {
                if (open.vendor().equals(vendor) && open.status() == InvitationStatus.PENDING) {
                    throw new ConflictException("company " + vendor + " already has PENDING invitation " + open.id()
                            + " to " + invitee + "; revoke it first to send a new one");
                }
            }
        });
    }

    /** See {@link dev.ecosystem.Partnerships#invite(EmailAddress, PartnerType)}. */
    public Invitation invite(CompanyId vendor, EmailAddress email, PartnerType type) {
        Checks.required(email, "email");
        Checks.required(type, "type");
        return send(vendor, type, builder -> builder.inviteeEmail(email), tx -> { });
    }

    private Invitation send(CompanyId vendor, PartnerType type, Function<Invitation.Builder, Invitation.Builder> to,
            Consumer<StoreTransaction> check) {
        Instant now = context.clock().instant();
        Instant expiresAt = now.plus(settings.expiry());
        Instant reminder = now.plus(settings.reminderAfter());
        Invitation fresh = to.apply(Invitation.builder(InvitationId.of(context.newId()), vendor, type, now, expiresAt,
                        ConsentTokens.newTokenId())
                .nextReminderAt(settings.maxReminders() > 0 && reminder.isBefore(expiresAt) ? reminder : null))
                .build();
        Invitation sent = context.store().inTransaction(tx -> {
            check.accept(tx);
            Company profile = Checks.required(tx.companies().get(vendor), "vendor profile");
            Invitation stored = tx.lifecycle().insertInvitation(fresh);
            OutboxEntryId entry = mails.enqueueInvitation(tx, stored, profile, now);
            return entry == null ? stored : tx.lifecycle().updateInvitation(stored.toBuilder().emailEntry(entry).build());
        });
        context.publish("invitation.sent", vendor, sent.id().value(), Map.of("type", type.name()));
        return sent;
    }

    /** The invitation, if {@code viewer} is its vendor or its invitee company. */
    public Invitation invitation(CompanyId viewer, InvitationId id) {
        Checks.required(id, "invitation id");
        return context.store().inTransaction(tx -> visible(tx, viewer, id));
    }

    /** The invitations {@code vendor} sent. */
    public Page<Invitation> sent(CompanyId vendor, PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.lifecycle().invitationsBy(vendor, page));
    }

    /** The invitations addressed to {@code invitee}. */
    public Page<Invitation> received(CompanyId invitee, PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.lifecycle().invitationsFor(invitee, page));
    }

    /** Accepts an invitation addressed to {@code acting}, from its scope. */
    public Invitation accept(CompanyId acting, InvitationId id) {
        Checks.required(id, "invitation id");
        Instant now = context.clock().instant();
        Invitation accepted = context.store().inTransaction(tx -> {
            Invitation invitation = tx.lifecycle().invitation(id);
            if (invitation == null || !acting.equals(invitation.inviteeCompany())) {
                throw notFound(acting, id);
            }
            return accept(tx, invitation, acting, now);
        });
        return publishAnswer(accepted);
    }

    /** Declines an invitation addressed to {@code acting}, from its scope. */
    public Invitation decline(CompanyId acting, InvitationId id, @Nullable String reason) {
        Checks.required(id, "invitation id");
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        Invitation declined = context.store().inTransaction(tx -> {
            Invitation invitation = tx.lifecycle().invitation(id);
            if (invitation == null || !acting.equals(invitation.inviteeCompany())) {
                throw notFound(acting, id);
            }
            return answer(tx, invitation, InvitationStatus.DECLINED, acting, why, now);
        });
        return publishAnswer(declined);
    }

    /** Takes back a PENDING invitation {@code vendor} sent. */
    public Invitation revoke(CompanyId vendor, InvitationId id, @Nullable String reason) {
        Checks.required(id, "invitation id");
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        Invitation revoked = context.store().inTransaction(tx -> {
            Invitation invitation = tx.lifecycle().invitation(id);
            if (invitation == null || !invitation.vendor().equals(vendor)) {
                throw notFound(vendor, id);
            }
            return answer(tx, invitation, InvitationStatus.REVOKED, vendor, why, now);
        });
        return publishAnswer(revoked);
    }

    /** See {@link dev.ecosystem.partnership.PartnershipOperations#read}. */
    public Invitation read(String token) {
        Checks.required(token, "invitation token");
        InvitationTokens.Claim claim = tokens.read(token, context.clock().instant());
        return context.store().inTransaction(tx -> byClaim(tx, claim));
    }

    /** See {@link dev.ecosystem.partnership.PartnershipOperations#accept}. */
    public Invitation accept(String token, CompanyId acceptingCompany) {
        Checks.required(token, "invitation token");
        Checks.required(acceptingCompany, "acceptingCompany");
        Instant now = context.clock().instant();
        InvitationTokens.Claim claim = tokens.read(token, now);
        Invitation accepted = context.store().inTransaction(tx -> {
            Invitation invitation = byClaim(tx, claim);
            if (invitation.inviteeCompany() != null && !invitation.inviteeCompany().equals(acceptingCompany)) {
                throw notFound(acceptingCompany, invitation.id());
            }
            return accept(tx, invitation, acceptingCompany, now);
        });
        return publishAnswer(accepted);
    }

    /** See {@link dev.ecosystem.partnership.PartnershipOperations#decline}. */
    public Invitation decline(String token, @Nullable String reason) {
        Checks.required(token, "invitation token");
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        InvitationTokens.Claim claim = tokens.read(token, now);
        Invitation declined = context.store().inTransaction(tx -> {
            Invitation invitation = byClaim(tx, claim);
            return answer(tx, invitation, InvitationStatus.DECLINED, invitation.inviteeCompany(), why, now);
        });
        return publishAnswer(declined);
    }

    private static Invitation byClaim(StoreTransaction tx, InvitationTokens.Claim claim) {
        Invitation invitation = tx.lifecycle().invitation(claim.invitation());
        if (invitation == null || !invitation.vendor().equals(claim.vendor())
                || !invitation.tokenId().equals(claim.tokenId())) {
            throw new NotFoundException("the invitation of this link does not exist");
        }
        return invitation;
    }

    private Invitation accept(StoreTransaction tx, Invitation invitation, CompanyId company, Instant now) {
        requirePending(invitation, now);
        Company profile = tx.companies().get(company);
        if (profile == null || company.equals(invitation.vendor())) {
            throw notFound(company, invitation.id());
        }
        String reason = "invitation " + invitation.id() + " accepted";
        Partnership vendorSide = recruit(tx, invitation.vendor(), company, invitation.type(), company, reason, now,
                true);
        recruit(tx, company, invitation.vendor(), invitation.type(), company, reason, now, false);
        return tx.lifecycle().updateInvitation(invitation.toBuilder().status(InvitationStatus.ACCEPTED)
                .inviteeCompany(company).answered(now, company).partnership(vendorSide.id()).nextReminderAt(null)
                .build());
    }

    private Partnership recruit(StoreTransaction tx, CompanyId owner, CompanyId partner, PartnerType type,
            CompanyId actor, String reason, Instant now, boolean tracked) {
        Partnership existing = tx.partnerships().findByPartner(owner, partner);
        if (existing != null && existing.status() != PartnershipStatus.PROSPECT) {
            throw new ConflictException("company " + owner + " already has partnership " + existing.id() + " with "
                    + partner + " (" + existing.status() + "); the invitation cannot create another");
        }
        Partnership recruited = new Partnership(existing != null ? existing.id() : PartnershipId.of(context.newId()),
                owner, partner, type, PartnershipStatus.RECRUITED, rules.today(now));
        tx.partnerships().put(recruited);
        statusChanged(tx, existing, recruited, actor.value(), reason, now, tracked);
        return recruited;
    }

    private static Invitation answer(StoreTransaction tx, Invitation invitation, InvitationStatus status,
            @Nullable CompanyId by, @Nullable String reason, Instant now) {
        requirePending(invitation, now);
        return tx.lifecycle().updateInvitation(invitation.toBuilder().status(status).answered(now, by).reason(reason)
                .nextReminderAt(null).build());
    }

    private static void requirePending(Invitation invitation, Instant now) {
        if (invitation.status() != InvitationStatus.PENDING) {
            throw new ConflictException("invitation " + invitation.id() + " was already "
                    + invitation.status().name().toLowerCase(Locale.ROOT) + " at " + invitation.answeredAt()
                    + "; an invitation is answered once");
        }
        if (!now.isBefore(invitation.expiresAt())) {
            throw new ConflictException("invitation " + invitation.id() + " expired at " + invitation.expiresAt()
                    + "; ask the vendor for a new one");
        }
    }

    private Invitation publishAnswer(Invitation invitation) {
        String type = "invitation." + invitation.status().name().toLowerCase(Locale.ROOT);
        Map<String, String> attributes = new LinkedHashMap<>();
        attributes.put("type", invitation.type().name());
        if (invitation.inviteeCompany() != null) {
            attributes.put("invitee", invitation.inviteeCompany().value());
        }
        if (invitation.partnership() != null) {
            attributes.put("partnership", invitation.partnership().value());
        }
        context.publish(type, invitation.vendor(), invitation.id().value(), attributes);
        if (invitation.inviteeCompany() != null) {
            context.publish(type, invitation.inviteeCompany(), invitation.id().value(),
                    Map.of("type", invitation.type().name(), "vendor", invitation.vendor().value()));
        }
        return invitation;
    }

    private static Invitation visible(StoreTransaction tx, CompanyId viewer, InvitationId id) {
        Invitation invitation = tx.lifecycle().invitation(id);
        if (invitation == null || !invitation.visibleTo(viewer)) {
            throw notFound(viewer, id);
        }
        return invitation;
    }

    private static NotFoundException notFound(CompanyId viewer, InvitationId id) {
        return new NotFoundException("company " + viewer + " has no invitation " + id);
    }

    // ---- scheduled work

    /** See {@link dev.ecosystem.partnership.PartnershipOperations#runDue}. */
    public LifecycleRun runDue(Instant now) {
        Checks.required(now, "now");
        int reminded = 0;
        int expired = 0;
        List<Invitation> due;
        do {
            due = context.store().inTransaction(tx -> tx.lifecycle().dueInvitations(now, BATCH));
            for (Invitation candidate : due) {
                InvitationStatus outcome = dueWork(candidate.id(), now);
                if (outcome == InvitationStatus.EXPIRED) {
                    expired++;
                } else if (outcome == InvitationStatus.PENDING) {
                    reminded++;
                }
            }
        } while (due.size() == BATCH);
        int dormant = 0;
        List<PartnershipLifecycle> idle;
        do {
            idle = context.store().inTransaction(tx -> tx.lifecycle().dormancyDue(now, BATCH));
            for (PartnershipLifecycle candidate : idle) {
                dormant += dormancy(candidate, now) ? 1 : 0;
            }
        } while (idle.size() == BATCH);
        return new LifecycleRun(reminded, expired, dormant);
    }

    /** Expires or reminds one invitation; returns EXPIRED, PENDING for a reminder sent, or null for neither. */
    private @Nullable InvitationStatus dueWork(InvitationId id, Instant now) {
        Invitation[] changed = {null};
        InvitationStatus outcome;
        try {
            outcome = context.store().inTransaction(tx -> {
                Invitation invitation = tx.lifecycle().invitation(id);
                Instant dueAt = invitation == null ? null : invitation.nextDueAt();
                if (invitation == null || dueAt == null || dueAt.isAfter(now)) {
                    return null; // another node did it
                }
                if (!now.isBefore(invitation.expiresAt())) {
                    changed[0] = tx.lifecycle().updateInvitation(invitation.toBuilder()
                            .status(InvitationStatus.EXPIRED).answered(now, null).nextReminderAt(null).build());
                    return InvitationStatus.EXPIRED;
                }
                Company vendor = tx.companies().get(invitation.vendor());
                OutboxEntryId sent = vendor == null ? null : mails.enqueueReminder(tx, invitation, vendor, now);
                int reminders = invitation.reminders() + 1;
                Instant next = now.plus(settings.reminderAfter());
                changed[0] = tx.lifecycle().updateInvitation(invitation.toBuilder().reminders(reminders)
                        .nextReminderAt(reminders < settings.maxReminders() && next.isBefore(invitation.expiresAt())
                                ? next : null)
                        .build());
                return sent == null ? null : InvitationStatus.PENDING;
            });
        } catch (ConflictException e) {
            return null; // a concurrent answer or another node's run won; it is no longer due
        }
        if (outcome == InvitationStatus.EXPIRED) {
            publishAnswer(changed[0]);
        } else if (outcome == InvitationStatus.PENDING) {
            context.publish("invitation.reminded", changed[0].vendor(), id.value(),
                    Map.of("reminders", Integer.toString(changed[0].reminders())));
        }
        return outcome;
    }

    /** Flags one partner dormant when it still is due; returns whether it did. */
    private boolean dormancy(PartnershipLifecycle candidate, Instant now) {
        List<ActivationRules.Notice> notices = context.store().inTransaction(tx -> {
            PartnershipLifecycle life = tx.lifecycle().lifecycle(candidate.owner(), candidate.partnership());
            if (life == null || life.dormant() || life.dormancyDueAt() == null || life.dormancyDueAt().isAfter(now)) {
                return List.<ActivationRules.Notice>of();
            }
            Partnership partnership = tx.partnerships().get(life.owner(), life.partnership());
            if (partnership == null || partnership.status() != PartnershipStatus.ACTIVE) {
                tx.lifecycle().putLifecycle(life.toBuilder().dormancyDueAt(null).build());
                return List.<ActivationRules.Notice>of();
            }
            int days = ActivationRules.dormancyDays(tx, partnership);
            Instant since = life.lastActivityAt() != null ? life.lastActivityAt()
                    : life.activatedAt() != null ? life.activatedAt() : life.dormancyDueAt().minus(Duration.ofDays(days));
            Instant dueAt = since.plus(Duration.ofDays(days));
            if (dueAt.isAfter(now)) {
                // the program's dormancyDays grew since the activity: not dormant yet
                tx.lifecycle().putLifecycle(life.toBuilder().dormancyDueAt(dueAt).build());
                return List.<ActivationRules.Notice>of();
            }
            tx.lifecycle().putLifecycle(life.toBuilder().dormantSince(dueAt).build());
            return List.of(ActivationRules.notice("partnership.dormant", partnership,
                    Map.of("days", Long.toString(Duration.between(since, now).toDays()))));
        });
        rules.publish(notices);
        return !notices.isEmpty();
    }

    // ---- history, status, checklist, metrics

    /**
     * Records a status change of a record in the caller's transaction: its transition and, for a {@code tracked}
     * (vendor's) record, the lifecycle state (recruitment and activation times, dormancy deadline).
     */
    public void statusChanged(StoreTransaction tx, @Nullable Partnership before, Partnership after, String actor,
            @Nullable String reason, Instant now, boolean tracked) {
        PartnershipStatus from = before == null ? null : before.status();
        tx.lifecycle().appendTransition(after.owner(), new PartnershipTransition(after.id(), from, after.status(), now,
                actor, reason));
        if (!tracked || from == after.status()) {
            return;
        }
        PartnershipLifecycle life = ActivationRules.lifecycleOf(tx, after);
        if (after.status() == PartnershipStatus.RECRUITED) {
            tx.lifecycle().putLifecycle(life.toBuilder().recruitedAt(now).activated(null, null).dormantSince(null)
                    .dormancyDueAt(null).build());
        } else if (after.status() == PartnershipStatus.ACTIVE) {
            tx.lifecycle().putLifecycle(life.toBuilder()
                    .activated(life.activatedAt() != null ? life.activatedAt() : now, life.activatedBy())
                    .dormantSince(null)
                    .dormancyDueAt(now.plus(Duration.ofDays(ActivationRules.dormancyDays(tx, after)))).build());
        } else if (life.dormancyDueAt() != null) {
            tx.lifecycle().putLifecycle(life.toBuilder().dormancyDueAt(null).build());
        }
    }

    /** The history of the owner's record, oldest first. */
    public List<PartnershipTransition> history(CompanyId owner, PartnershipId id) {
        Checks.required(id, "partnership id");
        return context.store().inTransaction(tx -> {
            owned(tx, owner, id);
            return tx.lifecycle().history(owner, id);
        });
    }

    /** The lifecycle state of the owner's record (an empty one when nothing was recorded yet). */
    public PartnershipLifecycle lifecycle(CompanyId owner, PartnershipId id) {
        Checks.required(id, "partnership id");
        return context.store().inTransaction(tx -> ActivationRules.lifecycleOf(tx, owned(tx, owner, id)));
    }

    /** Records completed checklist items of the owner's partner; see {@code Partnerships#completeChecklist}. */
    public PartnershipLifecycle completeChecklist(CompanyId owner, PartnershipId id, Collection<String> keys) {
        Checks.required(id, "partnership id");
        Checks.noNulls(keys, "checklist keys");
        if (keys.isEmpty()) {
            throw new ValidationException("checklist keys must name at least one item, but were empty");
        }
        Instant now = context.clock().instant();
        Recorded recorded = context.store().inTransaction(tx -> {
            Partnership partnership = owned(tx, owner, id);
            PartnerProgram program = ActivationRules.program(tx, partnership);
            Set<String> allowed = new TreeSet<>();
            if (program != null) {
                program.terms().checklist().stream().map(ChecklistItem::key).forEach(allowed::add);
            }
            for (String key : keys) {
                if (!allowed.contains(key)) {
                    throw new ValidationException("checklist key must be one of " + allowed + " (the onboarding "
                            + "checklist of " + owner + "'s " + partnership.type() + " program), but was "
                            + Checks.quote(key));
                }
            }
            PartnershipLifecycle life = ActivationRules.lifecycleOf(tx, partnership);
            Set<String> done = new TreeSet<>(life.checklist());
            boolean wasComplete = done.containsAll(allowed);
            done.addAll(keys);
            tx.lifecycle().putLifecycle(life.toBuilder().checklist(done).build());
            List<ActivationRules.Notice> notices = !wasComplete && done.containsAll(allowed)
                    ? rules.activity(tx, partnership, ActivationTrigger.COMPLETED_CHECKLIST, now) : List.of();
            return new Recorded(ActivationRules.lifecycleOf(tx, partnership), notices);
        });
        rules.publish(recorded.notices());
        return recorded.lifecycle();
    }

    /** A lifecycle state as a transaction left it, and the events to publish now that it committed. */
    private record Recorded(PartnershipLifecycle lifecycle, List<ActivationRules.Notice> notices) {
    }

    /** Activation metrics of the owner's partners recruited from {@code from} to {@code to}, inclusive. */
    public List<ActivationMetrics> activation(CompanyId owner, LocalDate from, LocalDate to) {
        Checks.required(from, "from");
        Checks.required(to, "to");
        if (to.isBefore(from)) {
            throw new ValidationException("to must be on or after from " + from + ", but was " + to);
        }
        Map<PartnershipId, Partnership> partnerships = new HashMap<>();
        List<PartnershipLifecycle> lifecycles = new ArrayList<>();
        context.store().useTransaction(tx -> {
            all(page -> tx.partnerships().list(owner, page))
                    .forEach(partnership -> partnerships.put(partnership.id(), partnership));
            lifecycles.addAll(all(page -> tx.lifecycle().lifecycles(owner, page)));
        });
        Map<PartnershipId, PartnershipLifecycle> byId = new HashMap<>();
        lifecycles.forEach(life -> byId.put(life.partnership(), life));
        Map<PartnerType, List<PartnershipLifecycle>> recruits = new EnumMap<>(PartnerType.class);
        for (PartnershipLifecycle life : lifecycles) {
            Partnership partnership = partnerships.get(life.partnership());
            if (partnership == null || life.recruitedAt() == null) {
                continue;
            }
            LocalDate day = rules.today(life.recruitedAt());
            if (!day.isBefore(from) && !day.isAfter(to)) {
                recruits.computeIfAbsent(partnership.type(), type -> new ArrayList<>()).add(life);
            }
        }
        List<ActivationMetrics> metrics = new ArrayList<>();
        for (PartnerType type : PartnerType.values()) {
            List<PartnershipLifecycle> cohort = recruits.getOrDefault(type, List.of());
            List<Long> days = new ArrayList<>();
            Map<YearMonth, int[]> months = new TreeMap<>();
            for (PartnershipLifecycle life : cohort) {
                Instant recruitedAt = Objects.requireNonNull(life.recruitedAt()); // the cohort holds recruits only
                int[] counts = months.computeIfAbsent(YearMonth.from(rules.today(recruitedAt)),
                        month -> new int[2]);
                counts[0]++;
                if (life.activatedAt() != null) {
                    counts[1]++;
                    days.add(Math.max(0, Duration.between(life.recruitedAt(), life.activatedAt()).toDays()));
                }
            }
            days.sort(null);
            int active = 0;
            int dormant = 0;
            for (Partnership partnership : partnerships.values()) {
                if (partnership.type() == type && partnership.status() == PartnershipStatus.ACTIVE) {
                    active++;
                    PartnershipLifecycle life = byId.get(partnership.id());
                    dormant += life != null && life.dormant() ? 1 : 0;
                }
            }
            metrics.add(new ActivationMetrics(type, cohort.size(), days.size(), median(days), mean(days),
                    months.entrySet().stream().map(entry -> new ActivationMetrics.Cohort(entry.getKey(),
                            entry.getValue()[0], entry.getValue()[1])).toList(), active, dormant));
        }
        return metrics;
    }

    private static @Nullable Double median(List<Long> sorted) {
        int n = sorted.size();
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? (double) sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2.0;
    }

    private static @Nullable Double mean(List<Long> values) {
        return values.isEmpty() ? null : values.stream().mapToLong(Long::longValue).average().orElse(0);
    }

    private static <T> List<T> all(Function<PageRequest, Page<T>> lister) {
        List<T> items = new ArrayList<>();
        String cursor = null;
        do {
            Page<T> page = lister.apply(PageRequest.after(cursor, PageRequest.MAX_SIZE));
            items.addAll(page.items());
            cursor = page.nextCursor();
        } while (cursor != null);
        return items;
    }

    private static Partnership owned(StoreTransaction tx, CompanyId owner, PartnershipId id) {
        Partnership partnership = tx.partnerships().get(owner, id);
        if (partnership == null) {
            throw new NotFoundException("company " + owner + " has no partnership " + id);
        }
        return partnership;
    }
}
