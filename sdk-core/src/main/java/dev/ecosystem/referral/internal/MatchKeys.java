package dev.ecosystem.referral.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.overlap.OverlapSettings;
import dev.ecosystem.overlap.internal.DomainNormalizer;
import dev.ecosystem.overlap.internal.DomainRules;
import dev.ecosystem.overlap.internal.NameNormalizer;
import org.jspecify.annotations.Nullable;

/**
 * The keys account mapping matches on, computed with its own normalizers and the client's overlap settings: the
 * registrable domain ({@link DomainNormalizer}) and the normalized name ({@link NameNormalizer}). Thread-safe: each
 * thread gets its own normalizer.
 */
final class MatchKeys {
    private final ThreadLocal<DomainNormalizer> normalizers;

    MatchKeys(OverlapSettings settings) {
        DomainRules rules = DomainRules.of(settings.privateSuffixes(), settings.genericDomains());
        this.normalizers = ThreadLocal.withInitial(() -> new DomainNormalizer(rules));
    }

    /** The registrable domain of a CRM account's domain, or {@code null} when it has none that counts. */
    @Nullable String domainKey(@Nullable String domain) {
        if (domain == null) {
            return null;
        }
        DomainNormalizer normalizer = normalizers.get();
        return normalizer.normalize(domain) == DomainNormalizer.Outcome.DOMAIN ? normalizer.key() : null;
    }

    /**
     * The registrable domain of a prospect's domain, or {@code null} when none was given.
     *
     * @throws ValidationException when it is given but is no company's domain (free mail, a public suffix, ...)
     */
    @Nullable String requiredDomainKey(@Nullable String domain) {
        if (domain == null) {
            return null;
        }
        DomainNormalizer normalizer = normalizers.get();
        DomainNormalizer.Outcome outcome = normalizer.normalize(domain);
        if (outcome != DomainNormalizer.Outcome.DOMAIN) {
            throw new ValidationException("prospect domain must be the company's own web domain, but "
                    + Checks.quote(domain) + " is " + outcome.description());
        }
        return normalizer.key();
    }

    /**
     * The normalized name.
     *
     * @throws ValidationException when nothing comparable is left of it (only punctuation or legal forms)
     */
    static String requiredNameKey(String name) {
        String key = NameNormalizer.normalize(name);
        if (key.isEmpty()) {
            throw new ValidationException("prospect accountName must contain letters or digits, but was "
                    + Checks.quote(name));
        }
        return key;
    }

    /** The normalized name, possibly empty. */
    static String nameKey(String name) {
        return NameNormalizer.normalize(name);
    }
}
