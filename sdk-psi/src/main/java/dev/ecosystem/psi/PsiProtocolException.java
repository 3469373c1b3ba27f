package dev.ecosystem.psi;

import dev.ecosystem.error.EcosystemException;

/**
 * A received message was refused: its version, type, session id, length, a point or a size is not what this
 * session accepts; the message says which and with what value. The session is left exactly as it was before the
 * message, so it can still complete when the right message arrives.
 */
public class PsiProtocolException extends EcosystemException {
    private static final long serialVersionUID = 1L;

    /** A refusal with a complete message. */
    public PsiProtocolException(String message) {
        super(message);
    }
}
