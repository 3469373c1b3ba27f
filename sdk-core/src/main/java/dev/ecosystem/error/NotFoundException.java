package dev.ecosystem.error;

/** The thing asked for does not exist, or is not visible to the acting company (the two are not told apart). */
public class NotFoundException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    /** Creates a not-found error naming what was looked up. */
    public NotFoundException(String message) {
        super(message);
    }
}
