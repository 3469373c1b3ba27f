package dev.ecosystem.jdbc;

import dev.ecosystem.error.ConflictException;

/**
 * The database gave up on this transaction because of a concurrent one (serialization failure, deadlock, lock
 * timeout, a unique key taken since it was checked): the whole callback is run again. Only when every attempt failed
 * does a plain {@link ConflictException} reach the caller.
 */
final class RetryableConflict extends ConflictException {
    private static final long serialVersionUID = 1L;

    RetryableConflict(String message, Throwable cause) {
        super(message);
        initCause(cause);
    }
}
