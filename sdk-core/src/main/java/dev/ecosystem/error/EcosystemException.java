package dev.ecosystem.error;

import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import org.jspecify.annotations.Nullable;

/**
 * The one unchecked root of every error the SDK throws. Catch a subtype to react to one kind of failure:
 * {@link ValidationException}, {@link NotFoundException}, {@link ConflictException},
 * {@link AccessDeniedException}, {@link ProviderException} and its {@link QuotaExhaustedException}.
 */
public class EcosystemException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** Creates an exception with a message that says what went wrong and with which value. */
    public EcosystemException(String message) {
        super(message);
    }

    /** Creates an exception that wraps its cause. */
    public EcosystemException(String message, @Nullable Throwable cause) {
        super(message, cause);
    }
}
