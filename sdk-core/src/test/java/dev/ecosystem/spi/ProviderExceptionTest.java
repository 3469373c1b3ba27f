package dev.ecosystem.spi;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

class ProviderExceptionTest {
    private final IOException cause = new IOException("connection reset");

    @Test
    void unavailable_hasNoStatus_andMayBeRetried() {
        ProviderException e = ProviderException.unavailable("acme-crm", "listing failed: timeout", cause);

        assertThat(e.provider()).isEqualTo("acme-crm");
        assertThat(e.status()).isZero();
        assertThat(e.requestId()).isNull();
        assertThat(e.retryable()).isTrue();
        assertThat(e).hasMessage("listing failed: timeout").hasCause(cause);
    }

    @Test
    void failed_hasNoStatus_andIsNotRetried() {
        ProviderException e = ProviderException.failed("smtp", "could not encode", cause);

        assertThat(e.status()).isZero();
        assertThat(e.retryable()).isFalse();
        assertThat(e).hasCause(cause);
    }

    @Test
    void retryableAndRefused_keepStatusAndRequestId_andDifferOnlyInRetryable() {
        ProviderException busy = ProviderException.retryable("hubspot", 503, "req-1", "unavailable");
        ProviderException refused = ProviderException.refused("hubspot", 400, "req-2", "bad property", cause);

        assertThat(busy.status()).isEqualTo(503);
        assertThat(busy.requestId()).isEqualTo("req-1");
        assertThat(busy.retryable()).isTrue();
        assertThat(busy.getCause()).isNull();
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.requestId()).isEqualTo("req-2");
        assertThat(refused.retryable()).isFalse();
        assertThat(refused).hasCause(cause);
        assertThat(ProviderException.retryable("smtp", 421, null, "later", cause)).hasCause(cause);
        assertThat(ProviderException.refused("gmail", 403, null, "no scope").retryable()).isFalse();
    }
}
