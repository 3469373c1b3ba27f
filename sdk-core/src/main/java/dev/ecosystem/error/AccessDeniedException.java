package dev.ecosystem.error;

/** The acting company may not do this: the data belongs to another company or its sharing rules forbid it. */
public class AccessDeniedException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    /** Creates an access error; the message never reveals the data that was refused. */
    public AccessDeniedException(String message) {
        super(message);
    }
}
