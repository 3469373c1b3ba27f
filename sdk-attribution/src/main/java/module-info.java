/** Partner attribution: scorecards and influence over the core's ledger, intros and referrals. */
module dev.ecosystem.attribution {
    requires transitive dev.ecosystem.core;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.google.common;

    exports dev.ecosystem.attribution;
}
