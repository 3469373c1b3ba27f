package dev.ecosystem.model;

/** Where a version of an enablement brief stands: only an approved version is ever sent to partners. */
public enum BriefStatus {
    /** Drafted or edited; the vendor may still edit it in place, then approve it. */
    DRAFT,
    /** Approved by the vendor; never changed again (an edit makes the next version, a draft). */
    APPROVED
}
