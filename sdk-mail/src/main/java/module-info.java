/** The mail adapters: SMTP, the Gmail and Microsoft Graph APIs, and chat webhooks. */
module dev.ecosystem.mail {
    requires transitive dev.ecosystem.core;
    requires transitive dev.ecosystem.http;
    requires org.slf4j;
    requires jakarta.mail;
    requires org.eclipse.angus.mail;
    requires retrofit2;
    requires retrofit2.converter.jackson;
    requires okhttp3;
    requires com.fasterxml.jackson.databind;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;
    requires io.github.resilience4j.bulkhead;
    requires com.github.benmanes.caffeine;
    requires com.google.common;

    exports dev.ecosystem.mail;

    // The providers' JSON bodies bind to private records in both packages.
    opens dev.ecosystem.mail to com.fasterxml.jackson.databind;
    opens dev.ecosystem.mail.internal to com.fasterxml.jackson.databind;
}
