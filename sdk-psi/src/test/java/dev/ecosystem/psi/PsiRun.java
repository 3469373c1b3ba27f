package dev.ecosystem.psi;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Runs both sides of a session in memory and keeps every message, for tests. */
final class PsiRun {
    final PsiSession initiator;
    final PsiSession responder;
    final List<byte[]> fromInitiator = new ArrayList<>();
    final List<byte[]> fromResponder = new ArrayList<>();

    private PsiRun(PsiSession initiator, PsiSession responder) {
        this.initiator = initiator;
        this.responder = responder;
    }

    static PsiRun run(PsiOptions options, PsiSets a, PsiSets b) {
        PsiRun run = new PsiRun(PsiSession.initiator(options, a), PsiSession.responder(options, b));
        byte[] message = run.initiator.firstMessage();
        boolean toResponder = true;
        while (message != null) {
            (toResponder ? run.fromInitiator : run.fromResponder).add(message);
            Optional<byte[]> next = (toResponder ? run.responder : run.initiator).receive(message);
            message = next.orElse(null);
            toResponder = !toResponder;
        }
        return run;
    }
}
