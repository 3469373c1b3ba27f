package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;

/**
 * Identifies a company: 1 to 128 ASCII letters, digits and {@code - _ . :}, starting with a letter or digit, chosen
 * by the host; compared exactly (case matters).
 *
 * <p>Ids are as strict as tags, so that a display name passed by mistake ({@code CompanyId.of("Acme Inc!")}) fails
 * at once instead of becoming a second company. The characters allowed are those hosts' ids use: slugs
 * ({@code "acme-mail"}, {@code "co_0042"}), domains ({@code "acme.io"}), UUIDs, numeric provider ids
 * ({@code "9521"}) and namespaced keys ({@code "hubspot:9521"}). Surrounding whitespace is trimmed.
 *
 * @param value the id as text
 */
public record CompanyId(String value) implements Comparable<CompanyId> {
    /** Validates and trims the id. */
    public CompanyId {
        value = Checks.singleLine(value, "companyId", 128);
        if (!valid(value)) {
            throw new ValidationException("companyId must be 1 to 128 ASCII letters, digits or - _ . : (starting with"
                    + " a letter or digit), such as \"acme-mail\" or \"acme.io\", but was " + Checks.quote(value));
        }
    }

    // A loop rather than a regex: ids are built on hot paths (search results, index keys).
    private static boolean valid(String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean alphanumeric = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
            if (!alphanumeric && (i == 0 || c != '-' && c != '_' && c != '.' && c != ':')) {
                return false;
            }
        }
        return true;
    }

    /** Same as the constructor: {@code CompanyId.of("acme-mail")}. */
    public static CompanyId of(String value) {
        return new CompanyId(value);
    }

    @Override
    public int compareTo(CompanyId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
