package dev.ecosystem.intro.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.ConflictException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.ConsentTokens;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.intro.ConsentView;
import dev.ecosystem.intro.DueRun;
import dev.ecosystem.intro.IntroRequest;
import dev.ecosystem.intro.IntroSettings;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.ActivationTrigger;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Consent;
import dev.ecosystem.model.ConsentStatus;
import dev.ecosystem.model.Contact;
import dev.ecosystem.model.ContactId;
import dev.ecosystem.model.IntroParty;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.IntroductionTransition;
import dev.ecosystem.model.OutboxEntry;
import dev.ecosystem.model.OutboxEntryId;
import dev.ecosystem.model.OutboxStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Tag;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.ProspectKeys;
import dev.ecosystem.partnership.internal.ActivationRules;
import dev.ecosystem.spi.Draft;
import dev.ecosystem.spi.DraftRequest;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The double opt-in workflow: every change is one store transaction that validates the transition, records it in
 * the introduction's history, writes the emails it causes to the outbox, and is retried when a concurrent
 * transaction won. Events are published after the commit.
 *
 * <p>The drafter is never called inside a transaction (it may wait on the network while the transaction holds a
 * pooled connection): each operation keeps its {@link Drafts}, an attempt that lacks a draft rolls back, and the
 * operation drafts outside and runs the transaction again. So that a second attempt asks for the same drafts, what
 * feeds them (the new introduction's id, its consent token ids, "now") is fixed once per operation, before the
 * first attempt.
 */
public final class IntroEngine {
    private static final Logger LOG = LoggerFactory.getLogger(IntroEngine.class);
    private static final int TRANSACTION_ATTEMPTS = 5;
    /** Rounds of drafting one operation may need: one, and one more per time a draft's inputs changed meanwhile. */
    private static final int DRAFT_ROUNDS = 3;
    private static final int MAX_DUE_ROUNDS = 1000;

    private final SdkContext context;
    private final OverlapSettings overlapSettings;
    private final IntroSettings settings;
    private final ConsentTokens tokens;
    private final IntroMails mails;
    private final ActivationRules rules;
    private final OutboxDispatcher dispatcher;
    /** Set while a transaction of this engine runs on the thread; the drafter refuses to run then. */
    private final ThreadLocal<Boolean> transactionOpen = new ThreadLocal<>();

    /**
     * The workflow over the context's store, mailer, clock and listener; a request's prospect is checked under
     * {@code overlapSettings}' match rules.
     */
    public IntroEngine(SdkContext context, IntroSettings settings, OverlapSettings overlapSettings) {
        this.context = Checks.required(context, "context");
        this.settings = Checks.required(settings, "settings");
        this.overlapSettings = Checks.required(overlapSettings, "overlapSettings");
        this.tokens = new ConsentTokens(settings.consentKeys(), settings.consentUrl());
        this.mails = new IntroMails(settings, tokens);
        this.dispatcher = new OutboxDispatcher(context, settings);
        this.rules = new ActivationRules(context);
    }

    /** See {@link dev.ecosystem.intro.IntroOperations#releaseClaims}. */
    public int releaseClaims() {
        return dispatcher.release(context.clock().instant());
    }

    /** Stops the outbox's lease thread; a send still running finishes without further renewals. */
    public void close() {
        dispatcher.close();
    }

    /** The context this engine works in. */
    public SdkContext context() {
        return context;
    }

    /** A refusal of the workflow itself (not a lost race): never retried. */
    static final class Refused extends ConflictException {
        private static final long serialVersionUID = 1L;

        Refused(String message) {
            super(message);
        }
    }

    /** An event to publish after the commit. */
    private record Event(String type, CompanyId tenant, String subject, Map<String, String> attributes) {
    }

    /** What a transaction did: the introduction as stored, its events, and a refusal to raise after the commit. */
    private record Outcome(@Nullable Introduction intro, List<Event> events, @Nullable RuntimeException after,
            int reminders) {
        static Outcome none() {
            return new Outcome(null, List.of(), null, 0);
        }
    }

    // ---------------------------------------------------------------- requests

    /** See {@link dev.ecosystem.intro.Introductions#request}. */
    public Introduction request(CompanyId acting, IntroRequest request) {
        Checks.required(request, "request");
        Instant now = context.clock().instant();
        IntroductionId id = IntroductionId.of(context.newId());
        String targetToken = ConsentTokens.newTokenId();
        String requesterToken = ConsentTokens.newTokenId();
        Drafts drafts = new Drafts();
        Outcome outcome = transact(drafts, tx -> {
            if (request.idempotencyKey() != null) {
                String earlier = tx.idempotency().putIfAbsent(acting, "intro:" + request.idempotencyKey(),
                        id.value());
                if (earlier != null) {
                    Introduction first = tx.introductions().get(acting, IntroductionId.of(earlier));
                    if (first == null) {
                        throw new ConflictException("idempotencyKey " + Checks.quote(request.idempotencyKey())
                                + " was used for introduction " + earlier + ", which no longer exists");
                    }
                    return new Outcome(first, List.of(), null, 0);
                }
            }
            Participants people = check(tx, acting, request, now);
            Introduction intro = newIntroduction(tx, acting, request, people, id, now);
            String actor = IntroductionTransition.person(acting, people.sender().id());
            OutboxEntryId targetAsk = mails.enqueueAsk(tx, drafts, intro, people, IntroParty.TARGET, targetToken,
                    request.subject(), request.text(), now);
            intro = intro.withConsent(Consent.asked(IntroParty.TARGET, people.target().id(), targetToken, targetAsk,
                    now), now);
            if (request.introducer() != null) {
                OutboxEntryId requesterAsk = mails.enqueueAsk(tx, drafts, intro, people, IntroParty.REQUESTER,
                        requesterToken, null, null, now);
                intro = intro.withConsent(Consent.asked(IntroParty.REQUESTER, request.requester(), requesterToken,
                        requesterAsk, now), now);
            }
            intro = intro.moveTo(IntroductionStatus.AWAITING_CONSENT, actor, now, request.introducer() == null
                    ? "consent asked of the target" : "consent asked of the requester and the target");
            Introduction stored = tx.introductions().insert(intro.withNextDueAt(nextDue(intro)));
            return new Outcome(stored, transitionEvents(stored, 0), null, 0);
        });
        return finish(outcome, acting);
    }

    /** See {@link dev.ecosystem.intro.Introductions#preview}. */
    public Draft preview(CompanyId acting, IntroRequest request) {
        Checks.required(request, "request");
        Instant now = context.clock().instant();
        DraftRequest ask = inTransaction(tx -> {
            Participants people = check(tx, acting, request, now);
            Introduction intro = newIntroduction(tx, acting, request, people, IntroductionId.of("preview"), now);
            return mails.previewRequest(intro, people);
        });
        return draft(ask);
    }

    /**
     * Checks a request in the order that keeps other companies' data private: the requester's own fields first, then
     * whether the target company is listed, then whether the target is reachable (one refusal for every reason),
     * and only then what a reachable target may reveal (blocks, limits).
     */
    private Participants check(StoreTransaction tx, CompanyId acting, IntroRequest request, Instant now) {
        if (request.targetCompany().equals(acting)) {
            throw new ValidationException("targetCompany must be another company than the acting one " + acting
                    + ", but was " + request.targetCompany());
        }
        if (request.account() != null && tx.crm().account(acting, request.account()) == null) {
            throw notInSnapshot("account", request.account().value(), acting);
        }
        if (request.deal() != null && tx.crm().deal(acting, request.deal()) == null) {
            throw notInSnapshot("deal", request.deal().value(), acting);
        }
        if (request.prospect() != null) {
            new ProspectKeys(overlapSettings).check(request.prospect());
        }
        Company requesterCompany = Participants.company(tx, acting);
        Company targetCompany = tx.companies().get(request.targetCompany());
        if (targetCompany == null || !targetCompany.listed()) {
            throw new NotFoundException("targetCompany " + request.targetCompany()
                    + " is not a listed company of the network");
        }
        Participants people = new Participants(requesterCompany, targetCompany,
                Participants.contact(tx, acting, request.requester()),
                reachableTarget(tx, targetCompany, request.target()),
                request.introducer() == null ? null : Participants.contact(tx, acting, request.introducer()));
        List<String> optedOut = people.optedOut();
        if (!optedOut.isEmpty()) {
            throw new AccessDeniedException("introduction refused: " + String.join(" and ", optedOut)
                    + " opted out of introductions and is never emailed");
        }
        if (tx.blocks().isBlocked(acting, request.targetCompany())
                || tx.blocks().isBlocked(request.targetCompany(), acting)) {
            throw new AccessDeniedException("introduction refused: introductions between " + acting + " and "
                    + request.targetCompany() + " are blocked");
        }
        Instant since = now.minus(settings.limitPeriod());
        long byRequester = tx.introductions().countOpen(IntroParty.REQUESTER, acting, request.requester(), since);
        if (byRequester >= settings.maxOpenPerRequester()) {
            throw new Refused("introduction refused: requester " + request.requester() + " already has "
                    + byRequester + " open requests from the last " + settings.limitPeriod().toDays()
                    + " days; the limit is " + settings.maxOpenPerRequester());
        }
        long byTarget = tx.introductions().countOpen(IntroParty.TARGET, request.targetCompany(),
                people.target().id(), since);
        if (byTarget >= settings.maxOpenPerTarget()) {
            // Neither who asked nor how often: other companies' requests are not the requester's to count.
            throw new Refused("introduction refused: the target at " + request.targetCompany() + " has reached the "
                    + "limit of " + settings.maxOpenPerTarget() + " open requests; try again later");
        }
        return people;
    }

    private static ValidationException notInSnapshot(String field, String value, CompanyId acting) {
        return new ValidationException(field + " " + Checks.quote(value) + " must be " + (field.equals("account")
                ? "an account" : "a deal") + " of the CRM snapshot of company " + acting + ", but it is not");
    }

    /**
     * The person a request may reach at {@code company}: the named contact when the company made it reachable for
     * introductions, or the company's intake contact when none is named; never one who opted out.
     *
     * @throws NotFoundException with one text per request, whatever the reason (unknown id, another company's
     *     contact, not reachable, opted out, no intake contact), so the requester learns nothing about the people
     *     it cannot see
     */
    private static Contact reachableTarget(StoreTransaction tx, Company company, @Nullable ContactId named) {
        ContactId id = named != null ? named : company.introductionIntake();
        Contact contact = id == null ? null : tx.contacts().get(company.id(), id);
        if (contact == null || contact.optedOutOfIntroductions()
                || named != null && !contact.reachableForIntroductions()) {
            throw new NotFoundException(named != null
                    ? "contact " + named + " is not reachable for introductions at company " + company.id()
                    : "company " + company.id() + " takes no introductions addressed to the company");
        }
        return contact;
    }

    private Introduction newIntroduction(StoreTransaction tx, CompanyId acting, IntroRequest request,
            Participants people, IntroductionId id, Instant now) {
        AccountId account = request.account() != null || request.deal() != null || request.prospect() != null
                ? request.account()
                : accountOf(tx, acting, people.targetCompany());
        String actor = IntroductionTransition.person(acting, people.sender().id());
        return Introduction.builder(id, acting, request.requester(), request.targetCompany(), people.target().id(),
                        request.context(), now, now.plus(settings.expiry()))
                .introducer(request.introducer())
                .sharedFacts(sharedFacts(people, request.facts()))
                .account(account)
                .deal(request.deal())
                .prospect(request.prospect())
                .history(List.of(new IntroductionTransition(null, IntroductionStatus.REQUESTED, actor, now,
                        "requested")))
                .build();
    }

    /** What the two companies' profiles have in common, then the request's own facts. */
    private static List<String> sharedFacts(Participants people, List<String> extra) {
        Company a = people.requesterCompany();
        Company b = people.targetCompany();
        List<String> facts = new ArrayList<>();
        Set<String> tags = new TreeSet<>();
        for (Tag tag : a.businessTags()) {
            if (b.businessTags().contains(tag)) {
                tags.add(tag.value());
            }
        }
        shared(facts, "Both work in", tags);
        Set<String> industries = new TreeSet<>(a.industries());
        industries.retainAll(b.industries());
        shared(facts, "Both serve customers in", industries);
        Set<String> regions = new TreeSet<>(a.regions());
        regions.retainAll(b.regions());
        shared(facts, "Both are active in", regions);
        facts.addAll(extra);
        return facts;
    }

    private static void shared(List<String> facts, String label, Set<String> values) {
        if (!values.isEmpty()) {
            facts.add(label + ": " + String.join(", ", values.stream().limit(6).toList()));
        }
    }

    /** The acting company's CRM account whose domain is the target company's web domain, or {@code null}. */
    private static @Nullable AccountId accountOf(StoreTransaction tx, CompanyId acting, Company target) {
        if (target.webDomain() == null) {
            return null;
        }
        PageRequest page = PageRequest.first(PageRequest.MAX_SIZE);
        while (true) {
            Page<Account> accounts = tx.crm().accounts(acting, page);
            for (Account account : accounts.items()) {
                if (account.domain() != null && target.webDomain().equals(host(account.domain()))) {
                    return account.id();
                }
            }
            if (!accounts.hasNext()) {
                return null;
            }
            page = PageRequest.after(accounts.nextCursor(), PageRequest.MAX_SIZE);
        }
    }

    /** The host of a domain or URL as a CRM holds it: no scheme, path, port or leading {@code www.}. */
    static String host(String domainOrUrl) {
        String host = domainOrUrl.strip().toLowerCase(Locale.ROOT);
        int scheme = host.indexOf("://");
        if (scheme >= 0) {
            host = host.substring(scheme + 3);
        }
        for (char end : new char[] {'/', '?', '#', ':'}) {
            int at = host.indexOf(end);
            if (at >= 0) {
                host = host.substring(0, at);
            }
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        return host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
    }

    // ---------------------------------------------------------------- consents

    /** See {@link dev.ecosystem.intro.Introductions#accept} and {@code decline}. */
    public Introduction answer(CompanyId acting, IntroductionId id, ContactId person, ConsentStatus decision,
            @Nullable String reason, boolean shareReason) {
        Checks.required(id, "introduction id");
        Checks.required(person, "person");
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        Drafts drafts = new Drafts();
        Outcome outcome = transact(drafts, tx -> {
            Introduction intro = visible(tx, acting, id);
            IntroParty party = null;
            for (Consent consent : intro.consents()) {
                if (consent.contact().equals(person) && intro.companyOf(consent.party()).equals(acting)) {
                    party = consent.party();
                }
            }
            if (party == null) {
                throw new AccessDeniedException("contact " + person + " of " + acting + " is not a party of "
                        + "introduction " + id + " and cannot answer for it");
            }
            return decide(tx, drafts, intro, party, decision, why, shareReason,
                    IntroductionTransition.person(acting, person), now);
        });
        return finish(outcome, acting);
    }

    /** See {@link dev.ecosystem.intro.IntroOperations#redeem}. */
    public Introduction redeem(String token, @Nullable String reason, boolean shareReason) {
        Checks.required(token, "consent token");
        String why = reason == null || reason.isBlank() ? null : Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        ConsentTokens.Claim claim = tokens.read(token, now);
        Drafts drafts = new Drafts();
        Outcome outcome = transact(drafts, tx -> {
            Introduction intro = askedBy(tx, claim);
            Consent consent = intro.consent(claim.party());
            CompanyId company = intro.companyOf(claim.party());
            return decide(tx, drafts, intro, claim.party(), claim.decision(),
                    claim.decision() == ConsentStatus.DECLINED ? why : null, shareReason,
                    IntroductionTransition.person(company, consent.contact()), now);
        });
        return finish(outcome, outcome.intro() == null ? claim.requesterCompany()
                : outcome.intro().companyOf(claim.party()));
    }

    /**
     * See {@link dev.ecosystem.intro.IntroOperations#peek}: the checks of {@link #redeem}, in the same order and with
     * the same refusals, in a transaction that only reads. Where {@code redeem} records the expiry of an introduction
     * whose window ended, this only refuses.
     */
    public ConsentView peek(String token) {
        Checks.required(token, "consent token");
        Instant now = context.clock().instant();
        ConsentTokens.Claim claim = tokens.read(token, now);
        return inTransaction(tx -> {
            Introduction intro = askedBy(tx, claim);
            refuseIfNotAnswerable(intro, claim.party());
            if (!now.isBefore(intro.expiresAt())) {
                throw expiredRefusal(intro);
            }
            Participants people = Participants.load(tx, intro);
            boolean named = claim.party() == IntroParty.TARGET;
            return new ConsentView(intro.id(), claim.party(), claim.decision(), people.person(claim.party()).name(),
                    people.requester().name(), people.requester().title(), people.requesterCompany().name(),
                    people.introducer() == null ? null : people.introducer().name(),
                    named ? people.target().name() : null, named ? people.target().title() : null,
                    people.targetCompany().name(), intro.context(), intro.sharedFacts(), intro.expiresAt());
        });
    }

    /** The introduction a consent token names, refused unless the token belongs to its current consent ask. */
    private static Introduction askedBy(StoreTransaction tx, ConsentTokens.Claim claim) {
        Introduction intro = tx.introductions().get(claim.requesterCompany(), claim.intro());
        if (intro == null) {
            throw new NotFoundException("introduction " + claim.intro() + " of this consent link does not exist");
        }
        if (!claim.tokenId().equals(intro.consent(claim.party()).tokenId())) {
            throw new Refused("consent link does not belong to the current consent ask of introduction "
                    + intro.id());
        }
        return intro;
    }

    /** Refuses an answer for an introduction that has ended or a consent that was answered. */
    private static void refuseIfNotAnswerable(Introduction read, IntroParty party) {
        if (read.status().isTerminal()) {
            throw new Refused("introduction " + read.id() + " has ended (" + read.status() + "); consents are "
                    + "no longer taken");
        }
        Consent consent = read.consent(party);
        if (!consent.isPending()) {
            throw new Refused("the " + party.name().toLowerCase(Locale.ROOT) + "'s consent to introduction "
                    + read.id() + " was already answered (" + consent.status() + " at " + consent.answeredAt()
                    + "); an answer is given once");
        }
    }

    private static Refused expiredRefusal(Introduction read) {
        return new Refused("introduction " + read.id() + " expired at " + read.expiresAt()
                + "; consents are no longer taken");
    }

    private Outcome decide(StoreTransaction tx, Drafts drafts, Introduction read, IntroParty party,
            ConsentStatus decision, @Nullable String reason, boolean share, String actor, Instant now) {
        refuseIfNotAnswerable(read, party);
        Consent consent = read.consent(party);
        int from = read.history().size();
        if (!now.isBefore(read.expiresAt())) {
            Introduction expired = tx.introductions().update(expire(read, now));
            return new Outcome(expired, transitionEvents(expired, from), expiredRefusal(read), 0);
        }
        Introduction intro = read.withConsent(consent.answered(decision,
                now, decision == ConsentStatus.DECLINED ? reason : null, share), now);
        List<Event> extra = new ArrayList<>();
        if (decision == ConsentStatus.DECLINED) {
            intro = intro.moveTo(IntroductionStatus.DECLINED, actor, now,
                    party == IntroParty.TARGET ? "the target declined" : "the requester declined");
            Participants people = Participants.load(tx, intro);
            Contact told = party == IntroParty.TARGET || people.introducer() == null ? people.requester()
                    : people.introducer();
            if (!told.optedOutOfIntroductions()) {
                mails.enqueueDeclineNotice(tx, drafts, intro, people, told, share ? reason : null, now);
            }
        } else if (intro.allAccepted()) {
            Participants people = Participants.load(tx, intro);
            if (!people.optedOut().isEmpty()) {
                intro = intro.moveTo(IntroductionStatus.CANCELLED, IntroductionTransition.SYSTEM, now,
                        Participants.UNAVAILABLE);
            } else {
                OutboxEntryId joint = mails.enqueueJoint(tx, drafts, intro, people, now);
                intro = intro.withJointEntry(joint).moveTo(IntroductionStatus.CONNECTED, actor, now,
                        "everyone consented; joint introduction sent");
                appendTouchpoint(tx, intro, now);
                for (ActivationRules.Notice notice : connected(tx, intro, now)) {
                    extra.add(new Event(notice.type(), notice.tenant(), notice.subject(), notice.attributes()));
                }
            }
        } else {
            intro = intro.withNextDueAt(nextDue(intro));
            extra.add(event("intro.consent-accepted", intro, Map.of("party", party.name(), "actor", actor)));
        }
        Introduction stored = tx.introductions().update(intro);
        List<Event> events = new ArrayList<>(extra);
        events.addAll(transitionEvents(stored, from));
        return new Outcome(stored, events, null, 0);
    }

    /**
     * The connection counts as {@code CONNECTED_INTRODUCTION} activity for each company's partnership record of the
     * other, which may activate it (see {@link ActivationRules}).
     */
    private List<ActivationRules.Notice> connected(StoreTransaction tx, Introduction intro, Instant now) {
        List<ActivationRules.Notice> notices = new ArrayList<>(rules.activity(tx, intro.requesterCompany(),
                intro.targetCompany(), ActivationTrigger.CONNECTED_INTRODUCTION, now));
        notices.addAll(rules.activity(tx, intro.targetCompany(), intro.requesterCompany(),
                ActivationTrigger.CONNECTED_INTRODUCTION, now));
        return notices;
    }

    private void appendTouchpoint(StoreTransaction tx, Introduction intro, Instant now) {
        if (intro.account() == null && intro.deal() == null) {
            LOG.debug("introduction {} connected without a CRM account or deal; no touchpoint", intro.id());
            return;
        }
        tx.touchpoints().append(Touchpoint.builder(TouchpointId.of(context.newId()), intro.requesterCompany(),
                intro.targetCompany(), TouchpointKind.INTRODUCTION, now)
                .account(intro.account()).deal(intro.deal()).origin(intro.id().value()).build());
    }

    /** See {@link dev.ecosystem.intro.Introductions#cancel}. */
    public Introduction cancel(CompanyId acting, IntroductionId id, String reason) {
        Checks.required(id, "introduction id");
        String why = Checks.text(reason, "reason", 2000);
        Instant now = context.clock().instant();
        Outcome outcome = transact(new Drafts(), tx -> {
            Introduction intro = visible(tx, acting, id);
            if (!intro.requesterCompany().equals(acting)) {
                throw new AccessDeniedException("company " + acting + " is the target of introduction " + id
                        + " and cannot cancel it; decline it instead");
            }
            if (!intro.status().canMoveTo(IntroductionStatus.CANCELLED)) {
                throw new Refused("introduction " + id + " has ended (" + intro.status() + ") and cannot be "
                        + "cancelled");
            }
            int from = intro.history().size();
            Introduction stored = tx.introductions().update(intro.moveTo(IntroductionStatus.CANCELLED,
                    acting.value(), now, why));
            return new Outcome(stored, transitionEvents(stored, from), null, 0);
        });
        return finish(outcome, acting);
    }

    /** The introduction as {@code acting} may see it. */
    public Introduction get(CompanyId acting, IntroductionId id) {
        Checks.required(id, "introduction id");
        return inTransaction(tx -> visible(tx, acting, id)).visibleTo(acting);
    }

    private static Introduction visible(StoreTransaction tx, CompanyId acting, IntroductionId id) {
        Introduction intro = tx.introductions().get(acting, id);
        if (intro == null) {
            throw new NotFoundException("company " + acting + " is party to no introduction " + id);
        }
        return intro;
    }

    // ---------------------------------------------------------------- scheduled work

    /** See {@link dev.ecosystem.intro.IntroOperations#runDue}. */
    public DueRun runDue(Instant now) {
        Checks.required(now, "now");
        int reminded = 0;
        int expired = 0;
        int cancelled = 0;
        Set<IntroductionId> seen = new HashSet<>();
        for (int round = 0; round < MAX_DUE_ROUNDS; round++) {
            List<Introduction> due = inTransaction(tx -> tx.introductions().due(now, settings.batchSize()));
            boolean progressed = false;
            for (Introduction candidate : due) {
                if (!seen.add(candidate.id())) {
                    continue;
                }
                progressed = true;
                try {
                    Drafts drafts = new Drafts();
                    Outcome outcome = transact(drafts, tx -> dueWork(tx, drafts, candidate, now));
                    publish(outcome.events());
                    reminded += outcome.reminders();
                    if (outcome.intro() != null && outcome.intro().status() == IntroductionStatus.EXPIRED) {
                        expired++;
                    } else if (outcome.intro() != null && outcome.intro().status() == IntroductionStatus.CANCELLED) {
                        cancelled++;
                    }
                } catch (RuntimeException e) {
                    LOG.warn("scheduled work on introduction {} failed; it is tried again on the next run",
                            candidate.id(), e);
                }
            }
            if (due.size() < settings.batchSize() || !progressed) {
                break;
            }
        }
        OutboxDispatcher.Counts counts = dispatcher.dispatch(now);
        return new DueRun(reminded, expired, cancelled, counts.sent(), counts.retrying(), counts.parked());
    }

    private Outcome dueWork(StoreTransaction tx, Drafts drafts, Introduction candidate, Instant now) {
        Introduction intro = tx.introductions().get(candidate.requesterCompany(), candidate.id());
        if (intro == null || intro.status().isTerminal() || intro.nextDueAt() == null
                || intro.nextDueAt().isAfter(now)) {
            return Outcome.none();
        }
        int from = intro.history().size();
        if (!now.isBefore(intro.expiresAt())) {
            Introduction stored = tx.introductions().update(expire(intro, now));
            return new Outcome(stored, transitionEvents(stored, from), null, 0);
        }
        Participants people = Participants.load(tx, intro);
        List<Event> events = new ArrayList<>();
        int reminders = 0;
        for (Consent consent : intro.consents()) {
            if (!reminderDue(consent, now)) {
                continue;
            }
            Contact person = people.person(consent.party());
            if (person.optedOutOfIntroductions()) {
                intro = intro.moveTo(IntroductionStatus.CANCELLED, IntroductionTransition.SYSTEM, now,
                        Participants.UNAVAILABLE);
                break;
            }
            mails.enqueueReminder(tx, drafts, intro, people, consent.party(), now);
            intro = intro.withConsent(consent.reminded(now), now);
            reminders++;
            events.add(event("intro.reminded", intro, Map.of("party", consent.party().name(),
                    "reminder", Integer.toString(consent.reminders() + 1))));
        }
        Introduction stored = tx.introductions().update(intro.withNextDueAt(nextDue(intro)));
        events.addAll(transitionEvents(stored, from));
        return new Outcome(stored, events, null, reminders);
    }

    private boolean reminderDue(Consent consent, Instant now) {
        return consent.isPending() && consent.askedAt() != null && consent.reminders() < settings.maxReminders()
                && !consent.askedAt().plus(settings.reminderAfter()).isAfter(now);
    }

    private static Introduction expire(Introduction intro, Instant now) {
        return intro.moveTo(IntroductionStatus.EXPIRED, IntroductionTransition.SYSTEM, now,
                "no answer before " + intro.expiresAt());
    }

    /** The expiry, or an earlier reminder still to send. */
    private Instant nextDue(Introduction intro) {
        Instant next = intro.expiresAt();
        for (Consent consent : intro.consents()) {
            if (consent.isPending() && consent.askedAt() != null && consent.reminders() < settings.maxReminders()) {
                Instant reminder = consent.askedAt().plus(settings.reminderAfter());
                if (reminder.isBefore(next)) {
                    next = reminder;
                }
            }
        }
        return next;
    }

    /** See {@link dev.ecosystem.intro.IntroOperations#retry}. */
    public OutboxEntry retryParked(OutboxEntryId id) {
        Checks.required(id, "outbox entry id");
        Instant now = context.clock().instant();
        return transact(new Drafts(), tx -> {
            OutboxEntry entry = tx.outbox().get(id);
            if (entry == null) {
                throw new NotFoundException("there is no outbox entry " + id);
            }
            if (entry.status() != OutboxStatus.PARKED) {
                throw new Refused("outbox entry " + id + " is " + entry.status() + "; only PARKED entries are retried");
            }
            OutboxEntry retried = entry.retried(now);
            tx.outbox().update(retried);
            return retried;
        });
    }

    // ---------------------------------------------------------------- plumbing

    /**
     * Runs {@code work} in a transaction, again when a concurrent transaction won (up to a few times), and again
     * after drafting, outside the transaction, the drafts an attempt lacked. A retry reuses {@code drafts}, so it
     * never drafts an email again unless the email's inputs changed.
     */
    <T> T transact(Drafts drafts, Function<StoreTransaction, T> work) {
        int conflicts = 0;
        int draftRounds = 0;
        while (true) {
            try {
                return inTransaction(tx -> {
                    drafts.beginAttempt();
                    T result = work.apply(tx);
                    drafts.requireAll();
                    return result;
                });
            } catch (Drafts.Needed needed) {
                if (++draftRounds > DRAFT_ROUNDS) {
                    throw new ConflictException("the emails of this operation were drafted " + DRAFT_ROUNDS
                            + " times and their contacts or companies changed each time before they could be "
                            + "stored; try again");
                }
                drafts.draftMissing(this::draft);
            } catch (Refused refused) {
                throw refused;
            } catch (ConflictException conflict) {
                if (++conflicts >= TRANSACTION_ATTEMPTS) {
                    throw conflict;
                }
                LOG.debug("transaction lost a race (attempt {}), retrying: {}", conflicts, conflict.getMessage());
            }
        }
    }

    /** Runs {@code work} in a store transaction, marking the thread so the drafter cannot run meanwhile. */
    private <T> T inTransaction(Function<StoreTransaction, T> work) {
        return context.store().inTransaction(tx -> {
            Boolean outer = transactionOpen.get();
            transactionOpen.set(Boolean.TRUE);
            try {
                return work.apply(tx);
            } finally {
                if (outer == null) {
                    transactionOpen.remove();
                }
            }
        });
    }

    /**
     * One call of the drafter, which may wait on the network.
     *
     * @throws IllegalStateException when a transaction of this engine is open on this thread: a bug of the SDK,
     *     caught here before it holds a pooled connection for the length of a network call
     */
    private Draft draft(DraftRequest request) {
        if (transactionOpen.get() != null) {
            throw new IllegalStateException("the drafter was called inside a store transaction; drafts are made "
                    + "before or between transactions");
        }
        return settings.drafter().draft(request);
    }

    private Introduction finish(Outcome outcome, CompanyId viewer) {
        publish(outcome.events());
        if (outcome.after() != null) {
            throw outcome.after();
        }
        return Checks.required(outcome.intro(), "introduction").visibleTo(viewer);
    }

    private void publish(List<Event> events) {
        for (Event event : events) {
            context.publish(event.type(), event.tenant(), event.subject(), event.attributes());
        }
    }

    private static List<Event> transitionEvents(Introduction intro, int from) {
        List<Event> events = new ArrayList<>();
        List<IntroductionTransition> history = intro.history();
        for (IntroductionTransition transition : history.subList(from, history.size())) {
            Map<String, String> attributes = new LinkedHashMap<>();
            attributes.put("from", transition.from() == null ? "" : transition.from().name());
            attributes.put("to", transition.to().name());
            attributes.put("actor", transition.actor());
            attributes.put("reason", transition.reason());
            events.add(event("intro." + transition.to().name().toLowerCase(Locale.ROOT).replace('_', '-'), intro,
                    attributes));
        }
        return events;
    }

    private static Event event(String type, Introduction intro, Map<String, String> attributes) {
        Map<String, String> all = new LinkedHashMap<>(attributes);
        all.put("requesterCompany", intro.requesterCompany().value());
        all.put("targetCompany", intro.targetCompany().value());
        return new Event(type, intro.requesterCompany(), intro.id().value(), all);
    }
}
