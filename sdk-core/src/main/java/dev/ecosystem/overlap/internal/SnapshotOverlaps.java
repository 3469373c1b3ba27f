package dev.ecosystem.overlap.internal;

import dev.ecosystem.error.AccessDeniedException;
import dev.ecosystem.error.NotFoundException;
import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.SdkContext;
import dev.ecosystem.internal.Timed;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Partnership;
import dev.ecosystem.model.PartnershipStatus;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import dev.ecosystem.overlap.CoSellEntry;
import dev.ecosystem.overlap.OverlapRecord;
import dev.ecosystem.overlap.Overlaps;
import dev.ecosystem.overlap.PopulationMatrix;
import dev.ecosystem.partnership.internal.ActivationRules;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.StoreTransaction;
import dev.ecosystem.spi.Telemetry;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** {@link Overlaps} for one company: its snapshot, its policies, and its partners' data as their policies allow. */
public final class SnapshotOverlaps implements Overlaps {
    private final SdkContext context;
    private final OverlapEngine engine;
    private final CompanyId company;
    private final SyncListener syncListener;

    /** Account mapping acting as {@code company}. */
    public SnapshotOverlaps(SdkContext context, OverlapEngine engine, CompanyId company) {
        this(context, engine, company, SyncListener.none());
    }

    /** Account mapping acting as {@code company}; its syncs tell {@code syncListener} of every batch of deals. */
    public SnapshotOverlaps(SdkContext context, OverlapEngine engine, CompanyId company,
            SyncListener syncListener) {
        this.context = context;
        this.engine = engine;
        this.company = company;
        this.syncListener = syncListener;
    }

    @Override
    public SyncResult syncCrm() {
        CrmConnector crm = context.crms().forTenant(company);
        return published(Timed.call(context.telemetry(), Telemetry.Operation.CRM_SYNC, crm.provider(),
                () -> sync(crm).full()), "full");
    }

    @Override
    public SyncResult syncChanges() {
        CrmConnector crm = context.crms().forTenant(company);
        return published(Timed.call(context.telemetry(), Telemetry.Operation.CRM_SYNC, crm.provider(),
                () -> sync(crm).incremental()), "incremental");
    }

    private CrmSync sync(CrmConnector crm) {
        return new CrmSync(context.store(), engine, company, crm,
                syncListener, new ActivationRules(context));
    }

    private SyncResult published(SyncResult result, String kind) {
        context.publish("crm.synced", company, company.value(), Map.of("kind", kind,
                "accounts", Long.toString(result.accounts()), "deals", Long.toString(result.deals()),
                "removedAccounts", Long.toString(result.removedAccounts()),
                "removedDeals", Long.toString(result.removedDeals()), "skipped", Long.toString(result.skipped())));
        return result;
    }

    @Override
    public Page<Account> accounts(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.crm().accounts(company, page));
    }

    @Override
    public Page<Deal> deals(PageRequest page) {
        Checks.required(page, "page");
        return context.store().inTransaction(tx -> tx.crm().deals(company, page));
    }

    @Override
    public List<Population> populations() {
        return engine.settings().populations();
    }

    @Override
    public SharingPolicy sharingWith(CompanyId partner) {
        Checks.required(partner, "partner");
        SharingPolicy policy = context.store().inTransaction(tx -> tx.sharing().get(company, partner));
        return policy == null ? SharingPolicy.NOTHING : policy;
    }

    @Override
    public SharingPolicy shareWith(CompanyId partner, SharingPolicy policy) {
        Checks.required(partner, "partner");
        Checks.required(policy, "policy");
        for (Population population : policy.rules().keySet()) {
            requireKnown(population, "policy");
        }
        context.store().useTransaction(tx -> {
            if (tx.partnerships().findByPartner(company, partner) == null) {
                throw new NotFoundException("company " + company + " has no partnership with " + partner
                        + "; create one before sharing with it");
            }
            tx.sharing().put(company, partner, policy);
        });
        context.publish("overlap.sharing-changed", company, partner.value(), Map.of("partner", partner.value()));
        return policy;
    }

    @Override
    public PopulationMatrix matrix(CompanyId partner) {
        Checks.required(partner, "partner");
        SharingPolicy policy = context.store().inTransaction(tx -> theirPolicy(tx, partner));
        OverlapEngine.Matches matches = engine.matches(context.store(), company, partner);
        SharedView view = new SharedView(partner, policy, engine.settings(), matches.matches());
        boolean noised = !policy.exactCounts() && policy.rules().values().stream()
                .anyMatch(rule -> rule.visibility() == SharingPolicy.Visibility.COUNTS);
        return view.matrix(noised ? CountNoise.release(context.store(), partner, company, matches,
                engine.settings(), context.clock().instant()) : null);
    }

    @Override
    public Page<OverlapRecord> records(CompanyId partner, @Nullable Population mine, @Nullable Population theirs,
            PageRequest page) {
        Checks.required(page, "page");
        if (mine != null) {
            requireKnown(mine, "mine");
        }
        if (theirs != null) {
            requireKnown(theirs, "theirs");
        }
        return Keyset.page(view(partner).records(mine, theirs), page, "overlap/records/" + partner,
                SharedView.RecordKey::of);
    }

    @Override
    public Page<CoSellEntry> askForIntro(CompanyId partner, PageRequest page) {
        Checks.required(page, "page");
        return Keyset.page(view(partner).askForIntro(), page, "overlap/ask-for-intro/" + partner,
                SharedView.CoSellKey::of);
    }

    @Override
    public Page<CoSellEntry> offerHelp(CompanyId partner, PageRequest page) {
        Checks.required(page, "page");
        return Keyset.page(view(partner).offerHelp(), page, "overlap/offer-help/" + partner,
                SharedView.CoSellKey::of);
    }

    @Override
    public Map<Population, Set<String>> domainKeys() {
        return engine.domainKeys(context.store(), company);
    }

    @Override
    public MatchExplanation explain(Account a, Account b) {
        Checks.required(a, "a");
        Checks.required(b, "b");
        return engine.explain(a, b);
    }

    /** The partner's data as its policy towards the acting company allows; fails without a two-sided partnership. */
    private SharedView view(CompanyId partner) {
        Checks.required(partner, "partner");
        SharingPolicy policy = context.store().inTransaction(tx -> theirPolicy(tx, partner));
        return new SharedView(partner, policy, engine.settings(),
                engine.matches(context.store(), company, partner).matches());
    }

    private SharingPolicy theirPolicy(StoreTransaction tx, CompanyId partner) {
        if (!partner.equals(company) && active(tx.partnerships().findByPartner(company, partner))
                && active(tx.partnerships().findByPartner(partner, company))) {
            SharingPolicy policy = tx.sharing().get(partner, company);
            return policy == null ? SharingPolicy.NOTHING : policy;
        }
        throw new AccessDeniedException("company " + company + " and " + partner
                + " do not both have a partnership with each other that has not ended; overlaps need one on each side");
    }

    private static boolean active(@Nullable Partnership partnership) {
        return partnership != null && partnership.status() != PartnershipStatus.ENDED;
    }

    private void requireKnown(Population population, String field) {
        List<Population> known = populations();
        if (!known.contains(population)) {
            throw new ValidationException(field + " population must be one of " + known + ", but was " + population);
        }
    }
}
