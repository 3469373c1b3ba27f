package dev.ecosystem.memory;

import dev.ecosystem.model.Account;
import org.jspecify.annotations.Nullable;

/**
 * An account row stored with the match keys derived from it (16 bytes beside the keys); an account stored without
 * keys is its own row.
 *
 * @param account the account
 * @param keys its match keys, the store's: never changed
 */
record KeyedAccount(Account account, byte[] keys) {
    /** The account of an account row. */
    static Account account(Object row) {
        return row instanceof KeyedAccount keyed ? keyed.account() : (Account) row;
    }

    /** The match keys of an account row, {@code null} for an account stored without. */
    static byte @Nullable [] keys(Object row) {
        return row instanceof KeyedAccount keyed ? keyed.keys() : null;
    }
}
