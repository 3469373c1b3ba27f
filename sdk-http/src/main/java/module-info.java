/**
 * HTTP plumbing the SDK's HTTP adapters share: retry and timeout settings, one {@code Sleeper}, a retry executor and
 * an OAuth refresh-token source.
 */
module dev.ecosystem.http {
    requires transitive dev.ecosystem.core;
    requires transitive okhttp3;
    requires org.slf4j;
    requires com.fasterxml.jackson.databind;
    requires io.github.resilience4j.core;
    requires io.github.resilience4j.retry;

    exports dev.ecosystem.http;
}
