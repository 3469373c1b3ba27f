package dev.ecosystem.model;

import dev.ecosystem.error.ValidationException;
import dev.ecosystem.internal.base.Checks;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A business or role tag, such as {@code business:email-marketing} or {@code role:head-of-partnerships}.
 *
 * <p>Values are normalized: trimmed, lower case, runs of internal whitespace turned into one {@code -}. A normalized
 * value is 1 to 64 characters of letters, digits and {@code - . + & /}, starting with a letter or digit.
 *
 * <pre>{@code
 * Tag.parse("business: Email Marketing")  // business:email-marketing
 * Tag.role("Head of Partnerships")        // role:head-of-partnerships
 * }</pre>
 *
 * @param namespace whether this describes what a company does or what a person does
 * @param value the normalized value
 */
public record Tag(Namespace namespace, String value) implements Comparable<Tag> {
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern VALID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}.+&/-]{0,63}");

    /** What a tag describes. */
    public enum Namespace {
        /** What a company does, sells or serves: {@code business:crm}. */
        BUSINESS,
        /** What a person does: {@code role:partnerships}. */
        ROLE;

        // Computed once: toString() runs for every tag a search index reads as text, millions of times per load.
        private final String prefix = name().toLowerCase(Locale.ROOT);
        private final String textPrefix = prefix + ":";

        String prefix() {
            return prefix;
        }
    }

    /** Normalizes and validates the value. */
    public Tag {
        Checks.required(namespace, "tag namespace");
        value = normalize(value, "tag value");
    }

    /** A {@code business:} tag. */
    public static Tag business(String value) {
        return new Tag(Namespace.BUSINESS, value);
    }

    /** A {@code role:} tag. */
    public static Tag role(String value) {
        return new Tag(Namespace.ROLE, value);
    }

    /**
     * Parses {@code namespace:value}, the form {@link #toString()} prints.
     *
     * @throws ValidationException when the namespace is not {@code business} or {@code role}, or the value is invalid
     */
    public static Tag parse(String text) {
        Checks.required(text, "tag");
        int colon = text.indexOf(':');
        if (colon < 0) {
            throw new ValidationException("tag must look like \"business:value\" or \"role:value\", but was "
                    + Checks.quote(text));
        }
        String prefix = text.substring(0, colon).strip().toLowerCase(Locale.ROOT);
        for (Namespace namespace : Namespace.values()) {
            if (namespace.prefix().equals(prefix)) {
                return new Tag(namespace, text.substring(colon + 1));
            }
        }
        throw new ValidationException("tag namespace must be \"business\" or \"role\", but was "
                + Checks.quote(text.substring(0, colon)) + " in " + Checks.quote(text));
    }

    /**
     * The normalization every tag-like value in the SDK shares (tags, industries, regions, product categories,
     * signals): trimmed, lower case, internal whitespace to {@code -}, then checked.
     *
     * @param raw the value as given
     * @param field the field name for the error message
     * @return the normalized value
     * @throws ValidationException when the normalized value is empty, too long or has characters not allowed
     */
    public static String normalize(String raw, String field) {
        Checks.required(raw, field);
        String normalized = WHITESPACE.matcher(raw.strip().toLowerCase(Locale.ROOT)).replaceAll("-");
        if (!VALID.matcher(normalized).matches()) {
            throw new ValidationException(field + " must be 1 to 64 letters, digits or - . + & / (starting with a "
                    + "letter or digit) after normalization, but was " + Checks.quote(raw));
        }
        return normalized;
    }

    @Override
    public int compareTo(Tag other) {
        int byNamespace = namespace.compareTo(other.namespace);
        return byNamespace != 0 ? byNamespace : value.compareTo(other.value);
    }

    /** {@code namespace:value}, which {@link #parse} reads back. */
    @Override
    public String toString() {
        return namespace.textPrefix.concat(value);
    }
}
