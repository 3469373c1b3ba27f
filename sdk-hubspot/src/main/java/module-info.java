/** The HubSpot CRM adapter: {@code HubSpotCrm} and its webhook verifier. */
module dev.ecosystem.hubspot {
    requires transitive dev.ecosystem.core;
    requires transitive dev.ecosystem.http;
    requires org.slf4j;
    requires retrofit2;
    requires retrofit2.converter.jackson;
    requires okhttp3;
    requires com.fasterxml.jackson.databind;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.circuitbreaker;
    requires com.github.benmanes.caffeine;

    exports dev.ecosystem.hubspot;

    // HubSpot's JSON bodies bind to the package's private records.
    opens dev.ecosystem.hubspot to com.fasterxml.jackson.databind;
}
