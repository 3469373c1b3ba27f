package dev.ecosystem.overlap;

import static dev.ecosystem.overlap.OverlapFixture.ACME;
import static dev.ecosystem.overlap.OverlapFixture.GLOBEX;
import static dev.ecosystem.overlap.OverlapFixture.account;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.EcosystemClient;
import dev.ecosystem.memory.InMemoryCrm;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.Company;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.MatchExplanation;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import dev.ecosystem.spi.CrmChanges;
import dev.ecosystem.spi.CrmConnections;
import dev.ecosystem.spi.CrmConnector;
import dev.ecosystem.spi.ProviderException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Syncing a CRM into the snapshot: full, incremental, interrupted and resumed, and with bad records. */
class CrmSyncTest {
    private static final int ACCOUNTS = 1_200;

    /** Delegates to an {@link InMemoryCrm}, failing the chosen calls like a provider outage. */
    private static final class FlakyCrm implements CrmConnector {
        final InMemoryCrm crm;
        final List<@Nullable String> checkpoints = new ArrayList<>();
        int failChangesCall = -1;
        boolean failListing;
        boolean hideDeletions;
        boolean offersCheckpoint;
        int accountPagesRead;
        int failAccountPage = -1;

        FlakyCrm(InMemoryCrm crm) {
            this.crm = crm;
        }

        @Override
        public String provider() {
            return "flaky";
        }

        @Override
        public CompanyId tenant() {
            return crm.tenant();
        }

        @Override
        public Page<Account> accounts(PageRequest page) {
            if (failListing || ++accountPagesRead == failAccountPage) {
                throw ProviderException.retryable("flaky", 503, "req-1", "listing failed");
            }
            return crm.accounts(page);
        }

        @Override
        public @Nullable String currentCheckpoint() {
            return offersCheckpoint ? crm.currentCheckpoint() : null;
        }

        @Override
        public Page<Deal> deals(PageRequest page) {
            return crm.deals(page);
        }

        @Override
        public CrmChanges changesSince(@Nullable String checkpoint, int limit) {
            checkpoints.add(checkpoint);
            if (checkpoints.size() == failChangesCall) {
                throw ProviderException.retryable("flaky", 503, "req-2", "changes failed");
            }
            CrmChanges changes = crm.changesSince(checkpoint, limit);
            return hideDeletions ? new CrmChanges(changes.accounts(), changes.deals(), List.of(), List.of(),
                    changes.checkpoint(), changes.hasMore()) : changes;
        }
    }

