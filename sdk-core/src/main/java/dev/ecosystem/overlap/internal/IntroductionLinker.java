package dev.ecosystem.overlap.internal;

import dev.ecosystem.ledger.internal.ScopedLedger;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.Introduction;
import dev.ecosystem.model.IntroductionId;
import dev.ecosystem.model.IntroductionStatus;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Touchpoint;
import dev.ecosystem.model.TouchpointId;
import dev.ecosystem.model.TouchpointKind;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.partnership.internal.ActivationRules;
import dev.ecosystem.spi.StoreTransaction;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Credits connected introductions on the requester's CRM deals during a CRM sync. A new or changed deal whose
 * account is the account an introduction named, or matches the prospect it named (same registrable domain; without a
 * domain on both sides, the same normalized name), gets an {@link TouchpointKind#INTRODUCTION} entry: the partner is
 * the introduction's target company, it names the deal and the matched account, happened when the introduction
 * connected, and its origin is the introduction's id. A deal the introduction named itself already has its entry
 * from the workflow and is skipped.
 *
 * <p>Idempotent: a deal's credits have the ids {@code intro-link/<deal id>/0, /1, ...}, so a sync reads them back
 * (one lookup per deal when there are none) and adds only what is missing; a credit whose introduction no longer
 * matches the deal (it moved to another account) is reversed with the ledger's one reversal per entry. A deal that
 * moves back later gets a new credit under the next number.
 *
 * <p>The connected introductions are indexed once per sync (by account id, domain and name), so each deal costs a
 * few hash lookups whatever their number. Called inside the sync's store transaction for each batch, after its
 * writes: the credits are stored with the deals or not at all. One instance per sync; not thread-safe.
 */
public final class IntroductionLinker implements SyncListener {
    private static final String PREFIX = "intro-link/";

    private final CompanyId tenant;
    private final OverlapSettings settings;
    private final @Nullable ActivationRules rules;
    private final Set<CompanyId> credited = new LinkedHashSet<>();
    private @Nullable Index index;
    private @Nullable ProspectKeys keys;
    private final Map<AccountId, AccountKeys> accountKeys = new HashMap<>();

    /** What an introduction matches on, and the time its credits carry. */
    private record Candidate(Introduction intro, @Nullable String domainKey, Instant connectedAt) {
    }

    /** An account's registrable domain, and its normalized name ({@code null} when not needed, see below). */
    private record AccountKeys(@Nullable String domain, @Nullable String name) {
    }

    /**
     * The candidates by account id, by domain, and by name: {@code byName} holds those whose prospect has no
     * domain, {@code byNameWithDomain} the others, which match by name only an account without a domain (a domain
     * on both sides that differs means two companies of the same name). So an account with a domain needs its name
     * normalized only when some prospect has none.
     */
    private record Index(Map<AccountId, List<Candidate>> byAccount, Map<String, List<Candidate>> byDomain,
            Map<String, List<Candidate>> byName, Map<String, List<Candidate>> byNameWithDomain) {
        boolean isEmpty() {
            return byAccount.isEmpty() && byDomain.isEmpty() && byName.isEmpty() && byNameWithDomain.isEmpty();
        }
    }

    /** A linker for one sync of {@code tenant}'s CRM. */
    public IntroductionLinker(CompanyId tenant, OverlapSettings settings) {
        this(tenant, settings, null);
    }

    /**
     * A linker that also records each new credit as the partner's {@code ATTRIBUTED_DEAL} activity (which may
     * activate it), in the batch's transaction; the events go out once the batch committed.
     */
    public IntroductionLinker(CompanyId tenant, OverlapSettings settings, @Nullable ActivationRules rules) {
        this.tenant = tenant;
        this.settings = settings;
        this.rules = rules;
    }

    /**
     * Links the batch's deals, in the transaction that just stored the batch.
     *
     * @param accounts the accounts the batch stored (their keys replace any this sync read before)
     * @param deals the deals the batch stored
     */
    @Override
    public Runnable stored(StoreTransaction tx, CompanyId tenant, Collection<Account> accounts,
            Collection<Deal> deals) {
        credited.clear();
        link(tx, accounts, deals);
        if (rules == null || credited.isEmpty()) {
            return () -> { };
        }
        ActivationRules publisher = rules;
        List<ActivationRules.Notice> batch = publisher.attributedDeals(tx, tenant, credited, publisher.now());
        return () -> publisher.publish(batch);
    }

    /** Credits the connected introductions the batch's new or changed deals match (see the class comment). */
    private void link(StoreTransaction tx, Collection<Account> accounts, Collection<Deal> deals) {
        for (Account account : accounts) {
            accountKeys.remove(account.id());
        }
        if (deals.isEmpty()) {
            return;
        }
        Index connected = index(tx);
        if (connected.isEmpty()) {
            return; // no connected introduction, so no credit to add or reverse either: CONNECTED is final
        }
        for (Deal deal : deals) {
            reconcile(tx, deal, matches(tx, connected, deal));
        }
    }

    /** The introductions that match the deal now, each with the account it matched on. */
    private Map<IntroductionId, Match> matches(StoreTransaction tx, Index connected, Deal deal) {
        Map<IntroductionId, Match> found = new LinkedHashMap<>();
        for (AccountId accountId : deal.accountIds()) {
            add(found, connected.byAccount().get(accountId), accountId, deal);
            if (connected.byDomain().isEmpty() && connected.byName().isEmpty()
                    && connected.byNameWithDomain().isEmpty()) {
                continue;
            }
            AccountKeys account = keysOf(tx, connected, accountId);
            if (account == null) {
                continue;
            }
            if (account.domain() != null) {
                add(found, connected.byDomain().get(account.domain()), accountId, deal);
            }
            if (account.name() != null && !account.name().isEmpty()) {
                add(found, connected.byName().get(account.name()), accountId, deal);
                if (account.domain() == null) {
                    add(found, connected.byNameWithDomain().get(account.name()), accountId, deal);
                }
            }
        }
        return found;
    }

    private record Match(Candidate candidate, AccountId account) {
    }

    /** Adds candidates not matched yet, except on the deal an introduction named itself (credited already). */
    private static void add(Map<IntroductionId, Match> found, @Nullable List<Candidate> candidates,
            AccountId account, Deal deal) {
        if (candidates == null) {
            return;
        }
        for (Candidate c : candidates) {
            if (!deal.id().equals(c.intro().deal())) {
                found.putIfAbsent(c.intro().id(), new Match(c, account));
            }
        }
    }

    /** Adds the missing credits and reverses those that no longer match. */
    private void reconcile(StoreTransaction tx, Deal deal, Map<IntroductionId, Match> wanted) {
        Map<String, Touchpoint> active = new HashMap<>();
        int next = 0;
        for (Touchpoint credit = tx.touchpoints().get(tenant, creditId(deal, next)); credit != null;
                credit = tx.touchpoints().get(tenant, creditId(deal, ++next))) {
            if (tx.touchpoints().get(tenant, ScopedLedger.reversalId(credit.id())) == null) {
                active.put(credit.origin(), credit);
            }
        }
        for (Touchpoint credit : active.values()) {
            if (!wanted.containsKey(IntroductionId.of(Objects.requireNonNull(credit.origin())))) { // set by this linker
                tx.touchpoints().append(ScopedLedger.reversalOf(credit, credit.occurredAt(),
                        "deal " + deal.id() + " no longer matches the introduction"));
            }
        }
        for (Match match : wanted.values()) {
            Introduction intro = match.candidate().intro();
            if (!active.containsKey(intro.id().value())) {
                Touchpoint credit = Touchpoint.builder(creditId(deal, next++), tenant, intro.targetCompany(),
                                TouchpointKind.INTRODUCTION, match.candidate().connectedAt())
                        .account(match.account()).deal(deal.id()).origin(intro.id().value()).build();
                tx.touchpoints().append(credit);
                credited.add(credit.partner());
                if (!credit.occurredAt().isAfter(deal.createdAt())) {
                    // Connected no later than the deal was created: the partner sourced it (see AttributionData).
                    CrmWriteBackDispatcher.queue(tx, settings, credit, credit.occurredAt());
                }
            }
        }
    }

    private static TouchpointId creditId(Deal deal, int n) {
        String id = PREFIX + deal.id().value() + "/" + n;
        return TouchpointId.of(id.length() <= 128 ? id : PREFIX + "h/" + ScopedLedger.digest(deal.id().value())
                + "/" + n);
    }

    private @Nullable AccountKeys keysOf(StoreTransaction tx, Index connected, AccountId id) {
        AccountKeys known = accountKeys.get(id);
        if (known == null) {
            Account account = tx.crm().account(tenant, id);
            if (account == null) {
                return null;
            }
            String domain = keys().domainKey(account.domain());
            boolean nameMatters = !connected.byName().isEmpty() || domain == null
                    && !connected.byNameWithDomain().isEmpty();
            known = new AccountKeys(domain, nameMatters ? ProspectKeys.nameKey(account.name()) : null);
            accountKeys.put(id, known);
        }
        return known;
    }

    private ProspectKeys keys() {
        if (keys == null) {
            keys = new ProspectKeys(settings);
        }
        return keys;
    }

    /** The tenant's connected introductions that name an account or a prospect, indexed; read once per sync. */
    private Index index(StoreTransaction tx) {
        if (index != null) {
            return index;
        }
        Map<AccountId, List<Candidate>> byAccount = new HashMap<>();
        Map<String, List<Candidate>> byDomain = new HashMap<>();
        Map<String, List<Candidate>> byName = new HashMap<>();
        Map<String, List<Candidate>> byNameWithDomain = new HashMap<>();
        String cursor = null;
        do {
            Page<Introduction> page = tx.introductions().list(tenant, PageRequest.after(cursor,
                    PageRequest.MAX_SIZE));
            for (Introduction intro : page.items()) {
                Instant connectedAt = intro.connectedAt();
                if (!intro.requesterCompany().equals(tenant) || intro.status() != IntroductionStatus.CONNECTED
                        || connectedAt == null) {
                    continue;
                }
                if (intro.account() != null) {
                    byAccount.computeIfAbsent(intro.account(), k -> new ArrayList<>(1))
                            .add(new Candidate(intro, null, connectedAt));
                }
                if (intro.prospect() != null) {
                    String domain = keys().domainKey(intro.prospect().domain());
                    Candidate candidate = new Candidate(intro, domain, connectedAt);
                    if (domain != null) {
                        byDomain.computeIfAbsent(domain, k -> new ArrayList<>(1)).add(candidate);
                    }
                    String name = ProspectKeys.nameKey(intro.prospect().name());
                    if (!name.isEmpty()) {
                        (domain == null ? byName : byNameWithDomain).computeIfAbsent(name, k -> new ArrayList<>(1))
                                .add(candidate);
                    }
                }
            }
            cursor = page.nextCursor();
        } while (cursor != null);
        index = new Index(byAccount, byDomain, byName, byNameWithDomain);
        return index;
    }
}
