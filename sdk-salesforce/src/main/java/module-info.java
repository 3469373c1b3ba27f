/** The Salesforce CRM adapter: {@code SalesforceCrm} over the REST and Bulk 2.0 APIs. */
module dev.ecosystem.salesforce {
    requires transitive dev.ecosystem.core;
    requires transitive dev.ecosystem.http;
    requires org.slf4j;
    requires okhttp3;
    requires com.fasterxml.jackson.databind;
    requires com.fasterxml.jackson.dataformat.csv;
    requires io.github.resilience4j.core;

    exports dev.ecosystem.salesforce;

    // Salesforce's JSON bodies bind to the package's private records.
    opens dev.ecosystem.salesforce to com.fasterxml.jackson.databind;
}
