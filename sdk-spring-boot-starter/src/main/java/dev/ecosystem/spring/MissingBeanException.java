package dev.ecosystem.spring;

import dev.ecosystem.error.EcosystemException;

/** The configuration asks for something only an application bean can give, and the application defines none. */
public final class MissingBeanException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    /** {@code message} says which property needs which bean type. */
    public MissingBeanException(String message) {
        super(message);
    }
}
