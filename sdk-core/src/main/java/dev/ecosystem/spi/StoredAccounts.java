package dev.ecosystem.spi;

import dev.ecosystem.model.Account;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's accounts in ascending id order, each beside the match keys stored with it ({@code null} when the
 * account was put without keys): what {@link CrmSnapshotRepository#allStoredAccounts} reads for account mapping. The
 * lists are taken as they are, not copied (a million accounts per tenant is a common size), and the key arrays are the
 * store's: readers must not change them.
 *
 * @param accounts the accounts, ascending id
 * @param matchKeys per account, at the same index, its stored match keys or {@code null}
 */
public record StoredAccounts(List<Account> accounts, List<byte @Nullable []> matchKeys) {
    /**
     * @throws IllegalArgumentException when the lists differ in size
     */
    public StoredAccounts {
        Objects.requireNonNull(accounts, "accounts");
        Objects.requireNonNull(matchKeys, "matchKeys");
        if (accounts.size() != matchKeys.size()) {
            throw new IllegalArgumentException("matchKeys must have one entry per account: " + accounts.size()
                    + " accounts but " + matchKeys.size() + " match keys");
        }
    }
}
