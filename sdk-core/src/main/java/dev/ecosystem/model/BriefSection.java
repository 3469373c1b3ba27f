package dev.ecosystem.model;

/** The sections of a program's one-page enablement brief, in the order the page shows them. */
public enum BriefSection {
    /** Whom the vendor wants as partners of the program: its ideal partner profile in words. */
    IDEAL_PARTNER("Who we are looking for"),
    /** Why a partner joins. */
    VALUE_PROPOSITION("Why partner with us"),
    /** What makes a prospect a good referral. */
    GOOD_REFERRAL("What makes a good referral"),
    /** How to register a referral, and how long it stays protected. */
    HOW_TO_REGISTER("How to register a referral"),
    /** What the partner earns: the program's commission plan in words. */
    COMMISSION("What you earn");

    private final String heading;

    BriefSection(String heading) {
        this.heading = heading;
    }

    /** The section's heading on the page, such as {@code What you earn}. */
    public String heading() {
        return heading;
    }
}
