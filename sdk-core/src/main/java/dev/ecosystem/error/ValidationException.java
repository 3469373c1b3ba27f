package dev.ecosystem.error;

/**
 * Bad input: the message names the field, the value given and what is allowed, for example
 * {@code "pageSize must be between 1 and 100, but was 0"}. Nothing was stored when this is thrown.
 */
public class ValidationException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    /** Creates a validation error with a complete message. */
    public ValidationException(String message) {
        super(message);
    }

    /** Creates a validation error that wraps the parser's cause. */
    public ValidationException(String message, Throwable cause) {
        super(message, cause);
    }
}
