package dev.ecosystem.memory;

import dev.ecosystem.model.Account;
import dev.ecosystem.spi.StoredAccounts;
import java.util.AbstractList;
import java.util.RandomAccess;
import org.jspecify.annotations.Nullable;

/**
 * A tenant's account rows as {@link StoredAccounts}: the array of rows is copied while the store is locked
 * (references only, no row read), and a row is taken apart into its account and match keys only when the lists are
 * read, after the transaction, by the thread that reads them. A million accounts are then copied under the lock at
 * the speed of memory, and an index build reads each row in the same pass as the keys and the account it holds,
 * which lie near it in memory. Immutable, as the rows are.
 */
final class AccountRows {
    private final Object[] rows;

    /** Rows of the accounts table ({@link Account} or {@link KeyedAccount}), ascending id; taken, not copied. */
    AccountRows(Object[] rows) {
        this.rows = rows;
    }

    /** The rows as stored accounts: views of the rows. */
    StoredAccounts stored() {
        return new StoredAccounts(new Accounts(), new Keys());
    }

    /** The accounts, a view of the rows. */
    private final class Accounts extends AbstractList<Account> implements RandomAccess {
        @Override
        public Account get(int index) {
            return KeyedAccount.account(rows[index]);
        }

        @Override
        public int size() {
            return rows.length;
        }
    }

    /** The match keys ({@code null} for a row without), a view of the rows. */
    private final class Keys extends AbstractList<byte @Nullable []> implements RandomAccess {
        @Override
        public byte @Nullable [] get(int index) {
            return KeyedAccount.keys(rows[index]);
        }

        @Override
        public int size() {
            return rows.length;
        }
    }
}
