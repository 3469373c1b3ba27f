package dev.ecosystem.spring;

import dev.ecosystem.error.ValidationException;
import org.jspecify.annotations.Nullable;

/**
 * An {@code ecosystem.*} property with a value the starter refuses, named as it is written in the application's
 * configuration: {@code "ecosystem.mail.kind must be one of smtp, gmail, graph, eml-directory, but was 'smpt'"}.
 */
public final class InvalidPropertyException extends ValidationException {
    private static final long serialVersionUID = 1L;

    private final String property;

    /** {@code property} must be {@code allowed}, but was {@code value} ({@code null}: not set). */
    public InvalidPropertyException(String property, String allowed, @Nullable Object value) {
        super(property + " must be " + allowed + ", but was " + (value == null ? "not set" : "'" + value + "'"));
        this.property = property;
    }

    /** The property, such as {@code ecosystem.mail.kind}. */
    public String property() {
        return property;
    }
}
