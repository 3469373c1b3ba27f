package dev.ecosystem.overlap.internal;

import dev.ecosystem.model.Account;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * The match keys of an account as the store keeps them beside it ({@code CrmSnapshotRepository.putAccounts} with
 * keys): what an index build would otherwise derive from the raw domain and name of every account, computed once at
 * sync time outside the store transaction, so that a client that did not sync (another app node, or this one after a
 * restart) builds its first index without normalizing a million domains and names again.
 *
 * <p>Layout, little-endian: the version (4 bytes: {@link #RULES} mixed with {@link DomainRules#fingerprint}, so keys
 * made under other normalizing code, another public suffix list, private-suffix setting, other generic domains or
 * other name rules ({@link NameRules#fingerprint}) are
 * not current and are recomputed), the account id's {@link String#hashCode} (4 bytes: deals are linked to accounts by
 * it without reading a million id strings), the normalized name's {@link AccountColumns#charMask} (4 bytes), the
 * registrable domain's hash as {@link AccountColumns#hashOf} gives it (8 bytes,
 * 0 for none), the registrable domain's length (1 byte, at most 253) and its ASCII bytes, then the normalized name
 * ({@link NameNormalizer}, UTF-8) to the end. About 50 bytes for a typical account.
 */
final class MatchKeys {
    /** Raise whenever {@link DomainNormalizer} or {@link NameNormalizer} change what they give for some input. */
    static final int RULES = 3;
    private static final VarHandle INT = MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final int ID_HASH = 4;
    private static final int NAME_MASK = 8;
    private static final int HASH = 12;
    private static final int DOMAIN_LENGTH = 20;
    /** Where the domain's bytes start. */
    static final int DOMAIN = 21;

    private final int version;
    private final NameRules nameRules;

    /** Keys of accounts under these rules. */
    MatchKeys(DomainRules rules, NameRules nameRules) {
        this.version = 31 * (31 * RULES + rules.fingerprint()) + nameRules.fingerprint();
        this.nameRules = nameRules;
    }

    /** The version keys made under these rules carry. */
    int version() {
        return version;
    }

    /** The keys of these accounts, at the same indexes (normalizing with a normalizer of this thread). */
    List<byte[]> of(List<Account> accounts, DomainNormalizer normalizer) {
        List<byte[]> keys = new ArrayList<>(accounts.size());
        NameNormalizer.Writer writer = new NameNormalizer.Writer(nameRules);
        byte[] name = new byte[64];
        for (Account account : accounts) {
            String raw = account.name();
            if (name.length < raw.length()) {
                name = new byte[raw.length()];
            }
            int nameLength = writer.write(raw, name, 0);
            if (nameLength < 0) {
                name = new byte[-1 - nameLength];
                nameLength = writer.write(raw, name, 0);
            }
            boolean domain = account.domain() != null
                    && normalizer.normalize(account.domain()) == DomainNormalizer.Outcome.DOMAIN;
            int domainLength = domain ? normalizer.keyEnd() - normalizer.keyStart() : 0;
            byte[] key = new byte[DOMAIN + domainLength + nameLength];
            INT.set(key, 0, version);
            INT.set(key, ID_HASH, account.id().value().hashCode());
            INT.set(key, NAME_MASK, AccountColumns.charMask(name, 0, nameLength));
            if (domain) {
                LONG.set(key, HASH, AccountColumns.hashOf(normalizer.keyHash()));
                key[DOMAIN_LENGTH] = (byte) domainLength;
                System.arraycopy(normalizer.buffer(), normalizer.keyStart(), key, DOMAIN, domainLength);
            }
            System.arraycopy(name, 0, key, DOMAIN + domainLength, nameLength);
            keys.add(key);
        }
        return keys;
    }

    /** Whether {@code keys} were made under these rules (and are well formed), so that they can be used. */
    boolean current(byte @Nullable [] keys) {
        return keys != null && keys.length >= DOMAIN && (int) INT.get(keys, 0) == version
                && keys.length >= domainTo(keys);
    }

    /** The {@link String#hashCode} of the account's id. */
    static int idHash(byte[] keys) {
        return (int) INT.get(keys, ID_HASH);
    }

    /** The {@link AccountColumns#charMask} of the normalized name. */
    static int nameMask(byte[] keys) {
        return (int) INT.get(keys, NAME_MASK);
    }

    /** The registrable domain's hash ({@link AccountColumns#hashOf}), 0 for none. */
    static long domainHash(byte[] keys) {
        return (long) LONG.get(keys, HASH);
    }

    /** Where the registrable domain's bytes end (exclusive); they start at {@link #DOMAIN}. */
    static int domainTo(byte[] keys) {
        return DOMAIN + (keys[DOMAIN_LENGTH] & 0xff);
    }

    /** Whether the registrable domains in two keys are the same. */
    static boolean sameDomain(byte[] a, byte[] b) {
        return Arrays.equals(a, DOMAIN, domainTo(a), b, DOMAIN, domainTo(b));
    }
}
