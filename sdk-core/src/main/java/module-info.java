/**
 * The Ecosystem SDK's core: the client, its engines, the value types and the ports (SPI) that adapters implement.
 *
 * <p>Every package whose name does not contain {@code .internal} is exported; {@code internal} packages are exported
 * only to the SDK's own modules that use them, so they stay out of a host's compile path and IDE completion.
 * {@code ModuleBoundaryTest} checks that rule against the compiled descriptor.
 */
module dev.ecosystem.core {
    requires transitive org.jspecify;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires com.github.benmanes.caffeine;
    requires com.google.common;

    exports dev.ecosystem;
    exports dev.ecosystem.error;
    exports dev.ecosystem.event;
    exports dev.ecosystem.intro;
    exports dev.ecosystem.io;
    exports dev.ecosystem.ledger;
    exports dev.ecosystem.memory;
    exports dev.ecosystem.model;
    exports dev.ecosystem.navigator;
    exports dev.ecosystem.overlap;
    exports dev.ecosystem.partnership;
    exports dev.ecosystem.payout;
    exports dev.ecosystem.program;
    exports dev.ecosystem.referral;
    exports dev.ecosystem.spi;
    exports dev.ecosystem.spi.support;

    // Argument checks the in-tree adapters share; not for hosts.
    exports dev.ecosystem.internal.base to
            dev.ecosystem.http,
            dev.ecosystem.hubspot,
            dev.ecosystem.salesforce,
            dev.ecosystem.mail,
            dev.ecosystem.attribution,
            dev.ecosystem.jdbc,
            dev.ecosystem.psi;

    // Helpers the in-tree adapters share (listed values, partner contacts); not for hosts.
    exports dev.ecosystem.internal to
            dev.ecosystem.http,
            dev.ecosystem.hubspot,
            dev.ecosystem.salesforce,
            dev.ecosystem.mail,
            dev.ecosystem.attribution,
            dev.ecosystem.jdbc,
            dev.ecosystem.psi;

    // The JDBC store keeps values of these packages as JSON columns; Jackson binds their records reflectively.
    opens dev.ecosystem.model to com.fasterxml.jackson.databind;
    opens dev.ecosystem.partnership to com.fasterxml.jackson.databind;
    opens dev.ecosystem.program to com.fasterxml.jackson.databind;
    opens dev.ecosystem.referral to com.fasterxml.jackson.databind;
}
