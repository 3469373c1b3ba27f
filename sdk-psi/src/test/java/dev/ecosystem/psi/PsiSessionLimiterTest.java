package dev.ecosystem.psi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.ecosystem.AccessDeniedException;
import dev.ecosystem.ValidationException;
import dev.ecosystem.memory.InMemoryPartnerStore;
import dev.ecosystem.model.CompanyId;
import dev.ecosystem.testkit.MutableClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class PsiSessionLimiterTest {
    private static final CompanyId ACME = CompanyId.of("acme");
    private static final CompanyId GLOBEX = CompanyId.of("globex");
    private static final CompanyId INITECH = CompanyId.of("initech");
    private static final Duration DAY = Duration.ofDays(1);

    interface Factory {
        PsiSessionLimiter create(int max, Duration period, Clock clock);
    }

    static Stream<Arguments> limiters() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        return Stream.of(
                Arguments.of("in memory", (Factory) PsiSessionLimiter::inMemory),
                Arguments.of("stored", (Factory) (max, period, clock) ->
                        PsiSessionLimiter.stored(store, ACME, max, period, clock)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("limiters")
    @DisplayName("at most maxSessions per partner per period; other partners and the next period are unaffected")
    void limitsSessionsPerPartnerAndPeriod(String name, Factory factory) {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        PsiSessionLimiter limiter = factory.create(2, DAY, clock);

        assertThat(limiter.tryAcquire(GLOBEX)).isTrue();
        clock.advance(Duration.ofHours(1));
        assertThat(limiter.tryAcquire(GLOBEX)).isTrue();
        assertThat(limiter.tryAcquire(GLOBEX)).isFalse();
        assertThatThrownBy(() -> limiter.acquire(GLOBEX)).isInstanceOf(AccessDeniedException.class)
                .hasMessage("PSI session limit reached with partner globex: 2 sessions per PT24H already started in "
                        + "this period; the next period starts at 2026-03-03T00:00:00Z");
        assertThat(limiter.tryAcquire(INITECH)).isTrue();

        clock.advance(Duration.ofHours(15)); // 2026-03-03T00:00Z: a new period
        assertThat(limiter.tryAcquire(GLOBEX)).isTrue();
        limiter.acquire(GLOBEX);
        assertThat(limiter.tryAcquire(GLOBEX)).isFalse();
    }

    @Test
    @DisplayName("stored permits are shared by every limiter on the same store (other nodes, a restart)")
    void storedPermits_surviveANewLimiter() {
        InMemoryPartnerStore store = InMemoryPartnerStore.create();
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T08:00:00Z"));
        PsiSessionLimiter.stored(store, ACME, 1, DAY, clock).acquire(GLOBEX);
        PsiSessionLimiter restarted = PsiSessionLimiter.stored(store, ACME, 1, DAY, clock);
        assertThat(restarted.tryAcquire(GLOBEX)).isFalse();
        assertThat(PsiSessionLimiter.stored(store, INITECH, 1, DAY, clock).tryAcquire(GLOBEX)).isTrue();
    }

    @Test
    @DisplayName("bad settings are refused with the value")
    void badSettings_areRefused() {
        assertThatThrownBy(() -> PsiSessionLimiter.inMemory(0, DAY, Clock.systemUTC()))
                .isInstanceOf(ValidationException.class).hasMessage("maxSessions must be between 1 and 10000, but was 0");
        assertThatThrownBy(() -> PsiSessionLimiter.inMemory(1, Duration.ZERO, Clock.systemUTC()))
                .isInstanceOf(ValidationException.class).hasMessage("period must be at least 1 millisecond, but was PT0S");
    }
}
