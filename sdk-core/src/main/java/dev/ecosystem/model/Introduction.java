package dev.ecosystem.model;

import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A warm, double opt-in introduction between a requester and a target at another company, optionally made by an
 * introducer. Visible to both companies. {@code version} increases with every stored change (optimistic
 * concurrency). Build one with {@link #builder}; the workflow changes it only through {@link #moveTo} (which
 * records who, when and why) and the other {@code with...} copies.
 *
 * <pre>{@code
 * Introduction intro = Introduction.builder(IntroductionId.of("i1"), acme, ContactId.of("ada"), globex,
 *                 ContactId.of("grace"), "Both serve e-commerce teams", now, now.plus(Duration.ofDays(14)))
 *         .build();
 * }</pre>
 *
 * <p>A final class rather than a record, so a field added in a later release does not break code that builds one:
 * build it with {@link #builder}, change a copy with {@link #toBuilder()}.
 */
public final class Introduction {
    private final IntroductionId id;
    private final CompanyId requesterCompany;
    private final ContactId requester;
    private final CompanyId targetCompany;
    private final ContactId target;
    private final @Nullable ContactId introducer;
    private final String context;
    private final List<String> sharedFacts;
    private final @Nullable AccountId account;
    private final @Nullable DealId deal;
    private final @Nullable Prospect prospect;
    private final IntroductionStatus status;
    private final List<Consent> consents;
    private final List<IntroductionTransition> history;
    private final Instant createdAt;
    private final Instant updatedAt;
    private final Instant expiresAt;
    private final @Nullable Instant nextDueAt;
    private final @Nullable OutboxEntryId jointEntry;
    private final long version;

    /** Validates every field and the consistency between them. */
    private Introduction(IntroductionId id, CompanyId requesterCompany, ContactId requester, CompanyId targetCompany,
            ContactId target, @Nullable ContactId introducer, String context, List<String> sharedFacts,
            @Nullable AccountId account, @Nullable DealId deal, @Nullable Prospect prospect, IntroductionStatus status,
            List<Consent> consents, List<IntroductionTransition> history, Instant createdAt, Instant updatedAt,
            Instant expiresAt, @Nullable Instant nextDueAt, @Nullable OutboxEntryId jointEntry, long version) {
        Checks.required(id, "introduction id");
        Checks.required(requesterCompany, "requesterCompany");
        Checks.required(requester, "requester");
        Checks.required(targetCompany, "targetCompany");
        Checks.required(target, "target");
        if (requesterCompany.equals(targetCompany)) {
            throw new ValidationException("introduction targetCompany must differ from requesterCompany, but both "
                    + "were " + requesterCompany);
        }
        if (requester.equals(introducer)) {
            throw new ValidationException("introduction introducer must differ from the requester, but both were "
                    + requester);
        }
        context = Checks.text(context, "context", 4000);
        sharedFacts = List.copyOf(Checks.noNulls(sharedFacts, "sharedFacts"));
        Checks.required(status, "status");
        consents = List.copyOf(Checks.noNulls(consents, "consents"));
        if (consents.size() != 2 || consents.get(0).party() != IntroParty.REQUESTER
                || consents.get(1).party() != IntroParty.TARGET) {
            throw new ValidationException("introduction " + id + " consents must be [REQUESTER, TARGET], but were "
                    + consents.stream().map(Consent::party).toList());
        }
        if (!consents.get(0).contact().equals(requester) || !consents.get(1).contact().equals(target)) {
            throw new ValidationException("introduction " + id + " consents must be those of the requester and the "
                    + "target");
        }
        history = List.copyOf(Checks.noNulls(history, "history"));
        if (history.isEmpty() || history.get(history.size() - 1).to() != status) {
            throw new ValidationException("introduction " + id + " history must end in its status " + status);
        }
        Checks.required(createdAt, "createdAt");
        Checks.required(updatedAt, "updatedAt");
        Checks.required(expiresAt, "expiresAt");
        if (!expiresAt.isAfter(createdAt)) {
            throw new ValidationException("introduction expiresAt must be after createdAt " + createdAt + ", but was "
                    + expiresAt);
        }
        if (status.isTerminal()) {
            nextDueAt = null;
        } else if (nextDueAt == null) {
            throw new ValidationException("an open introduction needs nextDueAt, but " + id + " had none");
        }
        Checks.nonNegative(version, "version");
        this.id = id;
        this.requesterCompany = requesterCompany;
        this.requester = requester;
        this.targetCompany = targetCompany;
        this.target = target;
        this.introducer = introducer;
        this.context = context;
        this.sharedFacts = sharedFacts;
        this.account = account;
        this.deal = deal;
        this.prospect = prospect;
        this.status = status;
        this.consents = consents;
        this.history = history;
        this.createdAt = createdAt;
        this.updatedAt = updatedAt;
        this.expiresAt = expiresAt;
        this.nextDueAt = nextDueAt;
        this.jointEntry = jointEntry;
        this.version = version;
    }

    /**
     * Starts a builder. By default the requester's own consent is given (they asked), the target's is pending, and
     * the history holds the request itself.
     */
    public static Builder builder(IntroductionId id, CompanyId requesterCompany, ContactId requester,
            CompanyId targetCompany, ContactId target, String context, Instant createdAt, Instant expiresAt) {
        return new Builder(id, requesterCompany, requester, targetCompany, target, context, createdAt, expiresAt);
    }

    /** Whether the given company is one of the two parties. */
    public boolean involves(CompanyId company) {
        return requesterCompany.equals(company) || targetCompany.equals(company);
    }

    /** The consent of {@code party}. */
    public Consent consent(IntroParty party) {
        return consents.get(party == IntroParty.REQUESTER ? 0 : 1);
    }

    /** The company of {@code party}. */
    public CompanyId companyOf(IntroParty party) {
        return party == IntroParty.REQUESTER ? requesterCompany : targetCompany;
    }

    /** Whether every consent is accepted. */
    public boolean allAccepted() {
        return consents.stream().allMatch(c -> c.status() == ConsentStatus.ACCEPTED);
    }

    /** When it connected, or {@code null} if it did not. */
    public @Nullable Instant connectedAt() {
        for (IntroductionTransition transition : history) {
            if (transition.to() == IntroductionStatus.CONNECTED) {
                return transition.at();
            }
        }
        return null;
    }

    /**
     * A copy in status {@code to}, with the transition recorded.
     *
     * @throws ConflictException when the current status does not allow moving to {@code to}
     */
    public Introduction moveTo(IntroductionStatus to, String actor, Instant at, String reason) {
        Checks.required(to, "status");
        if (!status.canMoveTo(to)) {
            throw new ConflictException("introduction " + id + " is " + status + " and cannot become " + to
                    + (status.isTerminal() ? "; it has ended" : "; allowed: " + status.next()));
        }
        List<IntroductionTransition> moved = new ArrayList<>(history);
        moved.add(new IntroductionTransition(status, to, actor, at, reason));
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                sharedFacts, account, deal, prospect, to, consents, moved, createdAt, at, expiresAt,
                to.isTerminal() ? null : nextDueAt, jointEntry, version);
    }

    /** A copy with the consent of its party replaced. */
    public Introduction withConsent(Consent consent, Instant at) {
        Map<IntroParty, Consent> byParty = new EnumMap<>(IntroParty.class);
        consents.forEach(c -> byParty.put(c.party(), c));
        byParty.put(consent.party(), consent);
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                sharedFacts, account, deal, prospect, status, List.copyOf(byParty.values()), history, createdAt, at,
                expiresAt, nextDueAt, jointEntry, version);
    }

    /** A copy at the given stored version; stores use it, engines never need to. */
    public Introduction withVersion(long storedVersion) {
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                sharedFacts, account, deal, prospect, status, consents, history, createdAt, updatedAt, expiresAt,
                nextDueAt, jointEntry, storedVersion);
    }

    /** A copy due next at {@code at} (ignored once terminal). */
    public Introduction withNextDueAt(@Nullable Instant at) {
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                sharedFacts, account, deal, prospect, status, consents, history, createdAt, updatedAt, expiresAt, at,
                jointEntry, version);
    }

    /** A copy that names the outbox entry of its joint introduction email. */
    public Introduction withJointEntry(OutboxEntryId entry) {
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                sharedFacts, account, deal, prospect, status, consents, history, createdAt, updatedAt, expiresAt,
                nextDueAt, entry, version);
    }

    /**
     * A copy as {@code viewer}, one of the two companies, may see it. Each party sees only what is its own:
     * <ul>
     *   <li>a decline reason the other side did not share is removed;</li>
     *   <li>the target company sees neither the requester's CRM {@code account} nor {@code deal} nor the
 *       {@code prospect};</li>
     *   <li>no party sees a consent {@code tokenId}: it is the secret behind the consent links, and whoever holds it
     *       with a link could answer for the person.</li>
     * </ul>
     * The workflow keeps the full record in the store; every read through a tenant scope goes through this.
     */
    public Introduction visibleTo(CompanyId viewer) {
        List<Consent> visible = new ArrayList<>();
        for (Consent consent : consents) {
            Consent shown = companyOf(consent.party()).equals(viewer) ? consent : consent.withoutPrivateReason();
            visible.add(new Consent(shown.party(), shown.contact(), shown.status(), null, shown.askEntry(),
                    shown.askedAt(), shown.reminders(), shown.answeredAt(), shown.reason(), shown.reasonShared()));
        }
        boolean requesterSide = requesterCompany.equals(viewer);
        return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                sharedFacts, requesterSide ? account : null, requesterSide ? deal : null,
                requesterSide ? prospect : null, status, visible, history,
                createdAt, updatedAt, expiresAt, nextDueAt, jointEntry, version);
    }

    /** A builder holding this introduction's fields, to build a changed copy. */
    public Builder toBuilder() {
        return new Builder(id, requesterCompany, requester, targetCompany, target, context, createdAt, expiresAt)
                .introducer(introducer).sharedFacts(sharedFacts).account(account).deal(deal).prospect(prospect)
                .status(status).consents(consents.get(0), consents.get(1)).history(history).updatedAt(updatedAt)
                .nextDueAt(nextDueAt).jointEntry(jointEntry).version(version);
    }

    /** The introduction's id. */
    public IntroductionId id() {
        return id;
    }

    /** The company that asked (the tenant that created it). */
    public CompanyId requesterCompany() {
        return requesterCompany;
    }

    /** The contact who asked (a contact of {@code requesterCompany}). */
    public ContactId requester() {
        return requester;
    }

    /** The company of the target. */
    public CompanyId targetCompany() {
        return targetCompany;
    }

    /** The contact to be introduced to (a contact of {@code targetCompany}). */
    public ContactId target() {
        return target;
    }

    /**
     * The person who makes the introduction (a contact of {@code requesterCompany}), or {@code null} when the
     * requester asks the target directly.
     */
    public @Nullable ContactId introducer() {
        return introducer;
    }

    /** Why these two should talk, as the requesting side wrote it. */
    public String context() {
        return context;
    }

    /** What the SDK and the host added: shared tags, overlaps, a navigator explanation. */
    public List<String> sharedFacts() {
        return sharedFacts;
    }

    /** The requester's CRM account this introduction is about, or {@code null}. */
    public @Nullable AccountId account() {
        return account;
    }

    /** The requester's CRM deal this introduction is about, or {@code null}. */
    public @Nullable DealId deal() {
        return deal;
    }

    /**
     * The company this introduction is about when the requester's CRM has no record of it yet, or {@code null}; like
     * {@code account} and {@code deal}, only the requester's company sees it.
     */
    public @Nullable Prospect prospect() {
        return prospect;
    }

    /** Where it stands. */
    public IntroductionStatus status() {
        return status;
    }

    /** One consent per party: {@link IntroParty#REQUESTER} first, then {@link IntroParty#TARGET}. */
    public List<Consent> consents() {
        return consents;
    }

    /** Every status change, oldest first; the last one's {@code to} is {@code status}. */
    public List<IntroductionTransition> history() {
        return history;
    }

    /** When it was requested. */
    public Instant createdAt() {
        return createdAt;
    }

    /** When it last changed. */
    public Instant updatedAt() {
        return updatedAt;
    }

    /** When unanswered consents expire: consents are accepted strictly before this instant. */
    public Instant expiresAt() {
        return expiresAt;
    }

    /** When scheduled work (a reminder or the expiry) is next due, or {@code null} once it is over. */
    public @Nullable Instant nextDueAt() {
        return nextDueAt;
    }

    /** The outbox entry of the joint introduction email, or {@code null} before it exists. */
    public @Nullable OutboxEntryId jointEntry() {
        return jointEntry;
    }

    /** The stored version, starting at 0. */
    public long version() {
        return version;
    }

    @Override
    public boolean equals(@Nullable Object other) {
        return other instanceof Introduction that && id.equals(that.id)
                && requesterCompany.equals(that.requesterCompany) && requester.equals(that.requester)
                && targetCompany.equals(that.targetCompany) && target.equals(that.target)
                && Objects.equals(introducer, that.introducer) && context.equals(that.context)
                && sharedFacts.equals(that.sharedFacts) && Objects.equals(account, that.account)
                && Objects.equals(deal, that.deal) && Objects.equals(prospect, that.prospect) && status == that.status
                && consents.equals(that.consents) && history.equals(that.history) && createdAt.equals(that.createdAt)
                && updatedAt.equals(that.updatedAt) && expiresAt.equals(that.expiresAt)
                && Objects.equals(nextDueAt, that.nextDueAt) && Objects.equals(jointEntry, that.jointEntry)
                && version == that.version;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, requesterCompany, requester, targetCompany, target, introducer, context, sharedFacts,
                account, deal, prospect, status, consents, history, createdAt, updatedAt, expiresAt, nextDueAt,
                jointEntry, version);
    }

    /** Every field, as the record it once was showed them. */
    @Override
    public String toString() {
        return "Introduction[id=" + id + ", requesterCompany=" + requesterCompany + ", requester=" + requester
                + ", targetCompany=" + targetCompany + ", target=" + target + ", introducer=" + introducer
                + ", context=" + context + ", sharedFacts=" + sharedFacts + ", account=" + account + ", deal=" + deal
                + ", prospect=" + prospect + ", status=" + status + ", consents=" + consents + ", history=" + history
                + ", createdAt=" + createdAt + ", updatedAt=" + updatedAt + ", expiresAt=" + expiresAt
                + ", nextDueAt=" + nextDueAt + ", jointEntry=" + jointEntry + ", version=" + version + "]";
    }

    /** Builds an {@link Introduction}; {@link #build()} validates everything at once. */
    public static final class Builder {
        private final IntroductionId id;
        private final CompanyId requesterCompany;
        private final ContactId requester;
        private final CompanyId targetCompany;
        private final ContactId target;
        private String context;
        private final Instant createdAt;
        private final Instant expiresAt;
        private @Nullable ContactId introducer;
        private List<String> sharedFacts = List.of();
        private @Nullable AccountId account;
        private @Nullable DealId deal;
        private @Nullable Prospect prospect;
        private IntroductionStatus status = IntroductionStatus.REQUESTED;
        private @Nullable List<Consent> consents;
        private @Nullable List<IntroductionTransition> history;
        private @Nullable Instant updatedAt;
        private @Nullable Instant nextDueAt;
        private @Nullable OutboxEntryId jointEntry;
        private long version;

        private Builder(IntroductionId id, CompanyId requesterCompany, ContactId requester, CompanyId targetCompany,
                ContactId target, String context, Instant createdAt, Instant expiresAt) {
            this.id = id;
            this.requesterCompany = requesterCompany;
            this.requester = requester;
            this.targetCompany = targetCompany;
            this.target = target;
            this.context = context;
            this.createdAt = createdAt;
            this.expiresAt = expiresAt;
        }

        /** Why these two should talk, replacing the one the builder was started with. */
        public Builder context(String context) {
            this.context = context;
            return this;
        }

        /** The introducer, a contact of the requester's company. */
        public Builder introducer(@Nullable ContactId introducer) {
            this.introducer = introducer;
            return this;
        }

        /** What the SDK and host add to the context. */
        public Builder sharedFacts(List<String> facts) {
            this.sharedFacts = facts;
            return this;
        }

        /** The requester's CRM account this is about. */
        public Builder account(@Nullable AccountId account) {
            this.account = account;
            return this;
        }

        /** The requester's CRM deal this is about. */
        public Builder deal(@Nullable DealId deal) {
            this.deal = deal;
            return this;
        }

        /** The company this is about when the requester's CRM has no record of it yet. */
        public Builder prospect(@Nullable Prospect prospect) {
            this.prospect = prospect;
            return this;
        }

        /** The status (default {@code REQUESTED}); the default history ends in it. */
        public Builder status(IntroductionStatus status) {
            this.status = status;
            return this;
        }

        /** The consents, requester's then target's. */
        public Builder consents(Consent requesterConsent, Consent targetConsent) {
            this.consents = List.of(requesterConsent, targetConsent);
            return this;
        }

        /** The history (default: one entry, the request, ending in the status). */
        public Builder history(List<IntroductionTransition> history) {
            this.history = history;
            return this;
        }

        /** When it last changed (default: {@code createdAt}). */
        public Builder updatedAt(Instant updatedAt) {
            this.updatedAt = updatedAt;
            return this;
        }

        /** When scheduled work is next due (default: {@code expiresAt} while open). */
        public Builder nextDueAt(@Nullable Instant nextDueAt) {
            this.nextDueAt = nextDueAt;
            return this;
        }

        /** The outbox entry of the joint email. */
        public Builder jointEntry(@Nullable OutboxEntryId jointEntry) {
            this.jointEntry = jointEntry;
            return this;
        }

        /** The stored version (default 0). */
        public Builder version(long version) {
            this.version = version;
            return this;
        }

        /** Validates and builds. */
        public Introduction build() {
            Checks.required(status, "status");
            List<Consent> theConsents = consents != null ? consents : List.of(
                    Consent.given(IntroParty.REQUESTER, Checks.required(requester, "requester"), createdAt),
                    new Consent(IntroParty.TARGET, Checks.required(target, "target"), ConsentStatus.PENDING, null,
                            null, null, 0, null, null, false));
            List<IntroductionTransition> theHistory = history != null ? history : List.of(
                    new IntroductionTransition(null, status,
                            Checks.required(requesterCompany, "requesterCompany").value(),
                            Checks.required(createdAt, "createdAt"), "requested"));
            return new Introduction(id, requesterCompany, requester, targetCompany, target, introducer, context,
                    sharedFacts, account, deal, prospect, status, theConsents, theHistory, createdAt,
                    updatedAt != null ? updatedAt : createdAt, expiresAt,
                    nextDueAt != null || status.isTerminal() ? nextDueAt : expiresAt, jointEntry, version);
        }
    }
}