    private static InMemoryCrm bigCrm() {
        List<Account> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(account(ACME, String.format("a%05d", i), "Company " + i, "c" + i + ".com", "lead"));
        }
        return InMemoryCrm.of(ACME, accounts, List.of());
    }

    private static EcosystemClient client(CrmConnector... crms) {
        EcosystemClient client = EcosystemClient.builder().crm(CrmConnections.of(crms)).build();
        client.register(Company.builder(ACME, "Acme").businessTags("saas").listed(true).build());
        return client;
    }

    @Test
    void syncInterruptedMidway_resumesFromTheLastStoredBatch_withoutLossOrDuplicates() {
        FlakyCrm crm = new FlakyCrm(bigCrm());
        crm.failChangesCall = 2;
        EcosystemClient client = client(crm);

        assertThatThrownBy(() -> client.as(ACME).overlaps().syncCrm()).isInstanceOf(ProviderException.class);
        assertThat(client.as(ACME).overlaps().accounts(PageRequest.first(1000)).items()).hasSize(500);

        Overlaps.SyncResult resumed = client.as(ACME).overlaps().syncCrm();

        assertThat(crm.checkpoints.get(2)).isNotNull().isEqualTo(crm.checkpoints.get(1));
        assertThat(resumed.accounts()).isEqualTo(ACCOUNTS - 500);
        assertThat(allAccountIds(client)).hasSize(ACCOUNTS);
        long stored = client.store().inTransaction(tx -> tx.crm().accountCount(ACME));
        assertThat(stored).isEqualTo(ACCOUNTS);
    }

    @Test
    void syncInterruptedInTheSweep_removesDeletedRecordsWhenResumed() {
        FlakyCrm crm = new FlakyCrm(bigCrm());
        EcosystemClient client = client(crm);
        client.as(ACME).overlaps().syncCrm();
        crm.crm.removeAccount(AccountId.of("a00007"));
        crm.hideDeletions = true; // like a search-based feed: deletions show only in a full sync's sweep
        crm.failListing = true;

        assertThatThrownBy(() -> client.as(ACME).overlaps().syncCrm()).isInstanceOf(ProviderException.class);
        crm.failListing = false;
        Overlaps.SyncResult resumed = client.as(ACME).overlaps().syncChanges();

        assertThat(resumed.removedAccounts()).isEqualTo(1);
        assertThat(allAccountIds(client)).hasSize(ACCOUNTS - 1).doesNotContain(AccountId.of("a00007"));
    }

    @Test
    @DisplayName("A full sync of a connector offering a current checkpoint lists each page once, reads no change "
            + "feed, and the next incremental sync starts from that checkpoint")
    void listBasedFullSync_listsOnce_andIncrementalStartsFromItsCheckpoint() {
        FlakyCrm crm = new FlakyCrm(bigCrm());
        crm.offersCheckpoint = true;
        String before = crm.crm.currentCheckpoint();
        EcosystemClient client = client(crm);

        Overlaps.SyncResult full = client.as(ACME).overlaps().syncCrm();

        assertThat(full.accounts()).isEqualTo(ACCOUNTS);
        assertThat(crm.accountPagesRead).isEqualTo((ACCOUNTS + PageRequest.MAX_SIZE - 1) / PageRequest.MAX_SIZE);
        assertThat(crm.checkpoints).isEmpty();
        crm.crm.put(account(ACME, "a00001", "Renamed", "c1.com", "customer"));
        Overlaps.SyncResult next = client.as(ACME).overlaps().syncChanges();
        assertThat(crm.checkpoints.get(0)).isEqualTo(before);
        assertThat(next.accounts()).isEqualTo(1);
    }

    @Test
    @DisplayName("A list-based full sync that fails midway resumes from the last stored page and still removes what "
            + "the CRM deleted")
    void listBasedFullSync_interrupted_resumesAndSweeps() {
        FlakyCrm crm = new FlakyCrm(bigCrm());
        crm.offersCheckpoint = true;
        EcosystemClient client = client(crm);
        client.as(ACME).overlaps().syncCrm();
        crm.crm.removeAccount(AccountId.of("a00007"));
        crm.hideDeletions = true;
        crm.failAccountPage = crm.accountPagesRead + 2;

        assertThatThrownBy(() -> client.as(ACME).overlaps().syncCrm()).isInstanceOf(ProviderException.class);
        Overlaps.SyncResult resumed = client.as(ACME).overlaps().syncCrm();

        assertThat(resumed.removedAccounts()).isEqualTo(1);
        assertThat(allAccountIds(client)).hasSize(ACCOUNTS - 1).doesNotContain(AccountId.of("a00007"));
    }

    @Test
    void incrementalSync_readsOnlyWhatChanged() {
        FlakyCrm crm = new FlakyCrm(bigCrm());
        EcosystemClient client = client(crm);
        client.as(ACME).overlaps().syncCrm();
        crm.crm.put(account(ACME, "a00001", "Renamed", "c1.com", "customer"));
        crm.crm.put(account(ACME, "new", "New", "new.com", null));
        crm.crm.removeAccount(AccountId.of("a00002"));

        Overlaps.SyncResult result = client.as(ACME).overlaps().syncChanges();

        assertThat(result).isEqualTo(new Overlaps.SyncResult(2, 0, 1, 0, 0));
        assertThat(client.as(ACME).overlaps().syncChanges()).isEqualTo(new Overlaps.SyncResult(0, 0, 0, 0, 0));
        assertThat(client.store().inTransaction(tx -> tx.crm().account(ACME, AccountId.of("a00001"))).name())
                .isEqualTo("Renamed");
    }

    @Test
    void badRecords_areSkippedOrStoredOnce_andTheSyncCompletes() {
        Account first = account(ACME, "dup", "First", "dup.com", null);
        Account second = account(ACME, "dup", "Second", "dup.com", null);
        Account foreign = account(GLOBEX, "x", "Not ours", "x.com", null);
        Account noDomain = account(ACME, "nodomain", "No Domain", null, null);
        Account malformed = account(ACME, "bad", "Bad", "http://exa!mple..com:99999", null);
        CrmConnector scripted = new ScriptedCrm(List.of(first, second, foreign, noDomain, malformed));
        EcosystemClient client = client(scripted);

        Overlaps.SyncResult result = client.as(ACME).overlaps().syncCrm();

        assertThat(result.accounts()).isEqualTo(3);
        assertThat(result.skipped()).isEqualTo(1);
        assertThat(allAccountIds(client)).containsExactlyInAnyOrder(AccountId.of("dup"), AccountId.of("nodomain"),
                AccountId.of("bad"));
        assertThat(client.store().inTransaction(tx -> tx.crm().account(ACME, AccountId.of("dup"))).name())
                .isEqualTo("Second");
        MatchExplanation explained = client.as(ACME).overlaps().explain(malformed, noDomain);
        assertThat(explained.domainA()).isEqualTo("not a valid host name");
        assertThat(explained.domainB()).isEqualTo("no domain given");
    }

    @Test
    void snapshotRevision_movesWithEveryStoredChange() {
        EcosystemClient client = client(new FlakyCrm(bigCrm()));
        long before = client.store().inTransaction(tx -> tx.crm().revision(ACME));
        client.as(ACME).overlaps().syncCrm();
        long after = client.store().inTransaction(tx -> tx.crm().revision(ACME));

        assertThat(before).isZero();
        assertThat(after).isGreaterThan(before);
        long other = client.store().inTransaction(tx -> tx.crm().revision(GLOBEX));
        assertThat(other).isZero();
        assertThatThrownBy(() -> client.store().useTransaction(tx -> {
            tx.crm().putAccounts(ACME, List.of(account(ACME, "z", "Z", null, null)));
            throw new IllegalStateException("rolled back");
        })).isInstanceOf(IllegalStateException.class);
        long afterRollback = client.store().inTransaction(tx -> tx.crm().revision(ACME));
        assertThat(afterRollback).isEqualTo(after);
    }

    private static Set<AccountId> allAccountIds(EcosystemClient client) {
        Set<AccountId> ids = new HashSet<>();
        String cursor = null;
        do {
            Page<Account> page = client.as(ACME).overlaps().accounts(PageRequest.after(cursor, 1000));
            page.items().forEach(a -> ids.add(a.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        return ids;
    }

    /** Returns fixed records in one change batch, as a misbehaving connector might. */
    private static final class ScriptedCrm implements CrmConnector {
        private final List<Account> accounts;

        ScriptedCrm(List<Account> accounts) {
            this.accounts = accounts;
        }

        @Override
        public String provider() {
            return "scripted";
        }

        @Override
        public CompanyId tenant() {
            return ACME;
        }

        @Override
        public Page<Account> accounts(PageRequest page) {
            return new Page<>(accounts, null);
        }

        @Override
        public Page<Deal> deals(PageRequest page) {
            return new Page<>(List.of(), null);
        }

        @Override
        public CrmChanges changesSince(@Nullable String checkpoint, int limit) {
            return new CrmChanges(accounts, List.of(), List.of(), List.of(), "done", false);
        }
    }
}
