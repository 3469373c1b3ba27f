package dev.ecosystem.spi;

import dev.ecosystem.error.EcosystemException;
import dev.ecosystem.model.Account;
import dev.ecosystem.model.AccountId;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.model.Deal;
import dev.ecosystem.model.DealId;
import dev.ecosystem.model.Page;
import dev.ecosystem.model.PageRequest;
import org.jspecify.annotations.Nullable;

/**
 * Reads one tenant's CRM (one connector instance per tenant, from {@link CrmConnections}).
 *
 * <p>Contract (checked by {@code CrmConnectorContract} in {@code sdk-testkit}):
 * <ul>
 *   <li>Thread-safe.</li>
 *   <li>Every account and deal returned has {@link #tenant()} as its owner.</li>
 *   <li>Paging with {@link #accounts} and {@link #deals} visits every record exactly once, in a stable order, when
 *       nothing changes meanwhile; page sizes above the provider's maximum are lowered, never refused.</li>
 *   <li>{@link #changesSince} with the checkpoint of a previous call returns at least every record changed since
 *       then (a record may come twice; callers upsert).</li>
 *   <li>Failures surface as {@link dev.ecosystem.spi.ProviderException} (with status and request id), quotas as
 *       {@link dev.ecosystem.spi.QuotaExhaustedException}; bad cursors and checkpoints as
 *       {@link dev.ecosystem.error.ValidationException}. Nothing from an HTTP or JSON library leaks.</li>
 *   <li>Write-back is optional: when {@link #supportsWriteBack()} is false, the write methods throw
 *       {@link EcosystemException} saying so.</li>
 * </ul>
 */
public interface CrmConnector {
    /** Short provider name for errors and logs, such as {@code "hubspot"}. */
    String provider();

    /** The tenant whose CRM this reads. */
    CompanyId tenant();

    /** One page of accounts (CRM companies). */
    Page<Account> accounts(PageRequest page);

    /** One page of deals, with their associated account ids. */
    Page<Deal> deals(PageRequest page);

    /**
     * Records changed since {@code checkpoint}: {@code null} means "from the beginning". Call again with
     * {@link CrmChanges#checkpoint()} while {@link CrmChanges#hasMore()}.
     *
     * @param checkpoint a checkpoint returned by an earlier call, or {@code null}
     * @param limit the most records to return in this call, 1 to 1000
     */
    CrmChanges changesSince(@Nullable String checkpoint, int limit);

    /**
     * A checkpoint from which {@link #changesSince} returns at least every record changed from this moment on,
     * without returning what exists now; {@code null} (the default) when the connector cannot give one. A full sync
     * takes it before it lists the CRM with {@link #accounts} and {@link #deals}, so the incremental syncs after it
     * start from there rather than reading the whole CRM through the change feed again.
     */
    default @Nullable String currentCheckpoint() {
        return null;
    }

    /** Whether {@link #recordPartnerSource} and {@link #logIntroduction} are available. */
    default boolean supportsWriteBack() {
        return false;
    }

    /** Records on a deal which partner sourced it (a host-chosen CRM property). */
    default void recordPartnerSource(DealId deal, CompanyId partner, String partnerName) {
        throw new EcosystemException(provider() + " CRM connector does not support write-back (recordPartnerSource)");
    }

    /** Logs a note about an introduction on an account's timeline. */
    default void logIntroduction(AccountId account, String note) {
        throw new EcosystemException(provider() + " CRM connector does not support write-back (logIntroduction)");
    }
}
