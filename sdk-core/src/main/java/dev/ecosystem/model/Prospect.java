package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import org.jspecify.annotations.Nullable;

/**
 * The company an introduction is about when the requester has no CRM record of it yet: its name and, when known,
 * its web domain. When the requester's CRM later holds a deal of an account with the same registrable domain (or,
 * without domains on both sides, the same normalized name), the CRM sync credits the introduction on that deal.
 *
 * <pre>{@code
 * Prospect prospect = Prospect.of("Initech GmbH", "initech.de");
 * }</pre>
 *
 * @param name the account name as the requester would enter it in its CRM, at most 500 characters on one line
 * @param domain the prospect's web domain or URL, or {@code null}; at most 253 characters without spaces (the
 *     introduction refuses one that is no company's registrable domain, such as a free-mail domain)
 */
public record Prospect(String name, @Nullable String domain) {
    /** Validates both fields. */
    public Prospect {
        name = Checks.singleLine(name, "prospect name", 500);
        if (domain != null && domain.isBlank()) {
            domain = null;
        }
        if (domain != null) {
            domain = Checks.singleLine(domain, "prospect domain", 253);
            if (domain.chars().anyMatch(Character::isWhitespace)) {
                throw new ValidationException("prospect domain must be one domain without spaces, but was "
                        + Checks.quote(domain));
            }
        }
    }

    /** Same as the constructor. */
    public static Prospect of(String name, @Nullable String domain) {
        return new Prospect(name, domain);
    }
}
