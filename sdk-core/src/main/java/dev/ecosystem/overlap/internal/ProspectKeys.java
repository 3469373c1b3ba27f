package dev.ecosystem.overlap.internal;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.Prospect;
import dev.ecosystem.overlap.OverlapSettings;
import org.jspecify.annotations.Nullable;

/**
 * The keys account mapping matches on, for a prospect or an account: the registrable domain, then the normalized
 * name. One instance per thread (the domain normalizer reuses its buffers).
 */
public final class ProspectKeys {
    private final DomainNormalizer normalizer;

    /** Keys under the account-mapping settings' domain rules. */
    public ProspectKeys(OverlapSettings settings) {
        this.normalizer = new DomainNormalizer(DomainRules.of(settings.privateSuffixes(),
                settings.genericDomains()));
    }

    /** The registrable domain of {@code raw}, or {@code null} when it has none (blank, malformed, free mail...). */
    public @Nullable String domainKey(@Nullable String raw) {
        return raw != null && normalizer.normalize(raw) == DomainNormalizer.Outcome.DOMAIN ? normalizer.key() : null;
    }

    /** The normalized name; empty when nothing comparable is left. */
    public static String nameKey(String name) {
        return NameNormalizer.normalize(name);
    }

    /**
     * Checks that a prospect can ever match an account: its domain, when given, is a company's registrable domain,
     * and its name has something left to compare once normalized.
     *
     * @throws ValidationException naming the field and the value otherwise
     */
    public void check(Prospect prospect) {
        if (prospect.domain() != null) {
            DomainNormalizer.Outcome outcome = normalizer.normalize(prospect.domain());
            if (outcome != DomainNormalizer.Outcome.DOMAIN) {
                throw new ValidationException("prospect domain must be a company's registrable domain, but "
                        + Checks.quote(prospect.domain()) + " is " + outcome.description());
            }
        }
        if (nameKey(prospect.name()).isEmpty()) {
            throw new ValidationException("prospect name must hold letters or digits besides a legal form, but was "
                    + Checks.quote(prospect.name()));
        }
    }
}
