package dev.ecosystem.overlap;

import dev.ecosystem.model.Account;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.model.Population;
import dev.ecosystem.model.SharingPolicy;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Account mapping for the acting company: its CRM snapshot, its sharing policies, and what it has in common with
 * each partner as far as the partner's sharing policy allows.
 *
 * <pre>{@code
 * TenantScope acme = client.as(acmeId);
 * acme.overlaps().syncCrm();
 * acme.overlaps().shareWith(globexId, SharingPolicy.builder().records(Population.CUSTOMERS, "name").build());
 * PopulationMatrix matrix = acme.overlaps().matrix(globexId);
 * Page<CoSellEntry> asks = acme.overlaps().askForIntro(globexId, PageRequest.first(20));
 * }</pre>
 *
 * <p>Results about a partner need an active partnership on both sides: each company has a partnership record with
 * the other that has not ended; otherwise they throw {@link dev.ecosystem.error.AccessDeniedException}. Nothing a partner
 * did not share can be read through any method: hidden populations do not appear, counts-only populations give
 * counts and never records, and records carry only the allow-listed fields.
 *
 * <p>Lists page by keyset: a page's {@code nextCursor} names the sort key of its last item, so the next page starts
 * right after it even when records were added or removed in between (nothing repeats, nothing before the cursor
 * pushes an item past it). Co-sell lists rank by deal amount as {@link OverlapSettings} describes: converted through
 * the host's {@link CurrencyRates} when set, otherwise grouped by currency.
 */
public interface Overlaps {
    /**
     * Reads the whole CRM into the snapshot: every record the connector's change feed has ever reported, then removes
     * snapshot records the CRM no longer has. Resumable: each batch is stored with its checkpoint, so after a failure
     * the next call carries on where the last stored batch ended, never losing or duplicating a record.
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has connected no CRM
     */
    SyncResult syncCrm();

    /**
     * Reads the changes since the last sync into the snapshot (a full sync if there was none, or one is unfinished).
     *
     * @throws dev.ecosystem.error.NotFoundException when the company has connected no CRM
     */
    SyncResult syncChanges();

    /** The acting company's snapshot accounts, in ascending id order. */
    Page<Account> accounts(PageRequest page);

    /** The acting company's snapshot deals, in ascending id order. */
    Page<Deal> deals(PageRequest page);

    /** The populations every company has: standard ones first, then the host's custom ones. */
    List<Population> populations();

    /** What the acting company shows {@code partner}: {@link SharingPolicy#NOTHING} until set. */
    SharingPolicy sharingWith(CompanyId partner);

    /**
     * Sets what the acting company shows {@code partner}, replacing the previous policy.
     *
     * @throws dev.ecosystem.error.NotFoundException when the acting company has no partnership with {@code partner}
     * @throws dev.ecosystem.error.ValidationException when the policy names a population that does not exist
     */
    SharingPolicy shareWith(CompanyId partner, SharingPolicy policy);

    /**
     * The population by population overlap counts with {@code partner}. Counts-only columns are noised and released
     * at most {@link OverlapSettings#countReleases()} times per period for distinct snapshot revisions (asking again
     * for the same revisions is free and gives the same matrix); beyond that they come back suppressed until the next
     * period. {@link SharingPolicy} states what this guarantees.
     */
    PopulationMatrix matrix(CompanyId partner);

    /**
     * Overlapping records with {@code partner}, ordered by my account id then theirs: only partner accounts in a
     * population the partner shares as records.
     *
     * @param mine only my accounts in this population, or {@code null} for all
     * @param theirs only partner accounts in this population, or {@code null} for all shared ones
     * @throws dev.ecosystem.error.AccessDeniedException when {@code theirs} is not shared as records
     */
    Page<OverlapRecord> records(CompanyId partner, @Nullable Population mine, @Nullable Population theirs,
            PageRequest page);

    /**
     * My open opportunities that are the partner's (shared) customers, best first (see {@link OverlapSettings} for
     * the ranking across currencies), ties by my account id then theirs.
     */
    Page<CoSellEntry> askForIntro(CompanyId partner, PageRequest page);

    /**
     * The partner's (shared) open opportunities that are my customers, best first by the partner's shared open deal
     * (entries without one last), ties by my account id then theirs.
     */
    Page<CoSellEntry> offerHelp(CompanyId partner, PageRequest page);

    /** Why two accounts match or not, by the same rules the matrix uses. Reads nothing from the store. */
    MatchExplanation explain(Account a, Account b);

    /**
     * The acting company's registrable-domain keys per population, from its snapshot, normalized and classified by
     * the same rules as {@link #matrix}: the elements private set intersection ({@code sdk-psi}) compares. Accounts
     * without a usable domain are left out; every population appears, possibly empty.
     */
    Map<Population, Set<String>> domainKeys();

    /**
     * What a sync did.
     *
     * @param accounts accounts stored (created or updated)
     * @param deals deals stored (created or updated)
     * @param removedAccounts accounts removed because the CRM deleted them
     * @param removedDeals deals removed because the CRM deleted them
     * @param skipped records left out, each logged with the reason (such as another tenant's record)
     */
    record SyncResult(long accounts, long deals, long removedAccounts, long removedDeals, long skipped) {
    }
}
