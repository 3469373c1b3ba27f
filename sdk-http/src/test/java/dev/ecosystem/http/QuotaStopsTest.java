package dev.ecosystem.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.spi.ProviderException;
import dev.ecosystem.spi.QuotaExhaustedException;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class QuotaStopsTest {
    private static final Instant RESET = Instant.parse("2026-11-03T00:00:00Z");

    @Test
    @DisplayName("A quota stop without a checkpoint gets the read's, keeping provider, status, request id and reset")
    void quotaStop_getsTheReadsCheckpoint() {
        assertThatThrownBy(() -> QuotaStops.withResumeCheckpoint("cursor-7", () -> {
            throw new QuotaExhaustedException("acme-api", 429, "req-1", RESET, null, "daily limit used up");
        })).isInstanceOfSatisfying(QuotaExhaustedException.class, e -> {
            assertThat(e.resumeCheckpoint()).isEqualTo("cursor-7");
            assertThat(e.provider()).isEqualTo("acme-api");
            assertThat(e.status()).isEqualTo(429);
            assertThat(e.requestId()).isEqualTo("req-1");
            assertThat(e.retryAfter()).isEqualTo(RESET);
        }).hasMessage("daily limit used up; resume from resumeCheckpoint");
    }

    @Test
    void quotaStopWithACheckpoint_andOtherFailures_passUnchanged() {
        QuotaExhaustedException inner = new QuotaExhaustedException("acme-api", 429, null, RESET, "inner-3", "stop");
        ProviderException down = ProviderException.retryable("acme-api", 503, null, "down");

        assertThatThrownBy(() -> QuotaStops.withResumeCheckpoint("cursor-7", () -> {
            throw inner;
        })).isSameAs(inner);
        assertThatThrownBy(() -> QuotaStops.withResumeCheckpoint("cursor-7", () -> {
            throw down;
        })).isSameAs(down);
        assertThat(QuotaStops.withResumeCheckpoint("cursor-7", () -> "page")).isEqualTo("page");
    }
}
