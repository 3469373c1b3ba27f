package dev.ecosystem.attribution;

import dev.ecosystem.internal.base.Checks;
import dev.ecosystem.model.CompanyId;

/**
 * What one {@link PartnerReports#schedule} run did.
 *
 * @param vendor the vendor whose partners were reported to
 * @param period the period reported
 * @param partners how many ACTIVE partners the vendor has (the only ones reported to)
 * @param statements how many commission statements were stored or found stored (partners whose type has a program)
 * @param enqueued how many emails this run put in the outbox
 * @param alreadySent how many reports (one partner's scorecard or statement) an earlier run had sent already
 * @param withoutRecipients how many partners had nobody to send to (no reachable contact that did not opt out)
 */
public record ReportRun(CompanyId vendor, ReportPeriod period, int partners, int statements, int enqueued,
        int alreadySent, int withoutRecipients) {
    /** Validates every field. */
    public ReportRun {
        Checks.required(vendor, "vendor");
        Checks.required(period, "period");
        Checks.nonNegative(partners, "partners");
        Checks.nonNegative(statements, "statements");
        Checks.nonNegative(enqueued, "enqueued");
        Checks.nonNegative(alreadySent, "alreadySent");
        Checks.nonNegative(withoutRecipients, "withoutRecipients");
    }

    /** Whether this run enqueued nothing. */
    public boolean nothingNew() {
        return enqueued == 0;
    }

    /**
     * One line for a log or a console: {@code nothing new to send} when the run enqueued nothing, else how many
     * emails to how many partners, such as {@code enqueued 4 emails for 2 partners, 2025-Q1}.
     */
    public String summary() {
        if (nothingNew()) {
            return "nothing new to send";
        }
        return "enqueued " + enqueued + (enqueued == 1 ? " email" : " emails") + " for " + partners
                + (partners == 1 ? " partner, " : " partners, ") + period.label();
    }
}
