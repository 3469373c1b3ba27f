package dev.ecosystem.error;

/**
 * The change conflicts with the stored state: a concurrent update won (optimistic concurrency), a unique key is
 * taken, or a state transition is not allowed from the current state. Re-read and decide again.
 */
public class ConflictException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    /** Creates a conflict error naming the thing and the state it was in. */
    public ConflictException(String message) {
        super(message);
    }
}
