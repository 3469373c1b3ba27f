package dev.ecosystem.spi;

import dev.ecosystem.internal.base.Checks;
import org.jspecify.annotations.Nullable;

/**
 * A drafted email: subject, plain text and HTML. The HTML has every piece of user text escaped.
 *
 * @param subject single-line subject
 * @param textBody plain-text body
 * @param htmlBody HTML body
 * @param note what the drafter wants the host to know (for example that an AI drafter fell back to the
 *     template, and why), or {@code null}
 */
public record Draft(String subject, String textBody, String htmlBody, @Nullable String note) {
    /** Validates the fields; the subject must be single-line. */
    public Draft {
        subject = Checks.singleLine(subject, "subject", 998);
        Checks.required(textBody, "textBody");
        Checks.required(htmlBody, "htmlBody");
    }
}
